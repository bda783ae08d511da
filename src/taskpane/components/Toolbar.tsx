/** 检查 (primary), 清除标记, the 自动重新检查 switch, and a spinner while Excel is busy. */
import * as React from "react";
import { Button, Spinner, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/finding";
import { translator, type StringKey } from "../i18n";
import type { Busy } from "../useChecker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

const BUSY_LABEL: Record<Busy, StringKey> = {
  checking: "checking",
  fixing: "fixing",
  clearing: "clearing",
  accepting: "accepting",
  undoing: "undoing",
};

export interface ToolbarProps {
  lang: Lang;
  busy?: Busy;
  canCheck: boolean;
  canClear: boolean;
  /** Shows the switch (the host can watch the sheet). */
  canWatch: boolean;
  autoRecheck: boolean;
  onCheck(): void;
  onClear(): void;
  onAutoRecheck(on: boolean): void;
}

export function Toolbar(props: ToolbarProps): React.JSX.Element {
  const { lang, busy, canCheck, canClear, canWatch, autoRecheck, onCheck, onClear, onAutoRecheck } = props;
  const styles = useStyles();
  const t = translator(lang);
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={!canCheck || busy !== undefined} onClick={onCheck}>
          {t("checkButton")}
        </Button>
        <Button appearance="secondary" disabled={!canClear || busy !== undefined} onClick={onClear}>
          {t("clearMarks")}
        </Button>
        {busy && <Spinner size="tiny" labelPosition="after" label={t(BUSY_LABEL[busy])} />}
      </div>
      {canWatch && (
        <Switch
          className={styles.switch}
          checked={autoRecheck}
          label={t("autoRecheck")}
          onChange={(_, data) => onAutoRecheck(data.checked)}
        />
      )}
    </div>
  );
}

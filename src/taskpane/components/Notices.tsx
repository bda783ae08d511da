/** The pane's message bars: missing Excel features, errors, the protected sheet, and what a fix or clear did. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core/finding";
import { FEATURE_API_VERSIONS, type Feature } from "../../excel/requirements";
import { describeError } from "../errors";
import { cellList, translator, type StringKey } from "../i18n";
import type { ErrorStage, Notice, PaneError } from "../useChecker";
import { Icon } from "./icons";

const useStyles = makeStyles({
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  detail: { overflowWrap: "anywhere" },
});

function DismissButton({ lang, onClick }: { lang: Lang; onClick(): void }) {
  return (
    <Button
      appearance="transparent"
      size="small"
      icon={<Icon name="dismiss" />}
      aria-label={translator(lang)("dismiss")}
      onClick={onClick}
    />
  );
}

const FEATURE_TEXT: Record<Feature, StringKey> = {
  core: "featureCore",
  conditionalFormats: "featureConditionalFormats",
  onChanged: "featureOnChanged",
  mergedAreas: "featureMergedAreas",
};

/** One bar listing each feature this Excel lacks, with the ExcelApi version it needs. */
export function FeatureNotice({
  missing,
  lang,
}: {
  missing: readonly Feature[];
  lang: Lang;
}): React.JSX.Element | null {
  const styles = useStyles();
  const t = translator(lang);
  if (missing.length === 0) return null;
  const lines = missing.map((f) => t(FEATURE_TEXT[f], { v: FEATURE_API_VERSIONS[f] }));
  return (
    <MessageBar intent={missing.includes("core") ? "error" : "warning"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("featureTitle")}</MessageBarTitle>
        {lines.length === 1 ? (
          lines[0]
        ) : (
          <ul className={styles.lines}>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

const ERROR_TITLE: Record<ErrorStage, StringKey> = {
  start: "errorStart",
  read: "errorRead",
  check: "errorCheck",
  highlight: "errorHighlight",
  select: "errorSelect",
  fix: "errorFix",
  clear: "errorClear",
  watch: "errorWatch",
};

export function ErrorNotice({
  error,
  lang,
  onDismiss,
}: {
  error: PaneError;
  lang: Lang;
  /** Without it the bar has no dismiss button. */
  onDismiss?: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const t = translator(lang);
  const title = t(ERROR_TITLE[error.stage]) + (error.cell ? ` ${error.cell}` : "");
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <span className={styles.detail}>{describeError(error.error, lang)}</span>
      </MessageBarBody>
      {onDismiss && <MessageBarActions containerAction={<DismissButton lang={lang} onClick={onDismiss} />} />}
    </MessageBar>
  );
}

export function DoneNotice({
  notice,
  lang,
  onDismiss,
}: {
  notice: Notice;
  lang: Lang;
  onDismiss(): void;
}): React.JSX.Element {
  const t = translator(lang);
  const text =
    notice.kind === "cleared"
      ? t("cleared")
      : notice.cells.length === 1
        ? t("fixed", { cells: notice.cells[0] })
        : t("fixedMany", { n: notice.cells.length, cells: cellList(lang, notice.cells) });
  return (
    <MessageBar intent={notice.kind === "fixed" ? "success" : "info"} layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions containerAction={<DismissButton lang={lang} onClick={onDismiss} />} />
    </MessageBar>
  );
}

export function ProtectedNotice({ lang }: { lang: Lang }): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{translator(lang)("protectedSheet")}</MessageBarBody>
    </MessageBar>
  );
}

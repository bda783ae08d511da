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
  accept: "errorAccept",
  acceptances: "errorAcceptances",
  undo: "errorUndo",
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

/** "Sheet1!F20" → "F20": the pane names cells on the checked sheet without it. */
function bare(cells: readonly string[]): string[] {
  return cells.map((c) => c.slice(c.lastIndexOf("!") + 1));
}

function noticeText(notice: Notice, lang: Lang): string {
  const t = translator(lang);
  switch (notice.kind) {
    case "cleared":
      return t("cleared");
    case "fixed":
      return notice.cells.length === 1
        ? t("fixed", { cells: notice.cells[0] })
        : t("fixedMany", { n: notice.cells.length, cells: cellList(lang, notice.cells) });
    case "undone": {
      const restored = bare(notice.restored);
      const parts = [restored.length > 0 ? t("undone", { cells: cellList(lang, restored) }) : t("undoneNothing")];
      if (notice.changedSince.length > 0)
        parts.push(t("changedSince", { cells: cellList(lang, bare(notice.changedSince)) }));
      return parts.join(lang === "zh" ? "" : " ");
    }
    case "accepted":
      return t("accepted", { cell: notice.cell });
    case "restored":
      return t("restoredNotice", { cell: notice.cell });
  }
}

export function DoneNotice({
  notice,
  lang,
  onDismiss,
  onUndo,
  undoDisabled,
}: {
  notice: Notice;
  lang: Lang;
  onDismiss(): void;
  /** 撤销 right after a fix (the notice's entry in the fix history). */
  onUndo?(entry: number): void;
  undoDisabled?: boolean;
}): React.JSX.Element {
  const t = translator(lang);
  const intent =
    notice.kind === "fixed" || notice.kind === "accepted"
      ? "success"
      : notice.kind === "undone" && notice.changedSince.length > 0
        ? "warning"
        : "info";
  const entry = notice.kind === "fixed" ? notice.entry : undefined;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{noticeText(notice, lang)}</MessageBarBody>
      <MessageBarActions containerAction={<DismissButton lang={lang} onClick={onDismiss} />}>
        {entry !== undefined && onUndo && (
          <Button size="small" disabled={undoDisabled} onClick={() => onUndo(entry)}>
            {t("undo")}
          </Button>
        )}
      </MessageBarActions>
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

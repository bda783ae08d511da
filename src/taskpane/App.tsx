/**
 * Placeholder task pane: one button that reads the active sheet, runs the checker and shows a summary. The real
 * pane (finding list, highlighting, fixes) replaces this later; until then this one must tell the truth about
 * what it found.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { checkSheet } from "../core/check";
import type { SheetSnapshot } from "../core/snapshot";
import { readActiveSheetSnapshot } from "../excel/snapshot";
import { detectFeatures, officeIsSetSupported } from "../excel/requirements";
import { format, type Lang, type StringKey } from "./i18n";
import { summarizeCheck, type CheckSummary } from "./summary";

export interface AppProps {
  lang: Lang;
  dark: boolean;
  /** False when the page is not running inside Excel. */
  inExcel: boolean;
}

type State =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; summary: CheckSummary; mergesRead: boolean }
  | { status: "failed"; stage: "excel" | "check"; message: string };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  table: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  label: { color: tokens.colorNeutralForeground3 },
  counts: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    // OfficeExtension.Error carries a code (e.g. "ItemNotFound") besides the message.
    const code = (err as { code?: unknown }).code;
    return typeof code === "string" && code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}

export default function App({ lang, dark, inExcel }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ status: "idle" });
  const t = (key: StringKey, params?: Record<string, string | number>) => format(lang, key, params);

  const runCheck = async () => {
    setState({ status: "running" });
    const mergesRead = detectFeatures(officeIsSetSupported()).mergedAreas;
    let snapshot: SheetSnapshot;
    try {
      snapshot = await Excel.run((context) => readActiveSheetSnapshot(context, { merges: mergesRead }));
    } catch (err) {
      setState({ status: "failed", stage: "excel", message: errorMessage(err) });
      return;
    }
    try {
      setState({ status: "done", summary: summarizeCheck(checkSheet(snapshot)), mergesRead });
    } catch (err) {
      setState({ status: "failed", stage: "check", message: errorMessage(err) });
    }
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <main className={styles.root}>
        <Title3 as="h1">{t("title")}</Title3>
        <Caption1>{t("preview")}</Caption1>
        {!inExcel && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("notInExcel")}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" disabled={!inExcel || state.status === "running"} onClick={runCheck}>
            {t("checkButton")}
          </Button>
        </div>
        {state.status === "running" && <Spinner size="small" labelPosition="after" label={t("running")} />}
        {state.status === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t(state.stage === "excel" ? "excelError" : "checkError")}</MessageBarTitle>
              {state.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.status === "done" && <Result summary={state.summary} mergesRead={state.mergesRead} lang={lang} />}
      </main>
    </FluentProvider>
  );
}

function Result({ summary, mergesRead, lang }: { summary: CheckSummary; mergesRead: boolean; lang: Lang }) {
  const styles = useStyles();
  const t = (key: StringKey, params?: Record<string, string | number>) => format(lang, key, params);
  const total = summary.counts.error + summary.counts.warning + summary.counts.info;
  return (
    <>
      {!mergesRead && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("noMerges")}</MessageBarBody>
        </MessageBar>
      )}
      {summary.notATable || summary.tables.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{t("notATable")}</MessageBarTitle>
            {summary.notATable?.[lang]}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <section>
          <Subtitle2 as="h2">
            {summary.tables.length === 1 ? t("tableFound") : t("tablesFound", { n: summary.tables.length })}
          </Subtitle2>
          {summary.tables.map((table) => (
            <div className={styles.table} key={table.range}>
              <Body1 className={styles.label}>{t("sheet")}</Body1>
              <Body1>{summary.sheet}</Body1>
              <Body1 className={styles.label}>{t("kind")}</Body1>
              <Body1>{t(table.kind === "department" ? "kindDepartment" : "kindProject")}</Body1>
              <Body1 className={styles.label}>{t("year")}</Body1>
              <Body1>{table.year ?? t("unknown")}</Body1>
              <Body1 className={styles.label}>{t("name")}</Body1>
              <Body1>{table.name ?? t("unknown")}</Body1>
              <Body1 className={styles.label}>{t("range")}</Body1>
              <Body1>{table.range}</Body1>
            </div>
          ))}
        </section>
      )}
      {summary.tables.length > 0 && (
        <section>
          <Subtitle2 as="h2">{t("findings")}</Subtitle2>
          {total === 0 ? (
            <Body1 as="p">{t("noFindings")}</Body1>
          ) : (
            <div className={styles.counts}>
              <Body1 className={styles.error}>
                {t("severityError")}: {summary.counts.error}
              </Body1>
              <Body1 className={styles.warning}>
                {t("severityWarning")}: {summary.counts.warning}
              </Body1>
              <Body1 className={styles.info}>
                {t("severityInfo")}: {summary.counts.info}
              </Body1>
            </div>
          )}
        </section>
      )}
    </>
  );
}

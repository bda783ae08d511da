/**
 * The task pane: check the active sheet, list the findings by section, select their cells, apply fixes, and
 * re-check as the sheet changes. It talks to Excel only through the ExcelHost it is given (undefined outside
 * Excel); the state lives in useChecker.
 */
import * as React from "react";
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Lang } from "../core/finding";
import type { ExcelHost } from "../excel/host";
import { missingFeatures, type Feature } from "../excel/requirements";
import { AcceptedSection } from "./components/AcceptedSection";
import { EmptyState } from "./components/EmptyState";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { FindingList } from "./components/FindingList";
import { FixHistory } from "./components/FixHistory";
import { DoneNotice, ErrorNotice, FeatureNotice, ProtectedNotice } from "./components/Notices";
import { ResultHeader } from "./components/ResultHeader";
import { TemplateSection } from "./components/TemplateSection";
import { Toolbar } from "./components/Toolbar";
import type { BulkFix } from "./fixes";
import { translator } from "./i18n";
import { paneTheme } from "./theme";
import { useChecker, type PaneError } from "./useChecker";

export interface AppProps {
  /** Excel, through the host interface; undefined when the page is not running inside Excel. */
  host: ExcelHost | undefined;
  lang: Lang;
  dark: boolean;
  /** Quiet time before an automatic re-check (tests shorten it). */
  debounceMs?: number;
  /** An error from starting the host, shown instead of the "open in Excel" hint. */
  startError?: unknown;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  success: { color: tokens.colorStatusSuccessForeground1 },
});

export default function App({ host, lang, dark, debounceMs, startError }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={paneTheme(dark)} className={styles.provider} lang={lang === "zh" ? "zh-CN" : "en"}>
      <ErrorBoundary lang={lang}>
        <Pane host={host} lang={lang} debounceMs={debounceMs} startError={startError} />
      </ErrorBoundary>
    </FluentProvider>
  );
}

export { App };

function Pane({ host, lang, debounceMs, startError }: Omit<AppProps, "dark">): React.JSX.Element {
  const styles = useStyles();
  const t = translator(lang);
  const checker = useChecker(host, { debounceMs });
  const { state } = checker;
  const { result, busy } = state;

  const missing: Feature[] = host ? missingFeatures(host.features) : [];
  if (host && state.highlight?.skipped === "unsupported" && !missing.includes("conditionalFormats"))
    missing.push("conditionalFormats");
  const sheetProtected = state.highlight?.skipped === "protected" || state.snapshot?.protected === true;
  const hasTables = result !== undefined && result.tables.length > 0;
  // The header counts and the list show the open findings; the accepted ones have their own section.
  const shown = result && { ...result, findings: checker.open };
  const noticeEntry = state.notice?.kind === "fixed" ? state.notice.entry : undefined;
  const startNotice: PaneError | undefined =
    startError !== undefined ? { stage: "start", error: startError } : undefined;

  const fix = (f: Finding) => void checker.applyFixes(f.fix ?? [], uniqueCells(f.fix ?? []));
  const fixAll = (b: BulkFix) => void checker.applyFixes(b.edits, uniqueCells(b.edits));

  return (
    <main className={styles.root}>
      <Title3 as="h1">{t("title")}</Title3>
      {!host &&
        (startNotice ? (
          <ErrorNotice error={startNotice} lang={lang} />
        ) : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("notInExcel")}</MessageBarBody>
          </MessageBar>
        ))}
      <FeatureNotice missing={missing} lang={lang} />
      {!result && host && <Body1 className={styles.intro}>{t("intro")}</Body1>}
      <Toolbar
        lang={lang}
        busy={busy}
        canCheck={host !== undefined}
        canClear={result !== undefined && !state.marksCleared}
        canWatch={checker.canWatch}
        autoRecheck={checker.autoRecheck}
        onCheck={() => void checker.check()}
        onClear={() => void checker.clearMarks()}
        onAutoRecheck={checker.setAutoRecheck}
      />
      {state.error && <ErrorNotice error={state.error} lang={lang} onDismiss={checker.dismissError} />}
      {state.notice && (
        <DoneNotice
          notice={state.notice}
          lang={lang}
          onDismiss={checker.dismissNotice}
          onUndo={(id) => void checker.undo(id)}
          undoDisabled={busy !== undefined || !checker.fixes.some((e) => e.id === noticeEntry)}
        />
      )}
      <FixHistory
        entries={checker.fixes}
        lang={lang}
        busy={busy !== undefined}
        onUndo={(id) => void checker.undo(id)}
      />
      {hasTables && state.highlight?.skipped === "protected" && <ProtectedNotice lang={lang} />}
      {result && !hasTables && <EmptyState sheet={result.sheet} notATable={result.notATable} lang={lang} />}
      {shown && hasTables && <ResultHeader result={shown} lang={lang} />}
      {shown && hasTables && shown.findings.length === 0 && <Body1 className={styles.success}>{t("noFindings")}</Body1>}
      {shown && hasTables && shown.findings.length > 0 && (
        <FindingList
          findings={shown.findings}
          snapshot={state.snapshot}
          lang={lang}
          busy={busy !== undefined}
          readOnly={sheetProtected}
          onSelect={(f) => void checker.select(f)}
          onFix={fix}
          onFixAll={fixAll}
          onAccept={(f, reason) => void checker.accept(f, reason)}
        />
      )}
      {hasTables && (
        <AcceptedSection
          items={checker.accepted}
          lang={lang}
          busy={busy !== undefined}
          onRestore={(item) => void checker.restore(item)}
        />
      )}
      <TemplateSection host={host} lang={lang} busy={busy !== undefined} result={result} />
    </main>
  );
}

/** The cells a batch of edits writes, once each, in order. */
function uniqueCells(edits: readonly { cell: string }[]): string[] {
  return [...new Set(edits.map((e) => e.cell))];
}

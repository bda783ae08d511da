/**
 * What the check found: the sheet, each goal table on it (kind, year, name, range), and the number of findings
 * by severity. A polite live region, so a screen reader hears the new counts after each check.
 */
import * as React from "react";
import { Badge, Body1, Body1Strong, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetCheck } from "../../core/check";
import type { Lang, Severity } from "../../core/finding";
import { translator, type StringKey } from "../i18n";
import { countBySeverity } from "../findings";
import { summarizeCheck } from "../summary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tables: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  table: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

const COUNT_LABEL: Record<Severity, StringKey> = {
  error: "severityError",
  warning: "severityWarning",
  info: "severityInfo",
};
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function ResultHeader({ result, lang }: { result: SheetCheck; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  const t = translator(lang);
  const summary = summarizeCheck(result);
  const counts = countBySeverity(result.findings);
  const sep = " · ";
  return (
    <section className={styles.root} aria-live="polite" aria-atomic="true">
      <Caption1 className={styles.muted}>{t("sheetLine", { sheet: summary.sheet })}</Caption1>
      <Subtitle2 as="h2">
        {summary.tables.length === 1 ? t("tableFound") : t("tablesFound", { n: summary.tables.length })}
      </Subtitle2>
      <ul className={styles.tables}>
        {summary.tables.map((table) => (
          <li key={table.range} className={styles.table}>
            <Body1Strong>{t(table.kind === "department" ? "kindDepartment" : "kindProject")}</Body1Strong>
            <Body1>
              {sep}
              {table.year !== undefined ? t("yearValue", { year: table.year }) : t("yearUnknown")}
              {sep}
              {table.name ?? t("nameUnknown")}
              {sep}
              {t("rangeValue", { range: table.range })}
            </Body1>
          </li>
        ))}
      </ul>
      <div className={styles.counts} role="group" aria-label={t("countsLabel")}>
        {(["error", "warning", "info"] as const).map((severity) => (
          <Badge
            key={severity}
            shape="rounded"
            color={BADGE_COLOR[severity]}
            appearance={counts[severity] > 0 ? "tint" : "outline"}
          >
            {`${t(COUNT_LABEL[severity])} ${counts[severity]}`}
          </Badge>
        ))}
      </div>
    </section>
  );
}

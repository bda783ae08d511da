/**
 * The findings in four collapsible sections (金额, 指标值, 指标体系, 结构), each sorted by severity then position.
 * A section offers "全部修正" for a rule whose fixes are safe to apply together (see fixes.ts).
 */
import * as React from "react";
import {
  Accordion,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import type { Finding, Lang } from "../../core/finding";
import type { RuleCategory } from "../../core/rules/rule";
import type { SheetSnapshot } from "../../core/snapshot";
import { categoryOf, findingKey, groupFindings, ruleTitle } from "../findings";
import { bulkFixes, type BulkFix } from "../fixes";
import { translator, type StringKey } from "../i18n";
import { FindingItem } from "./FindingItem";
import { FindingSection } from "./FindingSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  bulk: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    marginBottom: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  bulkText: { overflowWrap: "anywhere" },
});

export const CATEGORY_LABEL: Record<RuleCategory, StringKey> = {
  amount: "categoryAmount",
  value: "categoryValue",
  taxonomy: "categoryTaxonomy",
  structure: "categoryStructure",
};

export interface FindingListProps {
  findings: readonly Finding[];
  snapshot: SheetSnapshot | undefined;
  lang: Lang;
  /** A check or fix runs: fixes wait. */
  busy: boolean;
  /** The sheet is protected: fixes cannot be written. */
  readOnly: boolean;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
  onFixAll(bulk: BulkFix): void;
  onAccept?(finding: Finding, reason: string): void;
}

export function FindingList(props: FindingListProps): React.JSX.Element {
  const { findings, snapshot, lang, busy, readOnly, onSelect, onFix, onFixAll, onAccept } = props;
  const styles = useStyles();
  const t = translator(lang);
  const groups = React.useMemo(() => groupFindings(findings), [findings]);
  const bulk = React.useMemo(() => bulkFixes(findings, snapshot), [findings, snapshot]);
  // Sections start open; a section the user closes stays closed across re-checks.
  const [closed, setClosed] = React.useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = React.useState<string | undefined>(undefined);

  const toggle: AccordionToggleEventHandler<string> = (_event, { value }) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return next;
    });
  const openItems = groups.map((g) => g.category).filter((c) => !closed.has(c));
  const select = (f: Finding) => {
    setSelected(findingKey(f));
    onSelect(f);
  };
  const fixDisabledReason = readOnly ? t("fixProtected") : undefined;
  const titleId = React.useId();

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Subtitle2 as="h2" id={titleId}>
        {t("findings")}
      </Subtitle2>
      <Accordion multiple collapsible openItems={openItems} onToggle={toggle}>
        {groups.map((group) => (
          <FindingSection
            key={group.category}
            value={group.category}
            title={t(CATEGORY_LABEL[group.category])}
            count={group.findings.length}
          >
            {bulk
              .filter((b) => categoryOf(b.rule) === group.category)
              .map((b) => {
                const rule = ruleTitle(b.rule, lang) ?? b.rule;
                return (
                  <div key={b.rule} className={styles.bulk}>
                    <Caption1 className={styles.bulkText}>{t("fixAllLine", { rule, n: b.findings.length })}</Caption1>
                    <Button
                      size="small"
                      appearance="primary"
                      disabled={busy || readOnly}
                      title={fixDisabledReason}
                      aria-label={t("fixAllLabel", { rule, n: b.findings.length })}
                      onClick={() => onFixAll(b)}
                    >
                      {t("fixAll")}
                    </Button>
                  </div>
                );
              })}
            <ul className={styles.list}>
              {group.findings.map((f, i) => (
                <FindingItem
                  key={`${findingKey(f)}#${i}`}
                  finding={f}
                  lang={lang}
                  selected={selected === findingKey(f)}
                  fixDisabled={busy || readOnly}
                  fixDisabledReason={fixDisabledReason}
                  onSelect={select}
                  onFix={onFix}
                  onAccept={onAccept}
                  acceptDisabled={busy}
                />
              ))}
            </ul>
          </FindingSection>
        ))}
      </Accordion>
    </section>
  );
}

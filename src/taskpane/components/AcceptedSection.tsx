/**
 * The accepted findings (已接受), in one section that starts collapsed: each with its cell, message, the reason
 * given, and 恢复, which withdraws the acceptance so the finding is open (and marked) again.
 */
import * as React from "react";
import { Accordion, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { AcceptedFinding } from "../../core/acceptance";
import type { Lang } from "../../core/finding";
import { ruleTitle } from "../findings";
import { translator } from "../i18n";
import { FindingSection } from "./FindingSection";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":last-child": { borderBottomStyle: "none" },
  },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, flexGrow: 1 },
  line: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  cell: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface AcceptedSectionProps {
  items: readonly AcceptedFinding[];
  lang: Lang;
  busy: boolean;
  onRestore(item: AcceptedFinding): void;
}

export function AcceptedSection({ items, lang, busy, onRestore }: AcceptedSectionProps): React.JSX.Element | null {
  const styles = useStyles();
  const t = translator(lang);
  if (items.length === 0) return null;
  return (
    <Accordion collapsible defaultOpenItems={[]}>
      <FindingSection value="accepted" title={t("acceptedSection", { n: items.length })}>
        <ul className={styles.list}>
          {items.map(({ finding, acceptance }) => (
            <li key={`${finding.rule}|${finding.sheet}|${finding.cell}`} className={styles.item}>
              <SeverityIcon severity={finding.severity} lang={lang} />
              <span className={styles.text}>
                <span className={styles.line}>
                  <span className={styles.cell}>{finding.cell}</span>
                  {finding.message[lang]}
                </span>
                <Caption1 className={styles.muted}>
                  {acceptance.reason ? t("acceptedReason", { reason: acceptance.reason }) : t("acceptedNoReason")}
                  {" · "}
                  {ruleTitle(finding.rule, lang) ?? finding.rule}
                </Caption1>
              </span>
              <Button
                size="small"
                disabled={busy}
                aria-label={t("restoreCell", { cell: finding.cell })}
                onClick={() => onRestore({ finding, acceptance })}
              >
                {t("restore")}
              </Button>
            </li>
          ))}
        </ul>
      </FindingSection>
    </Accordion>
  );
}

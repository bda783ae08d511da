/**
 * One finding: severity icon, cell, message and the rule's title. The whole entry is a button: clicking it, or
 * Enter/Space on it, selects the cell in Excel. A finding with a fix has its own 修正 button beside it.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding, Lang } from "../../core/finding";
import { ruleTitle } from "../findings";
import { translator } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":last-child": { borderBottomStyle: "none" },
  },
  main: {
    // A plain button that reads as a list entry.
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  cell: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  rule: { color: tokens.colorNeutralForeground3 },
  fix: { flexShrink: 0, marginTop: tokens.spacingVerticalS },
});

export interface FindingItemProps {
  finding: Finding;
  lang: Lang;
  selected: boolean;
  /** Disables 修正 (a check or fix runs, or the sheet is protected). */
  fixDisabled: boolean;
  /** Why 修正 is disabled, when the user cannot change it (protected sheet). */
  fixDisabledReason?: string;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
}

export function FindingItem(props: FindingItemProps): React.JSX.Element {
  const { finding, lang, selected, fixDisabled, fixDisabledReason, onSelect, onFix } = props;
  const styles = useStyles();
  const t = translator(lang);
  const title = ruleTitle(finding.rule, lang);
  return (
    <li className={styles.item}>
      <button
        type="button"
        className={mergeClasses(styles.main, selected && styles.selected)}
        aria-current={selected ? "true" : undefined}
        title={t("goToCell", { cell: finding.cell })}
        onClick={() => onSelect(finding)}
      >
        <SeverityIcon severity={finding.severity} lang={lang} />
        <span className={styles.text}>
          <span className={styles.line}>
            <span className={styles.cell}>{finding.cell}</span>
            {finding.message[lang]}
          </span>
          {title && <Caption1 className={styles.rule}>{title}</Caption1>}
        </span>
      </button>
      {finding.fix && finding.fix.length > 0 && (
        <Button
          className={styles.fix}
          size="small"
          appearance="secondary"
          disabled={fixDisabled}
          aria-label={t("fixCell", { cell: finding.cell })}
          title={fixDisabledReason}
          onClick={() => onFix(finding)}
        >
          {t("fix")}
        </Button>
      )}
    </li>
  );
}

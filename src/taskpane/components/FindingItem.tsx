/**
 * One finding: severity icon, cell, message, the rule's title and, when other rules' findings on the same cell were
 * folded into it (one cell, one finding), their titles. The whole entry is a button: clicking it, or
 * Enter/Space on it, selects the cell in Excel. A finding with a fix has its own 修正 button beside it, and any
 * finding of a rule that is not blocking has 接受, which asks for an optional one-line reason. A blocking rule's
 * finding says why it cannot be accepted instead.
 */
import * as React from "react";
import { Button, Caption1, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { isBlockingRule, MAX_REASON_LENGTH } from "../../core/acceptance";
import type { Finding, Lang } from "../../core/finding";
import { ruleTitle } from "../findings";
import { translator } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ":last-child": { borderBottomStyle: "none" },
  },
  row: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  actions: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    flexShrink: 0,
    gap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalS,
  },
  form: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalS}`,
  },
  reason: { flexGrow: 1, minWidth: "8em" },
  blocking: { color: tokens.colorNeutralForeground3 },
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
  /** Accepts the finding with the reason typed; absent when the pane cannot store acceptances. */
  onAccept?(finding: Finding, reason: string): void;
  /** Disables 接受 (something runs). */
  acceptDisabled?: boolean;
}

export function FindingItem(props: FindingItemProps): React.JSX.Element {
  const { finding, lang, selected, fixDisabled, fixDisabledReason, onSelect, onFix, onAccept, acceptDisabled } = props;
  const styles = useStyles();
  const t = translator(lang);
  const title = ruleTitle(finding.rule, lang);
  const blocking = isBlockingRule(finding.rule);
  const [asking, setAsking] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const reasonId = React.useId();
  const confirm = () => {
    setAsking(false);
    onAccept?.(finding, reason);
    setReason("");
  };
  return (
    <li className={styles.item}>
      <div className={styles.row}>
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
            {finding.folded && finding.folded.length > 0 && (
              <Caption1 className={styles.rule}>
                {t("foldedNote", {
                  rules: finding.folded.map((id) => ruleTitle(id, lang) ?? id).join(lang === "zh" ? "、" : ", "),
                })}
              </Caption1>
            )}
            {blocking && onAccept && <Caption1 className={styles.blocking}>{t("blockingNote")}</Caption1>}
          </span>
        </button>
        <span className={styles.actions}>
          {finding.fix && finding.fix.length > 0 && (
            <Button
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
          {onAccept && !blocking && (
            <Button
              size="small"
              appearance="subtle"
              disabled={acceptDisabled}
              aria-label={t("acceptCell", { cell: finding.cell })}
              aria-expanded={asking}
              onClick={() => setAsking((a) => !a)}
            >
              {t("accept")}
            </Button>
          )}
        </span>
      </div>
      {asking && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
          <label htmlFor={reasonId} className={styles.blocking}>
            {t("acceptReason")}
          </label>
          <Input
            id={reasonId}
            className={styles.reason}
            size="small"
            value={reason}
            maxLength={MAX_REASON_LENGTH}
            placeholder={t("acceptReasonHint")}
            onChange={(_e, data) => setReason(data.value)}
            autoFocus
          />
          <Button size="small" appearance="primary" type="submit" disabled={acceptDisabled}>
            {t("acceptConfirm")}
          </Button>
          <Button size="small" onClick={() => setAsking(false)}>
            {t("cancel")}
          </Button>
        </form>
      )}
    </li>
  );
}

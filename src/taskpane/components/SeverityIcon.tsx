/** The severity of a finding as a coloured icon, named for screen readers ("错误", "Warning"). */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang, Severity } from "../../core/finding";
import { format, type StringKey } from "../i18n";
import { Icon } from "./icons";

const useStyles = makeStyles({
  icon: { flexShrink: 0, marginTop: "2px" },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
});

export const SEVERITY_LABEL: Record<Severity, StringKey> = {
  error: "severityErrorOne",
  warning: "severityWarningOne",
  info: "severityInfoOne",
};

export function SeverityIcon({ severity, lang }: { severity: Severity; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Icon
      name={severity}
      label={format(lang, SEVERITY_LABEL[severity])}
      className={mergeClasses(styles.icon, styles[severity])}
    />
  );
}

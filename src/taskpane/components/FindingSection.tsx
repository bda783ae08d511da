/**
 * One collapsible section of the finding list: a Fluent AccordionItem inside FindingList's Accordion, which holds
 * which sections are open. The header is a heading holding a button (aria-expanded, aria-controls); the panel is a
 * region labelled by that button, so screen readers announce "金额 3, region" and the tests can find it by name.
 */
import * as React from "react";
import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  CounterBadge,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  button: {
    gap: tokens.spacingHorizontalXS,
    paddingInlineStart: tokens.spacingHorizontalXS,
    paddingInlineEnd: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
  // The pane is narrow: the panel uses its full width (Fluent's default indents it by spacingHorizontalM).
  panel: { margin: 0, paddingBottom: tokens.spacingVerticalS },
});

export interface FindingSectionProps {
  /** The AccordionItem's value: FindingList's Accordion opens and closes the section by it. */
  value: string;
  title: string;
  /** Shown as a badge; leave out when the title says it. */
  count?: number;
  children: React.ReactNode;
}

export function FindingSection({ value, title, count, children }: FindingSectionProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  const headerId = `${id}-header`;
  const panelId = `${id}-panel`;
  return (
    <AccordionItem value={value}>
      <AccordionHeader
        as="h3"
        size="small"
        button={{ id: headerId, "aria-controls": panelId, className: styles.button }}
      >
        <span>{title}</span>
        {count !== undefined && <CounterBadge count={count} size="small" appearance="ghost" color="informative" />}
      </AccordionHeader>
      <AccordionPanel id={panelId} role="region" aria-labelledby={headerId} className={styles.panel}>
        {children}
      </AccordionPanel>
    </AccordionItem>
  );
}

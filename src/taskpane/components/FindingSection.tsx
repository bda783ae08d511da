/**
 * One collapsible section of the finding list, built as Fluent's AccordionItem is (a heading holding a button with
 * aria-expanded, and a labelled region), with the same look as a small AccordionHeader.
 *
 * Why not Fluent's Accordion itself: it needs @fluentui/react-context-selector, whose peer dependency `scheduler`
 * is not installed in this project (.npmrc has legacy-peer-deps), so the bundle does not build with it. Once
 * `scheduler` is a dependency, this component can become an AccordionItem without touching FindingList.
 */
import * as React from "react";
import { CounterBadge, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Icon } from "./icons";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: "inherit", fontWeight: "inherit" },
  button: {
    width: "100%",
    minHeight: "32px",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS} 0 ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
  focus: createFocusOutlineStyle(),
  chevron: { flexShrink: 0, transitionProperty: "transform", transitionDuration: tokens.durationFast },
  chevronOpen: { transform: "rotate(90deg)" },
  panel: { paddingBottom: tokens.spacingVerticalS },
});

export interface FindingSectionProps {
  title: string;
  count: number;
  open: boolean;
  onToggle(): void;
  children: React.ReactNode;
}

export function FindingSection({ title, count, open, onToggle, children }: FindingSectionProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <div>
      <h3 className={styles.heading}>
        <button
          type="button"
          id={`${id}-header`}
          className={mergeClasses(styles.button, styles.focus)}
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={onToggle}
        >
          <Icon name="chevron" className={mergeClasses(styles.chevron, open && styles.chevronOpen)} />
          <span>{title}</span>
          <CounterBadge count={count} size="small" appearance="ghost" color="informative" />
        </button>
      </h3>
      <div id={`${id}-panel`} role="region" aria-labelledby={`${id}-header`} className={styles.panel} hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}

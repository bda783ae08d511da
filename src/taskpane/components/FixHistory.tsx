/**
 * The fixes made while the pane is open, newest first, each with 撤销: undo puts back what the fix replaced
 * (value, formula, number format), except cells changed since. Closing the pane forgets the list.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/finding";
import { cellList, translator } from "../i18n";
import type { FixEntry } from "../useChecker";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  cells: { overflowWrap: "anywhere" },
  title: { color: tokens.colorNeutralForeground3 },
});

export interface FixHistoryProps {
  entries: readonly FixEntry[];
  lang: Lang;
  busy: boolean;
  onUndo(id: number): void;
}

export function FixHistory({ entries, lang, busy, onUndo }: FixHistoryProps): React.JSX.Element | null {
  const styles = useStyles();
  const t = translator(lang);
  const titleId = React.useId();
  if (entries.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Caption1 id={titleId} className={styles.title}>
        {t("fixHistory")}
      </Caption1>
      <ul className={styles.list}>
        {entries.map((e) => {
          const cells = cellList(lang, e.cells);
          return (
            <li key={e.id} className={styles.item}>
              <Caption1 className={styles.cells}>{cells}</Caption1>
              <Button size="small" disabled={busy} aria-label={t("undoCells", { cells })} onClick={() => onUndo(e.id)}>
                {t("undo")}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

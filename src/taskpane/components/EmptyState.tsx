/** Shown when the checked sheet holds no goal table: what the pane looks for, and why this sheet did not match. */
import * as React from "react";
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/finding";
import type { NotATable } from "../../core/model";
import { translator } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  reason: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export function EmptyState({
  sheet,
  notATable,
  lang,
}: {
  sheet: string;
  notATable?: NotATable;
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const t = translator(lang);
  return (
    <section className={styles.root} aria-live="polite">
      <Subtitle2 as="h2">{t("emptyTitle")}</Subtitle2>
      <Body1>{t("sheetLine", { sheet })}</Body1>
      {notATable && (
        <Body1 className={styles.reason}>
          {t("emptyReason")}
          {notATable.reason[lang]}
        </Body1>
      )}
      <Body1 as="p" style={{ margin: 0 }}>
        {t("emptyExpect")}
      </Body1>
    </section>
  );
}

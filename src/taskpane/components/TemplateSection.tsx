/**
 * The "插入新年度模板" (insert next year's template) section, below the findings: the budget year, the kind of
 * table, the indicator form, whether to carry over the current table (and its indicator values), and the button.
 * Defaults come from the last check (its table's year + 1, kind and form). The template goes onto a new sheet that
 * Excel then shows; no existing sheet is changed (ExcelHost.insertTemplate).
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  SpinButton,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { SheetCheck } from "../../core/check";
import type { Lang } from "../../core/finding";
import type { IndicatorForm, TableKind } from "../../core/model";
import type { ExcelHost, TemplateInsertResult } from "../../excel/host";
import { describeError } from "../errors";
import { translator, type StringKey, type Translate } from "../i18n";
import {
  MAX_YEAR,
  MIN_YEAR,
  templateDefaults,
  templateRequest,
  useTemplate,
  validYear,
  type TemplateChoices,
} from "../useTemplate";
import { Icon } from "./icons";

export interface TemplateSectionProps {
  host: ExcelHost | undefined;
  lang: Lang;
  /** A check or fix runs. */
  busy: boolean;
  /** The last check's result: the defaults come from its first table. */
  result?: SheetCheck;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  year: { maxWidth: "10em" },
  prefill: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hintIndent: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXXL },
  nested: { paddingLeft: tokens.spacingHorizontalXL },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  line: { display: "block", overflowWrap: "anywhere" },
});

const SKIPPED_TEXT: Record<string, StringKey> = {
  dataValidation: "templateSkippedDataValidation",
  pageLayout: "templateSkippedPageLayout",
};

export function TemplateSection({ host, lang, busy, result }: TemplateSectionProps): React.JSX.Element {
  const styles = useStyles();
  const t = translator(lang);
  const headingId = useId("template-heading");
  const prefillHintId = useId("template-prefill-hint");
  const template = useTemplate(host);
  const { inserting, inserted, failed, error } = template.state;

  const defaults = templateDefaults(result);
  const [choices, setChoices] = React.useState<TemplateChoices>(defaults);
  // A new check whose table differs (another year, kind or form) brings new defaults; a re-check of the same table
  // keeps what the user chose.
  const defaultsKey = `${defaults.year}|${defaults.kind}|${defaults.form}|${defaults.prefill}`;
  const lastKey = React.useRef(defaultsKey);
  React.useEffect(() => {
    if (lastKey.current === defaultsKey) return;
    lastKey.current = defaultsKey;
    setChoices((c) => ({
      ...c,
      year: defaults.year,
      kind: defaults.kind,
      form: defaults.form,
      prefill: defaults.prefill,
    }));
  }, [defaultsKey, defaults.year, defaults.kind, defaults.form, defaults.prefill]);

  const set = (patch: Partial<TemplateChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const yearOk = validYear(choices.year);
  const canInsert = host !== undefined && !busy && !inserting && yearOk;

  const onInsert = () => {
    if (!canInsert || !validYear(choices.year)) return;
    void template.insert(templateRequest({ ...choices, year: choices.year }));
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t("templateSection")}
      </Subtitle2>
      <Caption1 className={styles.hint}>{t("templateIntro")}</Caption1>

      <Field
        label={t("templateYear")}
        className={styles.year}
        validationState={yearOk ? "none" : "error"}
        validationMessage={yearOk ? undefined : t("templateYearInvalid")}
      >
        <SpinButton
          value={choices.year}
          min={MIN_YEAR}
          max={MAX_YEAR}
          disabled={inserting}
          onChange={(_, data) => {
            if (data.value !== undefined) set({ year: data.value });
            else set({ year: parseYear(data.displayValue) });
          }}
        />
      </Field>

      <Field label={t("templateKind")}>
        <RadioGroup
          layout="horizontal"
          value={choices.kind}
          disabled={inserting}
          onChange={(_, data) => set({ kind: data.value as TableKind })}
        >
          <Radio value="department" label={t("templateKindDepartment")} />
          <Radio value="project" label={t("templateKindProject")} />
        </RadioGroup>
      </Field>

      <Field label={t("templateForm")}>
        <RadioGroup
          layout="horizontal"
          value={choices.form}
          disabled={inserting}
          onChange={(_, data) => set({ form: data.value as IndicatorForm })}
        >
          <Radio value="merged" label={t("templateFormMerged")} />
          <Radio value="split" label={t("templateFormSplit")} />
        </RadioGroup>
      </Field>

      <div className={styles.prefill}>
        {/*
          A checkbox, not a switch: it is an option of the insertion, applied when the button is pressed (Fluent's
          guidance keeps switches for settings that take effect at once, like 自动重新检查).
        */}
        <Checkbox
          checked={choices.prefill}
          disabled={inserting}
          label={t("templatePrefill")}
          aria-describedby={prefillHintId}
          onChange={(_, data) => set({ prefill: data.checked === true })}
        />
        <Caption1 id={prefillHintId} className={styles.hintIndent}>
          {t("templatePrefillHint")}
        </Caption1>
        {choices.prefill && (
          <Checkbox
            className={styles.nested}
            checked={choices.keepValues}
            disabled={inserting}
            label={t("templateKeepValues")}
            onChange={(_, data) => set({ keepValues: data.checked === true })}
          />
        )}
      </div>

      <div className={styles.buttons}>
        <Button appearance="secondary" disabled={!canInsert} onClick={onInsert}>
          {t("templateInsert")}
        </Button>
        {inserting && <Spinner size="tiny" labelPosition="after" label={t("templateInserting")} />}
      </div>

      {inserted && !inserting && <InsertedNotice inserted={inserted} lang={lang} t={t} onDismiss={template.dismiss} />}
      {failed && !inserting && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTemplate")}</MessageBarTitle>
            <span className={styles.line}>{describeError(error, lang)}</span>
          </MessageBarBody>
          <MessageBarActions containerAction={<DismissButton t={t} onClick={template.dismiss} />} />
        </MessageBar>
      )}
    </section>
  );
}

/** "2023" → 2023; anything else (empty, "20x3", "2023.5") → null. */
function parseYear(text: string | undefined): number | null {
  const s = (text ?? "").trim();
  return /^[0-9]{1,4}$/.test(s) ? Number(s) : null;
}

function InsertedNotice({
  inserted,
  lang,
  t,
  onDismiss,
}: {
  inserted: TemplateInsertResult;
  lang: Lang;
  t: Translate;
  onDismiss(): void;
}): React.JSX.Element {
  const styles = useStyles();
  const skipped = inserted.skipped.map((f) => (SKIPPED_TEXT[f] ? t(SKIPPED_TEXT[f]) : f));
  return (
    <MessageBar intent={inserted.noTableToPrefill ? "warning" : "success"} layout="multiline">
      <MessageBarBody>
        <span className={styles.line}>{t("templateInserted", { sheet: inserted.sheetName })}</span>
        {inserted.prefilledFrom !== undefined && (
          <span className={styles.line}>{t("templatePrefilledFrom", { sheet: inserted.prefilledFrom })}</span>
        )}
        {inserted.noTableToPrefill && <span className={styles.line}>{t("templateNoTable")}</span>}
        {skipped.length > 0 && (
          <span className={styles.line}>
            {t("templateSkipped", { features: skipped.join(lang === "zh" ? "、" : ", ") })}
          </span>
        )}
      </MessageBarBody>
      <MessageBarActions containerAction={<DismissButton t={t} onClick={onDismiss} />} />
    </MessageBar>
  );
}

function DismissButton({ t, onClick }: { t: Translate; onClick(): void }): React.JSX.Element {
  return (
    <Button
      appearance="transparent"
      size="small"
      icon={<Icon name="dismiss" />}
      aria-label={t("dismiss")}
      onClick={onClick}
    />
  );
}

import type { Rule } from "../rule";
import { valueEmpty } from "./empty";
import { valueExcelError } from "./excel-error";
import { valuePlaceholder } from "./placeholder";
import { valueForbiddenChar } from "./forbidden-char";
import { valueOperator } from "./operator";
import { valueNoOperator } from "./no-operator";
import { valueMissingUnit } from "./missing-unit";
import { valueLookalikeDigit } from "./lookalike-digit";
import { valueFullwidth } from "./fullwidth";
import { valueNegative } from "./negative";
import { valueFractionalCount } from "./fractional-count";
import { valueTimeUnitCount } from "./time-unit-count";
import { valueRateOver100 } from "./rate-over-100";
import { valueGe100 } from "./ge-100";
import { valueUnitCategory } from "./unit-category";
import { valueExcelSerial } from "./excel-serial";
import { valueTooLong } from "./too-long";
import { valueAsciiOperator } from "./ascii-operator";
import { valueNote } from "./note";
import { valueSplitForm } from "./split-form";
import { valueDirection } from "./direction";
import { valueReverseEqual } from "./reverse-equal";
import { valueUnitWord } from "./unit-word";
import { valueZeroTarget } from "./zero-target";
import { valueCostMeasuresNothing } from "./cost-measures-nothing";
import { valuePercentNotRate } from "./percent-not-rate";
import { valueUnnamedRow } from "./unnamed-row";

export const VALUE_RULES: Rule[] = [
  valueEmpty,
  valueUnnamedRow,
  valueExcelError,
  valuePlaceholder,
  valueForbiddenChar,
  valueOperator,
  valueNoOperator,
  valueMissingUnit,
  valueLookalikeDigit,
  valueFullwidth,
  valueNegative,
  valueFractionalCount,
  valueTimeUnitCount,
  valueRateOver100,
  valueGe100,
  valueUnitCategory,
  valueExcelSerial,
  valueTooLong,
  valueAsciiOperator,
  valueNote,
  valueSplitForm,
  valueDirection,
  valueReverseEqual,
  valueUnitWord,
  valueZeroTarget,
  valueCostMeasuresNothing,
  valuePercentNotRate,
];

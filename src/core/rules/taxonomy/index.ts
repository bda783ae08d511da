/** The taxonomy rules: the 一级/二级 labels against the indicator taxonomy, and the 三级 names. */
import type { Rule } from "../rule";
import { unknownLevel1 } from "./unknown-level1";
import { unknownLevel2 } from "./unknown-level2";
import { wrongParent } from "./wrong-parent";
import { missingOutput } from "./missing-output";
import { missingBenefit } from "./missing-benefit";
import { emptyLevel2 } from "./empty-level2";
import { duplicateName } from "./duplicate-name";
import { nameTooLong } from "./name-too-long";
import { nameMarker } from "./name-marker";
import { nameEmbedsTarget } from "./name-embeds-target";
import { templateRow } from "./template-row";
import { level2Contradicts } from "./level2-contradicts";
import { nameUnit } from "./name-unit";
import { unfinishedRow } from "./unfinished-row";

export const TAXONOMY_RULES: Rule[] = [
  templateRow,
  unknownLevel1,
  unknownLevel2,
  wrongParent,
  missingOutput,
  missingBenefit,
  emptyLevel2,
  unfinishedRow,
  duplicateName,
  nameTooLong,
  nameMarker,
  nameEmbedsTarget,
  level2Contradicts,
  nameUnit,
];

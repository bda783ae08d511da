/** Every real published table laid out as a sheet, with its expectations (see types.ts and each module's header). */
import { ANHUI_GUICHI_2022_SELF_EVAL } from "./anhui-guichi-2022-self-eval";
import { ANHUI_JINAN_2023_REHAB } from "./anhui-jinan-2023-rehab";
import { BINGTUAN_6TH_REGIMENT_2021 } from "./bingtuan-6th-regiment-2021";
import { CHONGQING_RONGCHANG_2022_GREENING } from "./chongqing-rongchang-2022-greening";
import { FUJIAN_NINGDE_2019_HISTORY_OFFICE } from "./fujian-ningde-2019-history-office";
import { GUANGSHUI_2021_GOV_OFFICE } from "./guangshui-2021-gov-office";
import { JIANGXI_FULIANG_2026_FORESTRY } from "./jiangxi-fuliang-2026-forestry";
import { NINGXIANG_BATANG_2021_INFRASTRUCTURE } from "./ningxiang-batang-2021-infrastructure";
import { SHAANXI_CHENCANG_2023_DISABILITY } from "./shaanxi-chencang-2023-disability";
import { SICHUAN_MATA_2023_LIST } from "./sichuan-mata-2023-list";
import type { RealTable } from "./types";
import { WUHAI_2021_RECYCLING } from "./wuhai-2021-recycling";
import { WUHAN_QINGSHAN_2020_EDU } from "./wuhan-qingshan-2020-edu";

/** The twelve grid tables (the thirteenth, ningxia, is prose: see ningxia-xiamaguan-2023-values.ts). */
export const REAL_TABLES: RealTable[] = [
  ANHUI_GUICHI_2022_SELF_EVAL,
  ANHUI_JINAN_2023_REHAB,
  BINGTUAN_6TH_REGIMENT_2021,
  CHONGQING_RONGCHANG_2022_GREENING,
  FUJIAN_NINGDE_2019_HISTORY_OFFICE,
  GUANGSHUI_2021_GOV_OFFICE,
  JIANGXI_FULIANG_2026_FORESTRY,
  NINGXIANG_BATANG_2021_INFRASTRUCTURE,
  SHAANXI_CHENCANG_2023_DISABILITY,
  SICHUAN_MATA_2023_LIST,
  WUHAI_2021_RECYCLING,
  WUHAN_QINGSHAN_2020_EDU,
];

export { NINGXIA_XIAMAGUAN_2023_VALUES } from "./ningxia-xiamaguan-2023-values";
export type { RealTable, ValueCase } from "./types";

/** Every real published table laid out as a sheet, with its expectations (see types.ts and each module's header). */
import type { RealTable } from "./types";
import { WUHAI_2021_RECYCLING } from "./wuhai-2021-recycling";

export const REAL_TABLES: RealTable[] = [WUHAI_2021_RECYCLING];

export type { RealTable } from "./types";

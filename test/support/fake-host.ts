/**
 * A fake ExcelHost for the task pane tests: serves a sheet snapshot, records every call, applies fixes to its
 * snapshot (so a re-check sees them), and lets a test hold a read or an insert pending, make a call fail, or fire a
 * change. Inserted templates only add a sheet name (with the real defaults and unique naming); no cells.
 */
import { parseCell } from "../../src/core/address";
import type { Acceptance } from "../../src/core/acceptance";
import type { Finding, FixEdit } from "../../src/core/finding";
import { readSheet } from "../../src/core/reader";
import { isCellError, type SheetSnapshot } from "../../src/core/snapshot";
import { templateSheetName } from "../../src/core/template";
import type {
  CellState,
  ExcelHost,
  FixRecord,
  HighlightResult,
  TemplateInsertResult,
  TemplateRequest,
  UndoResult,
} from "../../src/excel/host";
import { qualified, sameCellState } from "../../src/host/types";
import type { Features } from "../../src/excel/requirements";
import { uniqueSheetName } from "../../src/excel/template";
import { withCells, withFormulas } from "./edit";

export type HostCall =
  | { method: "readActiveSheet" }
  | { method: "highlight"; sheet: string; findings: Finding[] }
  | { method: "clearHighlights"; sheet: string }
  | { method: "select"; sheet: string; address: string }
  | { method: "applyFixes"; edits: FixEdit[] }
  | { method: "undoFix"; record: FixRecord }
  | { method: "readAcceptances" }
  | { method: "writeAcceptances"; list: Acceptance[] }
  | { method: "onSheetChanged"; sheet: string }
  | { method: "unsubscribe"; sheet: string }
  | { method: "insertTemplate"; request: TemplateRequest };

export type HostMethod = HostCall["method"];

export const ALL_FEATURES: Features = { core: true, conditionalFormats: true, onChanged: true, mergedAreas: true };

export interface FakeHostOptions {
  features?: Partial<Features>;
  /** Offer onSheetChanged (default true). */
  watch?: boolean;
  /** What insertTemplate reports it could not add (default none: a current Excel). */
  templateSkipped?: TemplateInsertResult["skipped"];
  /** The clock for insertTemplate's default year. */
  now?: () => Date;
}

export interface FakeHost extends ExcelHost {
  /** The active sheet; applyFixes and edit() change it. */
  snapshot: SheetSnapshot;
  /** The acceptances stored in the "workbook" (writeAcceptances replaces them). */
  acceptances: Acceptance[];
  readonly calls: HostCall[];
  /** The recorded calls of one method. */
  callsOf<M extends HostMethod>(method: M): Extract<HostCall, { method: M }>[];
  /** The workbook's sheet names: the snapshot's, then those insertTemplate added. */
  readonly sheetNames: string[];
  /** Makes the next read wait until `release` is called. */
  holdNextRead(): { release(): void };
  /** Makes the next insertTemplate wait until `release` is called. */
  holdNextInsert(): { release(): void };
  /** Makes the next call of `method` reject with `error`. */
  failNext(method: Exclude<HostMethod, "unsubscribe">, error: unknown): void;
  /** Calls the change listeners of `sheet` (the active sheet by default), as Excel would after an edit. */
  fireChange(sheet?: string): void;
  /** A user's edit: sets cells on the snapshot and fires a change. */
  edit(cells: Record<string, string | number | null>): void;
  /** How many listeners are subscribed now. */
  listenerCount(): number;
}

function copy(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    values: s.values.map((r) => [...r]),
    formulas: s.formulas.map((r) => [...r]),
    numberFormats: s.numberFormats.map((r) => [...r]),
    merges: [...s.merges],
  };
}

/** An Error with an Office-style code, as OfficeExtension.Error carries one. */
export function officeError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** A cell of the snapshot as a host reads it. */
export function snapshotCell(s: SheetSnapshot, cell: string): CellState {
  const o = parseCell(s.origin);
  const p = parseCell(cell);
  const r = p.row - o.row;
  const c = p.col - o.col;
  const v = s.values[r]?.[c] ?? null;
  return {
    sheet: s.name,
    cell,
    value: v === "" || v === null ? null : isCellError(v) ? v.error : v,
    formula: s.formulas[r]?.[c] ?? null,
    numberFormat: s.numberFormats[r]?.[c] ?? "General",
  };
}

/** The snapshot with one cell set to a state (value, formula, number format). */
function withCellState(s: SheetSnapshot, state: CellState): SheetSnapshot {
  const out = state.formula
    ? withFormulas(s, { [state.cell]: [state.formula, state.value] })
    : withCells(s, { [state.cell]: state.value });
  const o = parseCell(out.origin);
  const p = parseCell(state.cell);
  out.numberFormats[p.row - o.row][p.col - o.col] = state.numberFormat;
  return out;
}

export function createFakeHost(snapshot: SheetSnapshot, options: FakeHostOptions = {}): FakeHost {
  const features: Features = { ...ALL_FEATURES, ...options.features };
  const calls: HostCall[] = [];
  const failures = new Map<HostMethod, unknown>();
  const listeners = new Map<string, Set<() => void>>();
  let hold: Promise<void> | undefined;
  let insertHold: Promise<void> | undefined;
  const sheetNames = [snapshot.name];

  const failIfAsked = (method: HostMethod) => {
    if (!failures.has(method)) return;
    const error = failures.get(method);
    failures.delete(method);
    throw error;
  };

  const host: FakeHost = {
    features,
    snapshot: copy(snapshot),
    acceptances: [],
    calls,
    sheetNames,
    callsOf: <M extends HostMethod>(method: M) =>
      calls.filter((c): c is Extract<HostCall, { method: M }> => c.method === method),

    async readActiveSheet() {
      calls.push({ method: "readActiveSheet" });
      if (hold) {
        const wait = hold;
        hold = undefined;
        await wait;
      }
      failIfAsked("readActiveSheet");
      return copy(host.snapshot);
    },

    async highlight(sheet, findings): Promise<HighlightResult> {
      calls.push({ method: "highlight", sheet, findings: [...findings] });
      failIfAsked("highlight");
      if (!features.conditionalFormats) return { marked: 0, skipped: "unsupported" };
      if (host.snapshot.protected) return { marked: 0, skipped: "protected" };
      return { marked: new Set(findings.map((f) => f.cell)).size };
    },

    async clearHighlights(sheet) {
      calls.push({ method: "clearHighlights", sheet });
      failIfAsked("clearHighlights");
    },

    async select(sheet, address) {
      calls.push({ method: "select", sheet, address });
      failIfAsked("select");
    },

    async applyFixes(edits) {
      calls.push({ method: "applyFixes", edits: [...edits] });
      failIfAsked("applyFixes");
      if (host.snapshot.protected) throw officeError("The sheet is protected.", "AccessDenied");
      let s = host.snapshot;
      const before: CellState[] = [];
      const after: CellState[] = [];
      for (const e of edits) {
        if (e.sheet !== s.name) throw officeError(`No sheet ${e.sheet}.`, "ItemNotFound");
        before.push(snapshotCell(s, e.cell));
        s =
          e.formula !== undefined
            ? withFormulas(s, { [e.cell]: [e.formula, null] })
            : withCells(s, { [e.cell]: e.value ?? null });
        after.push(snapshotCell(s, e.cell));
      }
      host.snapshot = s;
      return { edits: [...edits], before, after };
    },

    async undoFix(record): Promise<UndoResult> {
      calls.push({ method: "undoFix", record });
      failIfAsked("undoFix");
      const restored: string[] = [];
      const changedSince: string[] = [];
      let s = host.snapshot;
      // Last write first, so that a cell fixed twice in one record gets its first "before".
      for (let i = record.after.length - 1; i >= 0; i--) {
        const a = record.after[i];
        const name = qualified(a.sheet, a.cell);
        if (!sameCellState(snapshotCell(s, a.cell), a)) {
          if (!changedSince.includes(name)) changedSince.push(name);
          continue;
        }
        s = withCellState(s, record.before[i]);
        if (!restored.includes(name)) restored.push(name);
      }
      host.snapshot = s;
      return { restored: restored.reverse(), changedSince: changedSince.reverse() };
    },

    async readAcceptances() {
      calls.push({ method: "readAcceptances" });
      failIfAsked("readAcceptances");
      return host.acceptances.map((a) => ({ ...a }));
    },

    async writeAcceptances(list) {
      calls.push({ method: "writeAcceptances", list: [...list] });
      failIfAsked("writeAcceptances");
      host.acceptances = list.map((a) => ({ ...a }));
    },

    async insertTemplate(request): Promise<TemplateInsertResult> {
      calls.push({ method: "insertTemplate", request: { ...request } });
      if (insertHold) {
        const wait = insertHold;
        insertHold = undefined;
        await wait;
      }
      failIfAsked("insertTemplate");
      const tables = request.prefill ? readSheet(host.snapshot).tables : [];
      const table = (request.kind ? tables.find((t) => t.kind === request.kind) : undefined) ?? tables[0];
      const now = (options.now ?? (() => new Date()))();
      const year = request.year ?? (table?.year ? table.year.value + 1 : now.getFullYear() + 1);
      const kind = request.kind ?? table?.kind ?? "department";
      const form = request.form ?? table?.indicators?.form ?? "merged";
      const sheetName = uniqueSheetName(templateSheetName(kind, year), sheetNames);
      sheetNames.push(sheetName);
      return {
        sheetName,
        skipped: [...(options.templateSkipped ?? [])],
        kind,
        year,
        form,
        ...(table ? { prefilledFrom: table.sheet } : {}),
        ...(request.prefill && !table ? { noTableToPrefill: true } : {}),
      };
    },

    holdNextInsert() {
      let release!: () => void;
      insertHold = new Promise<void>((resolve) => (release = resolve));
      return { release };
    },

    holdNextRead() {
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return { release };
    },

    failNext(method, error) {
      failures.set(method, error);
    },

    fireChange(sheet = host.snapshot.name) {
      for (const listener of [...(listeners.get(sheet) ?? [])]) listener();
    },

    edit(cells) {
      host.snapshot = withCells(host.snapshot, cells);
      host.fireChange();
    },

    listenerCount() {
      let n = 0;
      for (const set of listeners.values()) n += set.size;
      return n;
    },
  };

  if (options.watch !== false) {
    host.onSheetChanged = async (sheet, listener) => {
      calls.push({ method: "onSheetChanged", sheet });
      failIfAsked("onSheetChanged");
      const set = listeners.get(sheet) ?? new Set();
      listeners.set(sheet, set);
      set.add(listener);
      return async () => {
        calls.push({ method: "unsubscribe", sheet });
        set.delete(listener);
      };
    };
  }
  return host;
}

/**
 * A stand-in for Office.js in a plain browser page, so the task pane can run (and be driven by playwright) without
 * Excel. Load it before the pane's bundle. It installs:
 *
 * - `window.Office`: `onReady()` resolving with `{ host: "Excel", platform: "OfficeOnline" }` once the workbook is
 *   loaded (and calling `Office.initialize` if the page set one), `context.displayLanguage` (URL `?lang=en-US`,
 *   default zh-CN), `context.requirements.isSetSupported` (ExcelApi up to 1.14, or `?api=1.7`), `context.officeTheme`
 *   (`?theme=dark` for dark colours), `actions.associate` (recorded).
 * - `window.Excel`: `Excel.run` over an in-memory fake Excel (test/support/fake-excel) and the enums.
 * - `window.__fakeExcel`: for the test to inspect and drive the workbook (sync count, selection, conditional
 *   formats, cells, user edits, save and reopen).
 *
 * The workbook comes from, in this order: `window.__STUB_SHEET__` (an object set by an earlier script), a
 * `<script type="application/json" id="stub-sheet">` element, or `./stub-sheet.json` fetched next to the page. The
 * JSON is a SheetSnapshot, a WorkbookSnapshot ({sheets: [...]}) or a saved fake workbook (`__fakeExcel.serialize()`).
 * Without any, the workbook has one empty sheet.
 *
 * Self-contained: it imports only the fake and src/core types, no Node or jest module.
 */
import {
  FakeExcel,
  createExcelNamespace,
  type FakeCell,
  type FakeCellFormat,
  type FakeConditionalFormat,
  type LogEntry,
} from "../support/fake-excel";

export interface FakeExcelController {
  /** Resolves when the workbook is loaded (Office.onReady waits for it too). */
  readonly ready: Promise<void>;
  readonly excel: FakeExcel;
  readonly syncCount: number;
  readonly selection: { sheet: string; address: string };
  readonly log: LogEntry[];
  readonly associations: Record<string, unknown>;
  conditionalFormats(sheet?: string): FakeConditionalFormat[];
  cell(sheet: string, address: string): FakeCell | undefined;
  userEdit(sheet: string, address: string, value: unknown): void;
  userFormat(sheet: string, address: string, format: FakeCellFormat): void;
  protect(sheet: string, on?: boolean): void;
  /** The saved workbook as JSON text. */
  serialize(): string;
  /** Saves, closes and reopens the workbook (change handlers are dropped, as in a new session). */
  reopen(): void;
  /** Replaces the workbook with this JSON (snapshot or saved fake workbook). */
  load(json: unknown): void;
}

export interface StubOptions {
  /** The workbook JSON; default: looked up as described above. */
  sheet?: unknown;
  /** The page's URL query (default location.search). */
  search?: string;
}

interface StubWindow {
  Office?: unknown;
  Excel?: unknown;
  __fakeExcel?: FakeExcelController;
  __STUB_SHEET__?: unknown;
  __officeStubManual?: boolean;
}

const LIGHT_THEME = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#000000",
  isDarkTheme: false,
  themeId: "Colorful",
};

const DARK_THEME = {
  bodyBackgroundColor: "#1F1F1F",
  bodyForegroundColor: "#FFFFFF",
  controlBackgroundColor: "#292929",
  controlForegroundColor: "#FFFFFF",
  isDarkTheme: true,
  themeId: "Black",
};

export function installOfficeStub(options: StubOptions = {}): FakeExcelController {
  const win = window as unknown as StubWindow;
  const params = new URLSearchParams(options.search ?? window.location?.search ?? "");
  const apiMinor = Number((params.get("api") ?? "1.14").split(".")[1] ?? 14);
  const language = params.get("lang") ?? "zh-CN";

  let excel = FakeExcel.fromJSON({ sheets: [] }, { apiMinor });
  const associations: Record<string, unknown> = {};

  const ready = loadWorkbook(options.sheet ?? win.__STUB_SHEET__).then((json) => {
    if (json !== undefined) excel = FakeExcel.fromJSON(json, { apiMinor });
  });

  const excelNamespace = createExcelNamespace(() => excel);
  const run = excelNamespace.run;
  excelNamespace.run = async <T>(...args: unknown[]): Promise<T> => {
    await ready;
    return run<T>(...args);
  };

  const office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    initialize: undefined as undefined | ((reason: string) => void),
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: language,
      contentLanguage: language,
      officeTheme: params.get("theme") === "dark" ? DARK_THEME : LIGHT_THEME,
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          excel.isSetSupported(name, minVersion === undefined ? undefined : String(minVersion)),
      },
    },
    actions: {
      associate: (name: string, fn: unknown) => {
        associations[name] = fn;
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      return ready.then(() => {
        const info = { host: "Excel", platform: "OfficeOnline" };
        callback?.(info);
        return info;
      });
    },
  };
  void ready.then(() => office.initialize?.("inserted"));

  const controller: FakeExcelController = {
    ready,
    get excel() {
      return excel;
    },
    get syncCount() {
      return excel.syncCount;
    },
    get selection() {
      return excel.selection;
    },
    get log() {
      return excel.log;
    },
    associations,
    conditionalFormats: (sheet) => excel.conditionalFormats(sheet),
    cell: (sheet, address) => excel.cell(sheet, address),
    userEdit: (sheet, address, value) => excel.userEdit(sheet, address, value),
    userFormat: (sheet, address, format) => excel.userFormat(sheet, address, format),
    protect: (sheet, on) => excel.protect(sheet, on),
    serialize: () => excel.serialize(),
    reopen: () => {
      excel = excel.reopen();
    },
    load: (json) => {
      excel = FakeExcel.fromJSON(json, { apiMinor });
    },
  };

  win.Office = office;
  win.Excel = excelNamespace;
  win.__fakeExcel = controller;
  return controller;
}

/** The workbook JSON: given, embedded in the page, or fetched from ./stub-sheet.json; undefined if none. */
async function loadWorkbook(given: unknown): Promise<unknown> {
  if (given !== undefined) return given;
  const embedded = typeof document !== "undefined" ? document.getElementById("stub-sheet") : null;
  if (embedded?.textContent) return JSON.parse(embedded.textContent);
  if (typeof fetch !== "function") return undefined;
  try {
    const response = await fetch("./stub-sheet.json");
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

if (typeof window !== "undefined" && !(window as unknown as StubWindow).__officeStubManual) installOfficeStub();

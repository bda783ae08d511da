/** Turns what Excel throws into text the pane can show. */
import type { Lang } from "../core/finding";
import { format } from "./i18n";

/** The error's code when it has one (OfficeExtension.Error: "InvalidOperationInCellEditMode", "ItemNotFound"). */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code ? code : undefined;
}

/**
 * Excel's codes for a request or an answer too large (Excel.ErrorCodes; the payload limits are Excel on the web's):
 * what reading a used range stretched by one stray cell far away gives. The command-line reader says the same of
 * such a sheet (src/xlsx/parts.ts, MAX_SHEET_CELLS).
 */
const RANGE_TOO_LARGE = new Set([
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
]);

/**
 * A message for `err` in `lang`. Errors the user can act on get plain advice; anything else shows Excel's own
 * message, with its code when the message does not already say it.
 */
export function describeError(err: unknown, lang: Lang): string {
  const code = errorCode(err);
  if (code === "InvalidOperationInCellEditMode") return format(lang, "errorCellEdit");
  if (code && RANGE_TOO_LARGE.has(code)) return format(lang, "errorRangeTooLarge");
  let message: string;
  if (err instanceof Error) message = err.message;
  else if (typeof err === "string") message = err;
  else if (err && typeof (err as { message?: unknown }).message === "string")
    message = (err as { message: string }).message;
  else message = "";
  if (!message) return code ?? format(lang, "errorUnknown");
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

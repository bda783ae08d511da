/**
 * Quiet tests: an unexpected console.error or console.warn fails the test that caused it, with the message. A test
 * that expects one spies on the console itself (jest.spyOn(console, "error").mockImplementation(...)), which takes
 * the call before this guard sees it.
 *
 * Known noise from dependencies is filtered here, and only here, each with its upstream issue:
 * - Fluent UI's Accordion passes `inert={true}` to a div, which React 18 warns about ("Received `true` for a
 *   non-boolean attribute `inert`"): microsoft/fluentui#36064. Harmless (React 18 then leaves the attribute out).
 */
import { format } from "util";

const KNOWN: { pattern: RegExp; issue: string }[] = [
  { pattern: /Received `(true|false)` for a non-boolean attribute `inert`/, issue: "microsoft/fluentui#36064" },
];

/** Whether a console message is known noise (exported for the guard's own test). */
export function isKnownNoise(message: string): boolean {
  return KNOWN.some((k) => k.pattern.test(message));
}

type Method = "error" | "warn";
const seen: { method: Method; message: string }[] = [];
let active = false;

for (const method of ["error", "warn"] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    const message = format(...args);
    if (isKnownNoise(message)) return;
    if (active) seen.push({ method, message });
    original(...args);
  };
}

beforeEach(() => {
  seen.length = 0;
  active = true;
});

afterEach(() => {
  active = false;
  if (seen.length === 0) return;
  const list = seen.map((s) => `console.${s.method}: ${s.message.split("\n").slice(0, 3).join("\n  ")}`);
  seen.length = 0;
  throw new Error(
    `unexpected console output in this test (a test that expects it spies on the console):\n${list.join("\n")}`
  );
});

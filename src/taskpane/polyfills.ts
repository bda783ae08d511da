/**
 * What the pane uses from JavaScript after ES2017, for WPS's older embedded Chromium (a WPS 加载项 page): the
 * bundle's syntax is lowered to ES2017 at build time (webpack.config.js), these library functions are added here
 * when missing. Imported first by the pane's entry. Each is the plain-data version the code needs: structuredClone
 * copies the template's styles (JSON data), nothing with cycles, dates or maps.
 */
type Fn = (...args: never[]) => unknown;

function define(target: object, name: string, value: Fn): void {
  if (typeof (target as Record<string, unknown>)[name] === "function") return;
  Object.defineProperty(target, name, { value, configurable: true, writable: true });
}

define(Array.prototype, "flat", function flat(this: unknown[], depth = 1): unknown[] {
  const out: unknown[] = [];
  const walk = (xs: unknown[], d: number) => {
    for (const x of xs)
      if (Array.isArray(x) && d > 0) walk(x, d - 1);
      else out.push(x);
  };
  walk(this, depth);
  return out;
} as Fn);

define(Array.prototype, "flatMap", function flatMap(
  this: unknown[],
  f: (x: unknown, i: number, xs: unknown[]) => unknown,
  self?: unknown
): unknown[] {
  const out: unknown[] = [];
  this.forEach((x, i, xs) => {
    const y = f.call(self, x, i, xs);
    if (Array.isArray(y)) out.push(...y);
    else out.push(y);
  });
  return out;
} as Fn);

define(Object, "fromEntries", function fromEntries(entries: Iterable<[PropertyKey, unknown]>) {
  const out: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
} as Fn);

define(globalThis, "structuredClone", function structuredClone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
} as Fn);

export {};

/** The core knows nothing of Office, React, exceljs or the shells around it: checked on its import lines. */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const CORE = path.join(__dirname, "..", "src", "core");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

test("src/core imports only itself and decimal.js", () => {
  const offending: string[] = [];
  for (const file of files(CORE)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/gm)) {
      const spec = m[1];
      const inside = spec.startsWith(".") && path.resolve(path.dirname(file), spec).startsWith(CORE);
      if (!inside && spec !== "decimal.js") offending.push(`${path.relative(CORE, file)} imports ${spec}`);
    }
    if (/\b(Excel|Office)\.(run|context|onReady)\b/.test(text))
      offending.push(`${path.relative(CORE, file)} calls Office`);
  }
  expect(offending).toEqual([]);
  expect(files(CORE).length).toBeGreaterThan(50);
});

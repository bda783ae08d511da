/**
 * .xls, .et (WPS) and .ods submissions: when LibreOffice is installed, a temporary copy is converted headlessly to
 * .xlsx and that is checked; the original is only read. `GOALTABLE_SOFFICE` names the program to use, or "none" to
 * act as if LibreOffice were not installed.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { promisify } from "util";

const run = promisify(execFile);

/** Extensions LibreOffice converts for us. */
export const CONVERTIBLE = new Set([".xls", ".et", ".ods"]);

/** LibreOffice's program, or undefined when it is not installed (or GOALTABLE_SOFFICE=none). */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const forced = env.GOALTABLE_SOFFICE;
  if (forced === "none") return undefined;
  if (forced) return forced;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of ["soffice", "libreoffice"]) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/**
 * Converts a copy of `file` to .xlsx with a headless LibreOffice (a profile of its own, so it neither waits for nor
 * disturbs a LibreOffice already running); resolves to the .xlsx bytes. The temporary folder is removed.
 */
export async function convertToXlsx(soffice: string, file: string, bytes: Uint8Array): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-convert-"));
  try {
    const ext = path.extname(file).toLowerCase() || ".xls";
    const copy = path.join(dir, `input${ext}`);
    await fs.writeFile(copy, bytes);
    const profile = path.join(dir, "profile");
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        dir,
        copy,
      ],
      { timeout: 120_000 }
    );
    return await fs.readFile(path.join(dir, "input.xlsx"));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Renders the first page of a blank template of each kind to docs/template-department.png and
 * docs/template-project.png, through LibreOffice (xlsx → pdf) and poppler (pdf → png):
 *
 *   apt-get install libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei
 *   npx tsx scripts/render-template.ts
 *
 * The helpers are shared with test/template-render.test.ts.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { promisify } from "util";
import { makeTemplate } from "../src/core/template";
import type { TableKind } from "../src/core/model";
import { writeTemplateFile } from "../src/xlsx/template";

const run = promisify(execFile);

/** A CJK font is needed too, or the Chinese text prints as boxes (fonts-noto-cjk does as well). */
export const INSTALL_HINT = "apt-get install libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei";

/** The first of `names` found as an executable on PATH, or undefined. */
export function findOnPath(...names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

/** LibreOffice's command, `libreoffice` or `soffice`. */
export function findOffice(): string | undefined {
  return findOnPath("libreoffice", "soffice");
}

/**
 * Converts workbooks to PDF in `outDir` with a headless LibreOffice, using a profile of its own (so that it neither
 * waits for nor disturbs a LibreOffice already running). Returns the PDFs' paths.
 */
export async function convertToPdf(office: string, files: string[], outDir: string): Promise<string[]> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-lo-"));
  try {
    await run(
      office,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 120_000 }
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

/** The first page of a PDF as a PNG (`pdftoppm -png -r 60 -singlefile`); `png` is the output path with .png. */
export async function firstPageToPng(pdf: string, png: string, dpi = 60): Promise<void> {
  await run("pdftoppm", ["-png", "-r", String(dpi), "-singlefile", pdf, png.replace(/\.png$/, "")]);
}

/** Writes a blank template of each kind into `dir` (department.xlsx, project.xlsx). */
export async function writeBlankTemplates(dir: string, year = 2022): Promise<Record<TableKind, string>> {
  const out = {} as Record<TableKind, string>;
  for (const kind of ["department", "project"] as const) {
    out[kind] = path.join(dir, `${kind}.xlsx`);
    await writeTemplateFile(makeTemplate({ kind, year, form: "merged" }), out[kind], { overwrite: true });
  }
  return out;
}

async function main(): Promise<void> {
  const office = findOffice();
  if (!office || !findOnPath("pdftoppm")) {
    process.stderr.write(`render-template: LibreOffice or pdftoppm is missing; install them: ${INSTALL_HINT}\n`);
    process.exitCode = 2;
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "goaltable-render-"));
  try {
    const files = await writeBlankTemplates(dir);
    const pdfs = await convertToPdf(office, [files.department, files.project], dir);
    const docs = path.join(__dirname, "..", "docs");
    for (const [kind, pdf] of [
      ["department", pdfs[0]],
      ["project", pdfs[1]],
    ] as const) {
      const png = path.join(docs, `template-${kind}.png`);
      await firstPageToPng(pdf, png);
      process.stdout.write(`${path.relative(process.cwd(), png)}\n`);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();

/**
 * Fetches Office.js from Microsoft's CDN into a folder, on a machine that can reach the CDN, for an intranet build
 * that cannot (GOALTABLE_OFFICE_JS=local, see webpack.config.js and README). Microsoft's advice for secure
 * environments (the @microsoft/office-js README) is this: download the CDN files and serve them yourself.
 *
 *   npm run fetch:office-js -- [--out vendor/office-js] [--excel-only] [--base URL]
 *
 * Which files: office.js loads host- and language-specific files next to itself at run time, so the whole hosted
 * folder is needed. Its file list is taken from the installed @microsoft/office-js package (the same layout as the
 * CDN); each file is fetched from the CDN, never copied from the package. `--excel-only` leaves out the other
 * Office applications' files. The folder gets FETCHED.txt: the source, the date and each file's SHA-256, so the
 * copy carried into the intranet can be checked.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";

export const CDN_BASE = "https://appsforoffice.microsoft.com/lib/1/hosted/";

/** Host prefixes of Office applications other than Excel (left out with --excel-only). */
const OTHER_HOSTS = /^(access|onenote|outlook|powerpoint|project|visio|word)/i;

/** The files of the hosted folder, relative ("office.js", "zh-cn/office_strings.js"), from the package listing. */
export async function hostedFileList(packageDist: string, excelOnly = false): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), r);
      else if (!r.endsWith(".d.ts") && !(excelOnly && OTHER_HOSTS.test(r))) out.push(r);
    }
  }
  await walk(packageDist, "");
  return out.sort();
}

export interface FetchResult {
  fetched: string[];
  failed: { file: string; reason: string }[];
}

/** Fetches `files` from `base` into `out`, a few at a time. office.js itself must arrive, or this throws. */
export async function fetchOfficeJs(options: {
  base: string;
  out: string;
  files: readonly string[];
  fetchImpl?: typeof fetch;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<FetchResult> {
  const { base, out, files } = options;
  const get = options.fetchImpl ?? fetch;
  const result: FetchResult = { fetched: [], failed: [] };
  const hashes = new Map<string, string>();
  const queue = [...files];
  async function worker(): Promise<void> {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      try {
        const response = await get(new URL(file, base).href);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = Buffer.from(await response.arrayBuffer());
        const target = path.join(out, ...file.split("/"));
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, body);
        hashes.set(file, createHash("sha256").update(body).digest("hex"));
        result.fetched.push(file);
      } catch (error) {
        result.failed.push({ file, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  await fs.mkdir(out, { recursive: true });
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  result.fetched.sort();
  if (!hashes.has("office.js")) {
    const why = result.failed.find((f) => f.file === "office.js")?.reason ?? "not in the file list";
    throw new Error(`could not fetch office.js from ${base} (${why})`);
  }
  const lines = [
    `Office.js fetched from ${base} on ${new Date().toISOString()} by scripts/fetch-office-js.ts`,
    `${result.fetched.length} files; ${result.failed.length} could not be fetched${result.failed.length ? ":" : "."}`,
    ...result.failed.map((f) => `  missing ${f.file} (${f.reason})`),
    "",
    "SHA-256  file",
    ...result.fetched.map((f) => `${hashes.get(f)}  ${f}`),
  ];
  await fs.writeFile(path.join(out, "FETCHED.txt"), lines.join("\n") + "\n");
  return result;
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = path.resolve(__dirname, "..");
  const out = path.resolve(arg("--out") ?? path.join(root, "vendor", "office-js"));
  const base = arg("--base") ?? CDN_BASE;
  const dist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  const files = await hostedFileList(dist, argv.includes("--excel-only"));
  console.log(`fetching ${files.length} files from ${base} into ${out} …`);
  try {
    const result = await fetchOfficeJs({ base, out, files });
    console.log(`fetched ${result.fetched.length} files; ${result.failed.length} missing (see FETCHED.txt)`);
    console.log(`build for the intranet with: GOALTABLE_OFFICE_JS=local GOALTABLE_OFFICE_JS_DIR=${out} npm run build`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}

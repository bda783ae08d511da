/**
 * `npm run dev-server` on a machine where the development CA cannot be installed (no sudo: a container, CI): the
 * server still serves the pane over HTTPS with the generated certificate, says once how to trust it, and prints
 * no stack trace. Runs the project's webpack config in its own process (test/browser/dev-server.ts) with a fresh
 * HOME (so office-addin-dev-certs generates new certificates there) and a `sudo` that always fails.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Starts the dev server; resolves with its output so far once it listens (or rejects with the output). */
function start(
  home: string,
  bin: string,
  port: number
): { child: ChildProcess; ready: Promise<string>; output: () => string } {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "test/browser/dev-server.ts", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOME: home,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      OFFICE_ADDIN_USAGE_DATA: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes(`listening on ${port}`)) resolve(out);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`dev server exited (${code}):\n${out}`)));
  });
  return { child, ready, output: () => out };
}

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

describe("the dev server without sudo", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "goaltable-devcerts-"));
    const bin = path.join(tmp, "bin");
    fs.mkdirSync(bin);
    // Like a container without sudo: installing the CA fails.
    fs.writeFileSync(path.join(bin, "sudo"), "#!/bin/sh\necho 'sudo: not allowed here' >&2\nexit 1\n", { mode: 0o755 });
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("serves the pane over HTTPS with the generated certificate, says once how to trust it, and keeps it", async () => {
    const home = path.join(tmp, "home");
    fs.mkdirSync(home);
    const bin = path.join(tmp, "bin");
    const caPath = path.join(home, ".office-addin-dev-certs", "ca.crt");

    const port = await freePort();
    const first = start(home, bin, port);
    try {
      const out = await first.ready;
      const ca = fs.readFileSync(caPath);
      const page = await get(`https://localhost:${port}/taskpane.html`, ca);
      expect(page.status).toBe(200);
      expect(page.body).toContain("<title>绩效目标表检查</title>");
      expect(page.body).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
      expect(out.match(/could not be installed into this system's trust store/g)).toHaveLength(1);
      expect(out).toContain(`NODE_EXTRA_CA_CERTS=${caPath}`);
      expect(out).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m); // no stack trace
    } finally {
      await stop(first.child);
    }

    // The next start reuses the same certificate (a CA trusted by hand stays valid).
    const ca = fs.readFileSync(caPath);
    const port2 = await freePort();
    const second = start(home, bin, port2);
    try {
      await second.ready;
      expect(fs.readFileSync(caPath)).toEqual(ca);
      expect((await get(`https://localhost:${port2}/taskpane.html`, ca)).status).toBe(200);
    } finally {
      await stop(second.child);
    }
  }, 180_000);
});

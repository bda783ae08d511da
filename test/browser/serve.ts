/**
 * A tiny static server for the browser test: the built task pane on http://127.0.0.1:<random port>/, with
 * `office-js/office.js` answered by the bundled Office stand-in and `stub-sheet.json` by the workbook the stand-in
 * loads. Nothing else is served; it listens on the loopback interface only.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

export interface PaneServer {
  /** e.g. http://127.0.0.1:43121/ */
  readonly url: string;
  readonly port: number;
  /** The paths asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface PaneServerOptions {
  /** The folder holding taskpane.html and its bundle (dist/ or a test build). */
  paneDir: string;
  /** The bundled office-stub.ts, served as office-js/office.js. */
  stubFile: string;
  /** The JSON served as stub-sheet.json. */
  sheet: unknown;
  /** More files to answer, by path ("/wps-stub.js"), before the pane folder is looked in. */
  extra?: Record<string, { type: string; body: string | Buffer }>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

export function servePane({ paneDir, stubFile, sheet, extra = {} }: PaneServerOptions): Promise<PaneServer> {
  const root = path.resolve(paneDir);
  const sheetJson = JSON.stringify(sheet);
  const requests: string[] = [];

  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, TYPES[".txt"], "method not allowed");
    if (pathname === "/office-js/office.js") return send(200, TYPES[".js"], fs.readFileSync(stubFile));
    if (pathname === "/stub-sheet.json") return send(200, TYPES[".json"], sheetJson);
    const more = extra[pathname];
    if (more) return send(200, more.type, more.body);
    const file = path.resolve(root, "." + pathname);
    // Only files inside the pane folder, and never the real Office.js (the stub stands in for it).
    if (!file.startsWith(root + path.sep) || file.startsWith(path.join(root, "office-js") + path.sep))
      return send(404, TYPES[".txt"], "not found");
    fs.readFile(file, (err, body) => {
      if (err) send(404, TYPES[".txt"], "not found");
      else send(200, TYPES[path.extname(file)] ?? "application/octet-stream", body);
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

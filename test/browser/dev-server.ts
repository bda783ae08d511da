/**
 * Starts the dev server as `npm run dev-server` does (the project's webpack config, served, so its HTTPS setup in
 * scripts/dev-certs.js runs), with tiny stand-in scripts for the bundles so it is up in seconds, on the given port.
 * Prints "listening on <port>" when it serves. For test/dev-server.test.ts.
 *
 *   node --import tsx test/browser/dev-server.ts PORT
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const ROOT = path.resolve(__dirname, "../..");

type ConfigFactory = (
  env: Record<string, unknown>,
  options: { mode: "development" | "production" }
) => Promise<webpack.Configuration & { devServer?: WebpackDevServer.Configuration }>;

async function main(port: number): Promise<void> {
  const factory = require(path.join(ROOT, "webpack.config.js")) as ConfigFactory;
  const config = await factory({ WEBPACK_SERVE: true }, { mode: "development" });
  const stubs = fs.mkdtempSync(path.join(os.tmpdir(), "goaltable-devserver-"));
  for (const name of ["taskpane", "commands"]) fs.writeFileSync(path.join(stubs, `${name}.js`), `// ${name}\n`);
  const compiler = webpack({
    ...config,
    context: ROOT,
    devtool: false,
    entry: { taskpane: path.join(stubs, "taskpane.js"), commands: path.join(stubs, "commands.js") },
    infrastructureLogging: { level: "error" },
    stats: "none",
  });
  const server = new WebpackDevServer({ ...config.devServer, port, host: "localhost", hot: false }, compiler);
  await server.start();
  console.log(`listening on ${port}`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main(Number(process.argv[2] ?? 3000)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * The console guard (test/support/console-guard.ts): an unexpected console.warn fails the test that made it, the
 * known Fluent `inert` warning (microsoft/fluentui#36064) does not, nor does an error a test spies on. Runs jest on
 * a fixture file with the project's config, in its own process.
 */
import { execFile } from "child_process";
import * as path from "path";
import { isKnownNoise } from "./support/console-guard";

const ROOT = path.resolve(__dirname, "..");

it("knows only the inert warning as noise", () => {
  expect(isKnownNoise("Warning: Received `true` for a non-boolean attribute `inert`.")).toBe(true);
  expect(isKnownNoise("Warning: An update to App inside a test was not wrapped in act(...).")).toBe(false);
});

it("fails exactly the test that wrote to the console unexpectedly", async () => {
  const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
    execFile(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "jest", "bin", "jest.js"),
        "--config",
        path.join(ROOT, "jest.config.js"),
        "--rootDir",
        ROOT,
        "--roots",
        "<rootDir>/test/fixtures/console-guard",
        "--testMatch",
        "**/noisy.fixture.ts",
        "--reporters",
        "default",
        "--verbose",
      ],
      { cwd: ROOT, env: { ...process.env, CI: "1" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr })
    );
  });
  expect(result.code).toBe(1);
  expect(result.out).toMatch(/✓ quiet/);
  expect(result.out).toMatch(/✕ warns unexpectedly/);
  expect(result.out).toMatch(/✓ logs Fluent's known inert warning/);
  expect(result.out).toMatch(/✓ expects an error and spies on it/);
  expect(result.out).toContain("console.warn: something nobody expected");
  expect(result.out).toMatch(/Tests:\s+1 failed, 3 passed, 4 total/);
}, 60_000);

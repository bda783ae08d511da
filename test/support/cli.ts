/** Runs the goaltable CLI in-process with captured output (faster than a subprocess). */
import { main, type Io } from "../../src/cli/main";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], extra: Partial<Io> = {}): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    ...extra,
  });
  return { code, stdout, stderr };
}

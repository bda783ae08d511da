/**
 * The command line: `goaltable check FILE... [--format text|json] [--lang zh|en] [--report R.xlsx] [--annotate DIR]`
 * (check.ts), and `goaltable template … -o OUT.xlsx` (template.ts), which writes a new budget year's table.
 * Arguments: args.ts; shared output: output.ts.
 *
 * Exit codes: 0 no finding is an error; 1 some finding is an error; 2 a file could not be read or checked, or the
 * command line is wrong. No exception and no stack trace ever reaches the user: every file is checked on its own
 * and any failure becomes a message.
 */
import { parseArgs, usage, UsageError, version } from "./args";
import { runCheck } from "./check";
import { describe, type Io } from "./output";
import { runTemplate } from "./template";

export { parseArgs, usage, version, type Command, type Format } from "./args";
export { checkFile, CONCURRENCY, mapOrdered } from "./check";
export { expandArgs, listWorkbooks } from "./files";
export * from "./output";

const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** Runs the command line; resolves to the exit code. Never rejects. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`goaltable: ${e.text[e.lang]}\n\n${usage(e.lang)}`);
      return 2;
    }
    io.stderr.write(`goaltable: internal error: ${describe(e)}\n`);
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const cmd = parseArgs(argv);
  if (cmd.command === "version") {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (cmd.command === "help") {
    io.stdout.write(usage(cmd.lang));
    return 0;
  }
  if (cmd.command === "template") return runTemplate(cmd, io);
  return runCheck(cmd, io);
}

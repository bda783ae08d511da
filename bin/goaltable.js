#!/usr/bin/env node
"use strict";
// Command-line entry: runs the compiled CLI in lib/ (built by `npm run build:cli`).
const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("goaltable: the CLI is not built yet: run npm run build:cli first\n");
  process.exit(2);
}

// `goaltable check … | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
});

const { main } = require(entry);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`goaltable: internal error: ${(err && err.message) || err}\n`);
    process.exitCode = 2;
  }
);

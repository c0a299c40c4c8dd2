#!/usr/bin/env node
// `npm test`: the type-check (tsc --noEmit) and every jest suite, at once.
//
// Why at once: jest only transpiles (swc), so it need not wait for tsc, and the suites are
// CPU-bound on two cores except for their tail, where one long suite runs alone: tsc's 8 s of
// CPU fit there (docs/performance.md has the figures). jest's output streams as it runs; tsc's
// is printed after it, whole. The exit code is non-zero when either fails; both always finish,
// so one run shows type errors and failing tests together. Arguments go to jest.
"use strict";
const { spawn } = require("child_process");

const warning = require("./run.js").engineWarning();
if (warning) process.stderr.write(`${warning}\n`);

function start(bin, args, capture) {
  const child = spawn(process.execPath, [require.resolve(bin), ...args], { stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
  let output = "";
  if (capture) {
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
  }
  return new Promise((resolve) => {
    child.on("error", (error) => resolve({ code: 1, output: `${bin} could not start: ${error.message}\n` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

// Incremental: tsc keeps what it learned in .build/ (git-ignored) and re-checks only what an edit
// can affect; an unchanged tree checks in about half the CPU (10.6 s → 4.9 s here). A fresh
// clone (CI) has no such file and checks everything.
const typecheck = start("typescript/bin/tsc", ["--noEmit", "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", ".build/tsc.tsbuildinfo"], true);
const jest = start("jest/bin/jest", process.argv.slice(2), false);

Promise.all([typecheck, jest]).then(([tsc, tests]) => {
  if (tsc.code !== 0) process.stderr.write(`\nType-check (tsc --noEmit) failed:\n${tsc.output}`);
  else process.stdout.write("Type-check (tsc --noEmit): no errors.\n");
  process.exitCode = tsc.code !== 0 ? tsc.code : tests.code;
});

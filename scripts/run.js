#!/usr/bin/env node
// Runs a TypeScript entry point of this project as plain JavaScript.
//
// Why: the cdktf template runs main.ts through type-checking ts-node, which costs seconds on
// every synth. Here each changed .ts file is transpiled once with swc into .build/ (tens of
// milliseconds), and node runs the result. Type safety is kept by `tsc --noEmit` in
// `npm test` and CI. Usage: node scripts/run.js main [args...]
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const outRoot = path.join(root, ".build");
const SOURCE_DIRS = ["constructs", "stacks", "config", "guardrails", "review", "bench", "scripts"];
const SWC_OPTIONS = {
  jsc: { parser: { syntax: "typescript" }, target: "es2022" },
  module: { type: "commonjs" },
  sourceMaps: false,
};

function sources() {
  const files = [path.join(root, "main.ts")];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(full);
    }
  };
  SOURCE_DIRS.forEach((d) => walk(path.join(root, d)));
  return files;
}

/** Transpiles the .ts files whose output is missing or older than the source. */
function build() {
  let swc;
  for (const file of sources()) {
    const out = path.join(outRoot, path.relative(root, file)).replace(/\.ts$/, ".js");
    const outStat = fs.statSync(out, { throwIfNoEntry: false });
    if (outStat && outStat.mtimeMs >= fs.statSync(file).mtimeMs) continue;
    swc ??= require("@swc/core");
    const { code } = swc.transformSync(fs.readFileSync(file, "utf8"), { ...SWC_OPTIONS, filename: file });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, code);
  }
}

module.exports = { build };

if (require.main === module) {
  const entry = process.argv[2] ?? "main";
  process.env.CHECKPOINT_DISABLE ??= "1";
  build();
  process.argv.splice(1, 2, path.join(outRoot, `${entry}.js`));
  require(path.join(outRoot, `${entry}.js`));
}

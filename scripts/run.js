#!/usr/bin/env node
// Runs a TypeScript entry point of this project as plain JavaScript.
//
// Why: the cdktf template runs main.ts through type-checking ts-node, which costs seconds on
// every synth. Here each changed .ts file is transpiled once with swc into .build/ (tens of
// milliseconds), and node runs the result. Type safety is kept by `tsc --noEmit` in
// `npm test` and CI. Usage: node scripts/run.js main [args...]
//
// "Changed" is decided by content (a hash of the source and the transpiler options), never by
// mtime: a file copied or checked out with an older mtime must not run stale JS.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const outRoot = path.join(root, ".build");
const SOURCE_DIRS = ["constructs", "stacks", "config", "guardrails", "review", "bench", "scripts", "terraform", "importer", "test-support"];
const SWC_OPTIONS = {
  jsc: { parser: { syntax: "typescript" }, target: "es2022" },
  module: { type: "commonjs" },
  sourceMaps: false,
};
const MANIFEST = path.join(outRoot, ".sources.json");

function sources() {
  const files = [path.join(root, "main.ts")];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if ((entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) || entry.name.endsWith(".json") || entry.name.endsWith(".proto")) files.push(full);
    }
  };
  SOURCE_DIRS.forEach((d) => walk(path.join(root, d)));
  return files;
}

/** The sha256 of a file's content, or undefined when it does not exist. */
function fileHash(file) {
  try {
    return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
}

/** Two builds may run at once (test workers): a reader never sees a half-written file. */
function writeAtomically(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/** Transpiles each .ts (and copies each .json) whose content differs from what was last built. */
function build() {
  let swc;
  let manifest = {};
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  } catch {
    manifest = {};
  }
  const salt = JSON.stringify(SWC_OPTIONS) + (require("@swc/core/package.json").version ?? "");
  const next = {};
  let changed = false;
  for (const file of sources()) {
    const rel = path.relative(root, file);
    const text = fs.readFileSync(file);
    const hash = crypto.createHash("sha256").update(salt).update(text).digest("hex");
    const out = path.join(outRoot, rel).replace(/\.ts$/, ".js");
    // The output is checked too: anything else writing into .build/ (an older checkout's
    // build, a hand edit) must not leave stale JS behind a current source hash.
    const previous = manifest[rel];
    if (previous && previous.src === hash && previous.out === fileHash(out)) {
      next[rel] = previous;
      continue;
    }
    changed = true;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    let output = text;
    if (file.endsWith(".ts")) {
      swc ??= require("@swc/core");
      output = swc.transformSync(text.toString("utf8"), { ...SWC_OPTIONS, filename: file }).code;
    }
    writeAtomically(out, output);
    next[rel] = { src: hash, out: crypto.createHash("sha256").update(output).digest("hex") };
  }
  // Output of a source that no longer exists would still be require()-able: remove it.
  for (const rel of Object.keys(manifest)) {
    if (next[rel] === undefined) {
      fs.rmSync(path.join(outRoot, rel).replace(/\.ts$/, ".js"), { force: true });
      changed = true;
    }
  }
  if (changed || Object.keys(manifest).length !== Object.keys(next).length) {
    fs.mkdirSync(outRoot, { recursive: true });
    writeAtomically(MANIFEST, JSON.stringify(next));
  }
}

/**
 * A warning when this Node.js is older than package.json's engines (">=22.19.0"), else
 * undefined. Commands often still run there, so they are not refused, but nothing is tested on
 * it and `npx cdktf` (CDK Terrain's CLI) needs 22.19: the user is told once, on stderr.
 */
function engineWarning(version = process.versions.node, range = require(path.join(root, "package.json")).engines.node) {
  const min = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(range ?? "");
  if (!min) return undefined;
  const have = version.split(".").map(Number);
  const need = min.slice(1).map(Number);
  const order = have[0] - need[0] || have[1] - need[1] || have[2] - need[2];
  if (order >= 0) return undefined;
  // Node 20 reached end of life on 2026-04-30, and every older line before it.
  const eol = have[0] < 22 ? ` (Node ${have[0]} is end of life)` : "";
  return `okta-as-code: Node.js ${version}${eol} is older than this project supports (${range}): commands may fail, and \`npx cdktf\` needs 22.19. Fix: use Node 24 (.nvmrc), e.g. scripts/with-node.sh 24 npm run synth.`;
}

module.exports = { build, SWC_OPTIONS, engineWarning };

if (require.main === module) {
  // Node's on-disk cache of compiled modules (Node >= 22.1): compiling cdktf and the provider
  // bindings was about 0.3 s of a 1,000-app synth. Kept in .build/ (not the shared temp dir);
  // NODE_COMPILE_CACHE chooses another folder, NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  require("module").enableCompileCache?.(process.env.NODE_COMPILE_CACHE || path.join(outRoot, "compile-cache"));
  const entry = process.argv[2] ?? "main";
  const warning = engineWarning();
  if (warning) process.stderr.write(`${warning}\n`);
  process.env.CHECKPOINT_DISABLE ??= "1";
  build();
  // cdktf loads archiver for nothing in this process: stacks/lazy-archiver.ts.
  require(path.join(outRoot, "stacks", "lazy-archiver.js")).deferArchiver();
  process.argv.splice(1, 2, path.join(outRoot, `${entry}.js`));
  require(path.join(outRoot, `${entry}.js`));
}

/* eslint-disable @typescript-eslint/no-require-imports */
import * as path from "path";

/**
 * cdktf's index requires archiver (bundled with cdktf) as it loads, for the zip archives of
 * TerraformAsset. cdktf builds those in a child process of its own (cdktf/lib/private/fs.js runs
 * itself with node), which loads archiver anew: in our process archiver is never called, yet
 * loading it was half of `require("cdktf")`, about 0.12 s of every command (`npm run synth` of
 * the example org takes 0.45 s) and of every test file. This stands in for archiver and loads
 * the real one the first time anything calls it or reads from it.
 *
 * scripts/run.js installs it for every command (deferArchiver), jest.config.js maps `archiver`
 * to it (test-support/archiver-stand-in.ts); `__tests__/lazy-archiver.test.ts` checks both.
 */

/** archiver's entry file, as cdktf resolves it (not the bare name, which jest maps to the stand-in). */
export const ARCHIVER_ENTRY: string = require.resolve("archiver/index.js", { paths: [path.dirname(require.resolve("cdktf/package.json"))] });

type Archiver = (...args: unknown[]) => unknown;
let real: Archiver | undefined;

function load(): Archiver {
  if (real === undefined) {
    // In a node process the stand-in sits in require's cache under archiver's own path.
    if (require.cache[ARCHIVER_ENTRY]?.exports === lazyArchiver) delete require.cache[ARCHIVER_ENTRY];
    real = require(ARCHIVER_ENTRY) as Archiver;
  }
  return real;
}

/** archiver, loaded when first called or read. An arrow function: no `prototype` for a proxy invariant to pin. */
export const lazyArchiver: Archiver = new Proxy((() => undefined) as Archiver, {
  apply: (_target, self, args) => Reflect.apply(load(), self, args),
  get: (_target, key) => Reflect.get(load(), key),
  has: (_target, key) => Reflect.has(load(), key),
});

/** Whether the real archiver has been loaded (by this stand-in) yet. */
export function archiverLoaded(): boolean {
  return real !== undefined;
}

/**
 * Makes whatever requires archiver next in this node process get the stand-in. Does nothing
 * when archiver is already loaded.
 */
export function deferArchiver(): void {
  if (require.cache[ARCHIVER_ENTRY]) return;
  const Module = require("module") as { new (id: string): NodeJS.Module; _nodeModulePaths(dir: string): string[] };
  const stand = new Module(ARCHIVER_ENTRY);
  stand.filename = ARCHIVER_ENTRY;
  stand.paths = Module._nodeModulePaths(path.dirname(ARCHIVER_ENTRY));
  stand.exports = lazyArchiver;
  stand.loaded = true;
  require.cache[ARCHIVER_ENTRY] = stand;
}

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Temporary directories the review and access commands create (synthesized base and head,
 * the base's git worktree): removed when the command ends, and also when it is interrupted
 * (SIGINT, SIGTERM), so nothing is left behind in the temp dir.
 */
const dirs = new Set<string>();
const cleanups = new Set<() => void>();
let handlersInstalled = false;

export function tempDir(prefix: string): string {
  installHandlers();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

/** Something else to undo on exit or interruption (e.g. `git worktree remove`). */
export function onCleanup(fn: () => void): () => void {
  installHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

export function cleanupTemp(): void {
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // best effort: the rest must still go
    }
  }
  for (const dir of [...dirs]) {
    dirs.delete(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      cleanupTemp();
      process.exit(code);
    });
  }
}

/** A run stopped by SIGINT or SIGTERM (e.g. Ctrl-C reached the base's synth first). */
export class Interrupted extends Error {
  constructor(readonly signal: string) {
    super(`Interrupted by ${signal}; temporary files were removed.`);
    this.name = "Interrupted";
  }

  /** The shell's exit code for a signal: 128 + its number. */
  get exitCode(): number {
    return this.signal === "SIGINT" ? 130 : this.signal === "SIGTERM" ? 143 : 1;
  }
}

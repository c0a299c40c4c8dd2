import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { selectEnvironments } from "../config";
import { synthesizeOrg } from "../stacks/synthesize-org";
import { Interrupted, onCleanup, tempDir } from "./temp";

/** The project root, whether this runs from source (jest) or from .build/ (scripts/run.js). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/**
 * Synthesizes the working tree's environments into a fresh temporary directory, as `npm run
 * synth` does (one environment at a time), so the review that follows in this process holds
 * none of their constructs.
 */
export function synthesizeWorkingTree(): string {
  return synthesizeOrg(selectEnvironments(), { outdir: path.join(tempDir("okta-review-head-"), "cdktf.out") }).outdir;
}

function git(args: string[], cwd = projectRoot()): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (e) {
    throw interruption(e) ?? e;
  }
}

/** A child process killed by Ctrl-C or a cancel: the whole run was interrupted. */
function interruption(e: unknown): Interrupted | undefined {
  const signal = (e as { signal?: string }).signal;
  return signal === "SIGINT" || signal === "SIGTERM" ? new Interrupted(signal) : undefined;
}

/** The default base: the merge base of HEAD with main (or origin/main in CI clones). */
export function defaultBase(): { ref: string; label: string } {
  for (const candidate of ["main", "origin/main"]) {
    try {
      const sha = git(["merge-base", "HEAD", candidate]);
      return { ref: sha, label: `merge base with ${candidate} (${sha.slice(0, 7)})` };
    } catch {
      // try the next
    }
  }
  throw new Error("No merge base with main or origin/main. Fix: pass --base <git ref>, or fetch main (git fetch origin main).");
}

/** `main (1a2b3c4)` for the report header. */
export function describeRef(ref: string): string {
  const sha = git(["rev-parse", "--short", `${ref}^{commit}`]);
  return sha.startsWith(ref) ? sha : `${ref} (${sha})`;
}

/**
 * Synthesizes a git revision in a temporary worktree and returns its cdktf.out directory.
 * The worktree borrows this checkout's node_modules, so a change of dependencies between the
 * two revisions is not reflected: CI that needs that synthesizes the base itself and passes
 * --base-out.
 */
export function synthesizeRevision(ref: string): string {
  const root = projectRoot();
  const work = tempDir("okta-review-base-");
  const tree = path.join(work, "tree");
  const outdir = path.join(work, "cdktf.out");
  // Removed in the finally below, or on SIGINT/SIGTERM, even half-added (git then leaves it
  // locked, which only a double --force removes).
  const removeTree = () => {
    try {
      git(["worktree", "remove", "--force", "--force", tree]);
    } catch {
      fs.rmSync(tree, { recursive: true, force: true });
      git(["worktree", "prune"]);
    }
  };
  const forget = onCleanup(removeTree);
  try {
    git(["worktree", "add", "--detach", tree, `${ref}^{commit}`]);
    fs.symlinkSync(path.join(root, "node_modules"), path.join(tree, "node_modules"), "dir");
    if (!fs.existsSync(path.join(tree, "scripts", "run.js"))) {
      throw new Error(`${ref} has no scripts/run.js, so it cannot be synthesized here. Fix: pick a newer --base, or pass --base-out.`);
    }
    try {
      execFileSync(process.execPath, ["scripts/run.js", "main"], {
        cwd: tree,
        env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      const interrupted = interruption(e);
      if (interrupted) throw interrupted;
      throw new Error(`Synthesizing the base ${ref} failed:\n${err.stderr || err.stdout || (e as Error).message}`);
    }
    return outdir;
  } finally {
    forget();
    removeTree();
  }
}

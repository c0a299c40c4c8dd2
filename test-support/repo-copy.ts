import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

/**
 * A copy of this checkout's tracked files in a temp dir (node_modules linked), where a test
 * edits config the way a user would and runs the project's own commands on it, without
 * touching the checkout the other tests read.
 */
export class RepoCopy {
  readonly dir: string;
  private readonly originals = new Map<string, string>();

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-repo-"));
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const f of files) {
      const from = path.join(ROOT, f);
      if (!fs.existsSync(from) || fs.statSync(from).isDirectory()) continue;
      fs.mkdirSync(path.dirname(path.join(this.dir, f)), { recursive: true });
      fs.copyFileSync(from, path.join(this.dir, f));
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(this.dir, "node_modules"), "dir");
    // The checkout's transpiled JS, as a user's checkout has it after any earlier command:
    // scripts/run.js checks each file by the hash of its source and output, and rebuilds what
    // differs (a first build of its own is run-build.test.ts's subject, not this copy's).
    const build = path.join(ROOT, ".build");
    if (fs.existsSync(build)) fs.cpSync(build, path.join(this.dir, ".build"), { recursive: true, filter: (from) => path.basename(from) !== "compile-cache" });
    // A repository of its own, so `git status` there shows what a command left behind.
    const git = (...args: string[]) => execFileSync("git", args, { cwd: this.dir, stdio: "ignore" });
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "copy");
  }

  /** Files a command left that git would show (untracked or modified; ignored ones are not shown). */
  leftBehind(): string[] {
    return execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: this.dir, encoding: "utf8" }).split("\n").filter(Boolean);
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), "utf8");
  }

  /** Rewrites a file (kept for restore()); fails loudly when the edit changes nothing. */
  edit(file: string, change: (text: string) => string): string {
    const before = this.read(file);
    if (!this.originals.has(file)) this.originals.set(file, before);
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${file} changed nothing`);
    fs.writeFileSync(path.join(this.dir, file), after);
    return after;
  }

  restore(): void {
    for (const [file, text] of this.originals) fs.writeFileSync(path.join(this.dir, file), text);
    this.originals.clear();
  }

  /** Runs a project command (`node scripts/run.js main`, …) in the copy. */
  run(args: readonly string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, args, { cwd: this.dir, encoding: "utf8", env: { ...process.env, ...env } });
    return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
  }

  /** The 1-based line (and column) of the first line containing `text` in a file of the copy. */
  lineOf(file: string, text: string): { line: number; column: number } {
    const lines = this.read(file).split("\n");
    const i = lines.findIndex((l) => l.includes(text));
    if (i < 0) throw new Error(`${text} is not in ${file}`);
    return { line: i + 1, column: lines[i].search(/\S/) + 1 };
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

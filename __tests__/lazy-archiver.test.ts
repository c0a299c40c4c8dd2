import { spawnSync } from "child_process";
import * as path from "path";
import { archiverLoaded, lazyArchiver } from "../stacks/lazy-archiver";

const ROOT = path.resolve(__dirname, "..");

// cdktf requires archiver as it loads, and never calls it in our process (stacks/lazy-archiver.ts):
// commands and test files get a stand-in that loads archiver only when used.
describe("archiver, loaded only when used", () => {
  test("a command's process loads cdktf without archiver, and archiver still makes a zip when used", () => {
    const r = spawnSync(process.execPath, ["scripts/run.js", "test-support/archiver-probe"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const probe = JSON.parse(r.stdout.trim().split("\n").pop()!) as { before: { realLoaded: boolean; files: number }; after: { realLoaded: boolean; files: number }; zipMagic: string; hasEntry: boolean };
    expect(probe.before).toEqual({ realLoaded: false, files: 0 });
    expect(probe.after.realLoaded).toBe(true);
    expect(probe.after.files).toBeGreaterThan(0);
    expect({ zipMagic: probe.zipMagic, hasEntry: probe.hasEntry }).toEqual({ zipMagic: "504b0304", hasEntry: true });
  });

  test("in a test file, the archiver cdktf gets is the stand-in, and it hands calls to archiver", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("cdktf");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require("archiver")).toBe(lazyArchiver);
    const archive = lazyArchiver("zip", { zlib: { level: 9 } }) as { pipe: unknown; abort(): void; constructor: { name: string } };
    expect(archiverLoaded()).toBe(true);
    expect(typeof archive.pipe).toBe("function");
    expect(archive.constructor.name).toBe("Archiver");
    archive.abort();
  });
});

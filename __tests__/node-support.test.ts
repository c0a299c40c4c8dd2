import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";

// Supported Node.js versions are stated once in package.json (engines) and .nvmrc (the LTS CI
// deploys with); the workflows test on each, and synth runs clean on whichever runs this suite.
const ROOT = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("Node.js support", () => {
  test("synth prints no deprecation warning (--throw-deprecation turns one into a failure)", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-node-"));
    const r = spawnSync(process.execPath, ["--throw-deprecation", path.join(ROOT, "scripts", "run.js"), "main"], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_OUTDIR: outdir, OKTA_ENVIRONMENTS: "dev" },
      encoding: "utf8",
    });
    expect(`${r.stderr}`).not.toMatch(/DeprecationWarning|DEP\d{4}/);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(outdir, "stacks", "okta-dev", "cdk.tf.json"))).toBe(true);
  });

  test("on a Node.js older than engines, every command says so once on stderr, with the fix; on a supported one, nothing", () => {
    const { engineWarning } = require("../scripts/run.js") as { engineWarning: (version?: string, range?: string) => string | undefined }; // eslint-disable-line @typescript-eslint/no-require-imports
    expect(engineWarning("20.20.2", ">=22.19.0")).toBe(
      "okta-as-code: Node.js 20.20.2 (Node 20 is end of life) is older than this project supports (>=22.19.0): commands may fail, and `npx cdktf` needs 22.19. Fix: use Node 24 (.nvmrc), e.g. scripts/with-node.sh 24 npm run synth.",
    );
    expect(engineWarning("22.18.1", ">=22.19.0")).toMatch(/^okta-as-code: Node\.js 22\.18\.1 is older than this project supports/);
    for (const supported of ["22.19.0", "22.20.0", "24.0.0", "26.1.0"]) expect({ supported, warning: engineWarning(supported, ">=22.19.0") }).toEqual({ supported, warning: undefined });
    // The range is package.json's, and a command prints exactly the warning for the Node it runs on.
    expect(engineWarning("22.18.1")).toBeDefined();
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "run.js"), "main", "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe(engineWarning() === undefined ? "" : `${engineWarning()}\n`);
  });

  test("states the supported versions: engines, .nvmrc, and a test job per version", () => {
    expect(pkg.engines).toEqual({ node: ">=22.19.0" });
    const lts = fs.readFileSync(path.join(ROOT, ".nvmrc"), "utf8").trim();
    expect(lts).toBe("24");
    const review = parse(fs.readFileSync(path.join(ROOT, ".github", "workflows", "review.yml"), "utf8"));
    expect(review.jobs.test.strategy.matrix.node).toEqual([22, 24, 26]);
    // Everything else (synth, plan, the trusted report, deploys, drift) runs on .nvmrc's LTS.
    for (const file of fs.readdirSync(path.join(ROOT, ".github", "workflows"))) {
      const text = fs.readFileSync(path.join(ROOT, ".github", "workflows", file), "utf8");
      for (const m of text.matchAll(/node-version(-file)?: [^#\n]*[^#\s]/g)) expect({ file, setting: m[0] }).toEqual({ file, setting: expect.stringMatching(/^node-version-file: \.nvmrc$|^node-version: \$\{\{ matrix\.node \}\}$/) });
    }
  });

  test("the CLI on PATH as cdktf is CDK Terrain's (no native pseudo-terminal module), pinned", () => {
    expect(pkg.devDependencies["cdktn-cli"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies["cdktf-cli"]).toBeUndefined();
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "cdktf"), ["--version"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout.trim().split("\n")[0]).toBe(pkg.devDependencies["cdktn-cli"]);
    expect(fs.existsSync(path.join(ROOT, "node_modules", "@cdktf", "node-pty-prebuilt-multiarch"))).toBe(false);
  });
});

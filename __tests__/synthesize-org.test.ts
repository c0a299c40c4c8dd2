import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import { Lazy, Tokenization } from "cdktf";
import { selectEnvironments } from "../config";
import { OrgConfig } from "../config/types";
import { forgetTokensSince, tokenMark } from "../stacks/cdktf-token-map";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { synthesizeOrg } from "../stacks/synthesize-org";
import { editedConfig, errorOf, filesUnder } from "../test-support";
import { fixtureConfig, fixtureEnvironments } from "../test-support/fixture-org";

// npm run synth builds, checks and writes one environment at a time (stacks/synthesize-org.ts)
// so that only one environment's constructs are alive at once. What it writes and what it
// reports must be what one app of every environment writes and reports.

const fresh = () => fs.mkdtempSync(path.join(os.tmpdir(), "okta-org-synth-"));

function oneApp(configs: readonly OrgConfig[], outdir = fresh()): { outdir: string; message?: string } {
  try {
    synthesizeAll(buildOrgApp(configs, { outdir }).app);
    return { outdir };
  } catch (e) {
    return { outdir, message: (e as Error).message };
  }
}

describe("synthesizeOrg (npm run synth), one environment at a time", () => {
  test("writes what one app of every environment writes, byte for byte, manifest included, in the same order", () => {
    for (const configs of [selectEnvironments(), fixtureEnvironments()]) {
      const outdir = fresh();
      const result = synthesizeOrg(configs, { outdir });
      const expected = oneApp(configs);
      expect(expected.message).toBeUndefined();
      expect(filesUnder(outdir)).toEqual(filesUnder(expected.outdir));
      // The files and reports main.ts prints: every main stack, then every bootstrap stack.
      expect(result.files.map((f) => path.relative(outdir, f))).toEqual(configs.map((c) => `stacks/okta-${c.environment}/cdk.tf.json`).concat(configs.map((c) => `stacks/okta-bootstrap-${c.environment}/cdk.tf.json`)));
      expect(result.reports.map((r) => r.stack)).toEqual(configs.map((c) => `okta-${c.environment}`).concat(configs.map((c) => `okta-bootstrap-${c.environment}`)));
    }
  });

  test("a narrower synth replaces the stacks it writes and removes the others, as one app's does", () => {
    const outdir = fresh();
    synthesizeOrg(fixtureEnvironments(), { outdir });
    synthesizeOrg(fixtureEnvironments("dev"), { outdir });
    expect(filesUnder(outdir)).toEqual(filesUnder(oneApp(fixtureEnvironments("dev")).outdir));
  });

  test("reports every environment's problems as one app does, and writes nothing: config, construct and JSON problems", () => {
    const wildcard = (env: string) => editedConfig(fixtureConfig(env), (c) => Object.assign(c.apps[0], { redirectUris: ["https://*.example.com/cb"] }));
    const implicit = (env: string) => editedConfig(fixtureConfig(env), (c) => Object.assign(c.apps[0], { allowImplicitGrant: true }));
    const misspelt = (env: string) => editedConfig(fixtureConfig(env), (c) => Object.assign(c.apps[0], { redirectUri: "https://x.example.com/cb" }));
    const cases: OrgConfig[][] = [
      [wildcard("dev"), fixtureConfig("staging"), wildcard("prod")],
      [fixtureConfig("dev"), implicit("prod")],
      [wildcard("dev"), implicit("prod")],
      [misspelt("dev"), misspelt("staging"), wildcard("prod")],
    ];
    for (const configs of cases) {
      const outdir = fresh();
      synthesizeOrg(fixtureEnvironments(), { outdir });
      const before = filesUnder(outdir);
      const expected = oneApp(configs).message;
      expect(expected).toBeDefined();
      expect(errorOf(() => synthesizeOrg(configs, { outdir }))).toBe(expected);
      expect(filesUnder(outdir)).toEqual(before);
      expect(fs.readdirSync(outdir).filter((e) => e.startsWith(".staging-"))).toEqual([]);
    }
  });

  test("forgets each written environment's tokens, and keeps the tokens registered before it", () => {
    const before = Lazy.stringValue({ produce: () => "kept" });
    const mark = tokenMark();
    synthesizeOrg(fixtureEnvironments(), { outdir: fresh() });
    // Nothing of the three environments is left in cdktf's token map (before, thousands were).
    expect(forgetTokensSince(mark)).toBe(0);
    expect(Tokenization.reverseString(before).firstToken).toBeDefined();
  });
});

describe("forgetTokensSince", () => {
  // A forced collection shows what the token map keeps alive (--expose-gc, set for this file's new contexts).
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const writtenApp = (): { app: WeakRef<object>; mark: number } => {
    const mark = tokenMark();
    const { app } = buildOrgApp(fixtureEnvironments("dev"), { outdir: fresh() });
    synthesizeAll(app);
    return { app: new WeakRef(app), mark };
  };

  test("lets a written environment's constructs be collected, which cdktf's token map kept alive", async () => {
    // Collected at once is not guaranteed (a WeakRef's target lives until its job ends, and a
    // collection may find a stale reference): collect after a turn, up to ten times, as Node's
    // own tests do (gcUntil). What a map keeps is never collected, however often.
    const collected = async (ref: WeakRef<object>): Promise<boolean> => {
      for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        gc();
        if (ref.deref() === undefined) return true;
      }
      return false;
    };
    const kept = writtenApp();
    expect(await collected(kept.app)).toBe(false);
    const forgotten = writtenApp();
    expect(forgetTokensSince(forgotten.mark)).toBeGreaterThan(0);
    expect(await collected(forgotten.app)).toBe(true);
  });

  test("a forgotten token fails loudly if it is ever resolved again, and a new token gets a new key", () => {
    const mark = tokenMark();
    const old = Lazy.stringValue({ produce: () => "old" });
    forgetTokensSince(mark);
    expect(errorOf(() => Tokenization.reverseString(old))).toMatch(/^Unrecognized Token Key/);
    const fresh = Lazy.stringValue({ produce: () => "new" });
    expect(fresh).not.toBe(old);
    expect(Tokenization.reverseString(fresh).firstToken).toBeDefined();
  });
});

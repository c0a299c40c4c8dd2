import * as fs from "fs";
import * as path from "path";
import { prPlan } from "../review/pr-plan";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig } from "../test-support";
import { fixtureConfig } from "../test-support/fixture-org";
import { ok, standInEnv, terraform, terraformSuite, workDir } from "../test-support/terraform";

// Issue 23: a pull request's plan reads from Okta only what the change touches. Judged by the
// okta provider stand-in, which logs every read Terraform asks of it (OKTA_STAND_IN_READ_LOG).
terraformSuite()("npm run plan: a PR plan costs what the change costs", () => {
  test("a one-app change reads only that app (and what it depends on); no change reads only the data sources; a full refresh reads everything", () => {
    const root = workDir("okta-pr-plan-");
    const out = path.join(root, "cdktf.out");
    const dir = path.join(out, "stacks", "okta-dev");
    const synth = (config = fixtureConfig("dev")) => synthesizeAll(buildOrgApp([config], { outdir: out }).app);
    synth();
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "apply", "-input=false", "-auto-approve"));
    const log = path.join(root, "reads.log");
    const reads = (run: () => unknown) => {
      fs.writeFileSync(log, "");
      run();
      return fs.readFileSync(log, "utf8").split("\n").filter(Boolean);
    };
    const env = standInEnv({ OKTA_STAND_IN_READ_LOG: log });

    let plan = prPlan("okta-dev", dir, { env });
    const none = reads(() => (plan = prPlan("okta-dev", dir, { env })));
    expect(plan.mode).toBe("none");
    // Terraform reads data sources on every plan (here the Everyone group): nothing else.
    expect(none).toEqual(["data.okta_everyone_group"]);

    const full = reads(() => prPlan("okta-dev", dir, { env, full: true }));
    const resources = Object.values(JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")).resource as Record<string, object>).reduce((n, r) => n + Object.keys(r).length, 0);
    expect(full.filter((r) => !r.startsWith("data.")).length).toBe(resources);

    // One app's label changes: only that app is read.
    synth(editedConfig(fixtureConfig("dev"), (d) => d.apps.forEach((a) => a.id === "status-page" && Object.assign(a, { label: "Status" }))));
    const one = reads(() => (plan = prPlan("okta-dev", dir, { env })));
    expect(plan.mode).toBe("targeted");
    expect(plan.targets).toEqual([expect.stringMatching(/^okta_app_bookmark\.status-page_App_/)]);
    expect(one.length).toBeGreaterThan(0);
    expect(one.length).toBeLessThan(10);
    expect(plan.text).toMatch(/Plan: 0 to add, 1 to change, 0 to destroy\./);

    // More changes than a plan is targeted at (MAX_TARGETS, 2,000: each target is an argument of
    // Terraform's command line): a full refresh instead, still planning exactly the change.
    synth(editedConfig(fixtureConfig("dev"), (d) => d.apps.forEach((a) => Object.assign(a, { label: `${a.label} (renamed)` }))));
    const many = reads(() => (plan = prPlan("okta-dev", dir, { env, maxTargets: 1 })));
    expect(plan.mode).toBe("full");
    expect(plan.targets.length).toBeGreaterThan(1);
    expect(many.filter((r) => !r.startsWith("data.")).length).toBe(resources);
    expect(plan.text).toMatch(new RegExp(`Plan: 0 to add, ${plan.targets.length} to change, 0 to destroy\\.`));
    console.log(`okta-dev (${resources} resources): full refresh ${full.length} reads; one-app PR plan ${one.length}`);
  });
});

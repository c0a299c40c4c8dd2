import * as fs from "fs";
import * as path from "path";
import { deployCheck, runDeployCheck } from "../review/deploy-check";
import { readPlan } from "../review/plan";
import { readSynthesized } from "../review/stack-json";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig } from "../test-support";
import { fixtureConfig } from "../test-support/fixture-org";
import { ok, terraform, terraformSuite, workDir } from "../test-support/terraform";

// The deploy-time check runs on main's code against a real plan (okta provider stand-in): what
// the environment has now (the plan's prior state) against what is about to be applied.
terraformSuite()("deploy-time access check (npm run deploy-check)", () => {
  test("passes an unchanged deploy, refuses broadening and outages no approval covers, and the checked plan is the one applied", () => {
    const root = workDir("okta-deploy-check-");
    const out = path.join(root, "cdktf.out");
    const dir = path.join(out, "stacks", "okta-dev");
    const synth = (config = fixtureConfig("dev")) => synthesizeAll(buildOrgApp([config], { outdir: out }).app);
    const plan = (name: string) => {
      ok(terraform(dir, "init", "-input=false"));
      ok(terraform(dir, "plan", "-input=false", `-out=${name}.tfplan`));
      const file = path.join(root, `${name}.json`);
      fs.writeFileSync(file, ok(terraform(dir, "show", "-json", `${name}.tfplan`)).stdout);
      return file;
    };
    const check = (file: string, approvals: string[] = []) => deployCheck("okta-dev", readPlan(file), file, readSynthesized(out).get("okta-dev")!, ["dev"], approvals);

    synth();
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "apply", "-input=false", "-auto-approve"));

    // Nothing changed: the state read back and main's JSON agree on every access row.
    const same = check(plan("same"));
    expect(same.gate.items).toEqual([]);
    expect(same.approved).toBe(true);

    // main now assigns Billing to silver subscribers too, and drops the widget app.
    synth(editedConfig(fixtureConfig("dev"), (d) => {
      d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { assignTo: ["goldSubscribers", "silverSubscribers"] }));
      d.apps.splice(d.apps.findIndex((a) => a.id === "widget-login"), 1);
    }));
    const changed = plan("changed");
    const refused = check(changed);
    expect(refused.approved).toBe(false);
    expect(refused.gate.items).toEqual(expect.arrayContaining([
      expect.stringMatching(/^okta-dev \+assignment .*okta_app_oauth.billing_App.*"silverSubscribers"/),
      expect.stringMatching(/^okta-dev outage "destroys okta_app_oauth \\"Embedded Sign-In\\"/),
    ]));
    const lines: string[] = [];
    expect(runDeployCheck(["okta-dev", "--plan", changed, "--from", out, "--gate", "dev"], (t) => lines.push(t), () => undefined)).toBe(2);
    expect(lines.join("")).toContain("Not applied");
    // An approval of some other change does not cover this one; the digest of exactly these changes does.
    expect(runDeployCheck(["okta-dev", "--plan", changed, "--from", out, "--gate", "dev", "--approved", same.gate.digest], () => undefined, () => undefined)).toBe(2);
    expect(runDeployCheck(["okta-dev", "--plan", changed, "--from", out, "--gate", "dev", "--approved", refused.gate.digest], () => undefined, () => undefined)).toBe(0);
    // Outside the gated environments, nothing needs approval.
    expect(runDeployCheck(["okta-dev", "--plan", changed, "--from", out, "--gate", "prod"], () => undefined, () => undefined)).toBe(0);

    ok(terraform(dir, "apply", "-input=false", "changed.tfplan"));
    expect(check(plan("after")).gate.items).toEqual([]);
  });
});

import * as fs from "fs";
import * as path from "path";
import { runDrift } from "../review/drift-cli";
import { DriftReport } from "../review/drift";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { fixtureConfig } from "../test-support/fixture-org";
import { configFor } from "../config";
import { ok, terraform, terraformSuite, workDir } from "../test-support/terraform";

// Drift is judged on plans real Terraform makes (okta provider stand-in), with the state edited
// the way a change in the Admin Console would leave Okta.
terraformSuite()("npm run drift reads a real plan", () => {
  test("reports nothing when Okta matches the code, and a console change in the review's access language", () => {
    const root = workDir("okta-drift-");
    const out = path.join(root, "cdktf.out");
    synthesizeAll(buildOrgApp([fixtureConfig("dev")], { outdir: out }).app);
    const dir = path.join(out, "stacks", "okta-dev");
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "apply", "-input=false", "-auto-approve"));
    const planJson = (name: string) => {
      ok(terraform(dir, "plan", "-input=false", `-out=${name}.bin`));
      const file = path.join(root, `${name}.json`);
      fs.writeFileSync(file, ok(terraform(dir, "show", "-json", `${name}.bin`)).stdout);
      return file;
    };
    const drift = (file: string) => {
      const out: string[] = [];
      const code = runDrift(["okta-dev", "--plan", file, "--json"], (t) => out.push(t));
      return { code, report: JSON.parse(out.join("")) as DriftReport };
    };

    const clean = drift(planJson("clean"));
    expect(clean.code).toBe(0);
    expect(clean.report.drifted).toEqual([]);

    // In the Admin Console, someone opens the gold tier's rule to everyone.
    const stateFile = path.join(root, "terraform.okta-dev.tfstate");
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[] };
    const gold = state.resources.find((r) => r.type === "okta_auth_server_policy_rule" && r.name.includes("Rule-gold"))!;
    gold.instances[0].attributes.group_whitelist = ["EVERYONE"];
    fs.writeFileSync(stateFile, JSON.stringify(state));

    const changed = drift(planJson("changed"));
    expect(changed.code).toBe(2);
    expect(changed.report.broadened).toBe(true);
    expect(changed.report.drifted).toEqual([expect.objectContaining({ kind: "changed", address: expect.stringContaining("Rule-gold"), attributes: [expect.objectContaining({ attribute: "group_whitelist", after: '["EVERYONE"]' })] })]);
    expect(changed.report.access.newMarkers).toEqual(['EVERYONE in rule "gold tier" of policy "User access" (API Center)']);
    expect(changed.report.access.grants.added).toContainEqual(expect.objectContaining({ client: "API Center Client", who: "silverSubscribers", scope: "http://myapp.com/scp/gold" }));
    const markdown: string[] = [];
    runDrift(["okta-dev", "--plan", path.join(root, "changed.json")], (t) => markdown.push(t));
    expect(markdown.join("")).toContain("🚨 **access was widened outside code**");
  });
});

terraformSuite()("drift tells claim changes in claim terms", () => {
  test("a groups claim moved from the access token to the ID token in the console shows as claim rows", () => {
    const root = workDir("okta-drift-claims-");
    const out = path.join(root, "cdktf.out");
    synthesizeAll(buildOrgApp([configFor("dev")], { outdir: out }).app);
    const dir = path.join(out, "stacks", "okta-dev");
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "apply", "-input=false", "-auto-approve"));
    const stateFile = path.join(root, "terraform.okta-dev.tfstate");
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[] };
    const claim = state.resources.find((r) => r.type === "okta_auth_server_claim" && r.name.includes("payment_groups"))!;
    claim.instances[0].attributes.claim_type = "IDENTITY";
    fs.writeFileSync(stateFile, JSON.stringify(state));
    ok(terraform(dir, "plan", "-input=false", "-out=drift.bin"));
    const file = path.join(root, "drift.json");
    fs.writeFileSync(file, ok(terraform(dir, "show", "-json", "drift.bin")).stdout);
    const lines: string[] = [];
    expect(runDrift(["okta-dev", "--plan", file, "--json"], (t) => lines.push(t))).toBe(2);
    const report = JSON.parse(lines.join("")) as DriftReport;
    expect(report.access.claims.removed).toContainEqual(expect.objectContaining({ server: "Payments", who: "paymentsViewers", token: "access", claim: "payment_groups", value: "paymentsViewers" }));
    expect(report.access.claims.added).toContainEqual(expect.objectContaining({ server: "Payments", who: "paymentsViewers", token: "ID", claim: "payment_groups", value: "paymentsViewers" }));
    const markdown: string[] = [];
    runDrift(["okta-dev", "--plan", file], (t) => markdown.push(t));
    expect(markdown.join("")).toContain("**Token claims**");
  });
});

terraformSuite()("drift tells sign-in changes in assurance terms", () => {
  test("a rule edited in the console to one factor from anywhere is access widened outside code", () => {
    const root = workDir("okta-drift-signon-");
    const out = path.join(root, "cdktf.out");
    synthesizeAll(buildOrgApp([configFor("staging")], { outdir: out }).app);
    const dir = path.join(out, "stacks", "okta-staging");
    ok(terraform(dir, "init", "-input=false"));
    ok(terraform(dir, "apply", "-input=false", "-auto-approve"));
    const stateFile = path.join(root, "terraform.okta-staging.tfstate");
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[] };
    const rule = state.resources.find((r) => r.type === "okta_app_signon_policy_rule" && r.name.includes("From-the-office"))!;
    Object.assign(rule.instances[0].attributes, { network_connection: "ANYWHERE", network_includes: null, factor_mode: "1FA", constraints: null });
    fs.writeFileSync(stateFile, JSON.stringify(state));
    ok(terraform(dir, "plan", "-input=false", "-out=drift.bin"));
    const file = path.join(root, "drift.json");
    fs.writeFileSync(file, ok(terraform(dir, "show", "-json", "drift.bin")).stdout);
    const lines: string[] = [];
    expect(runDrift(["okta-staging", "--plan", file, "--json"], (t) => lines.push(t))).toBe(2);
    const report = JSON.parse(lines.join("")) as DriftReport;
    expect(report.broadened).toBe(true);
    expect(report.access.signIns.added).toEqual([expect.objectContaining({ app: "Billing", who: "goldSubscribers", assurance: "1FA: any factor", where: "any zone" })]);
    expect(report.access.signIns.removed.map((r) => r.assurance).sort()).toEqual(["2FA: password + possession", "denied"]);
    const markdown: string[] = [];
    runDrift(["okta-staging", "--plan", file], (t) => markdown.push(t));
    expect(markdown.join("")).toContain("**Sign-in (authentication policies): who, with which factors, from where** (code → Okta)");
  });
});

import * as fs from "fs";
import * as path from "path";
import { runDrift } from "../review/drift-cli";
import { DriftReport } from "../review/drift";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { fixtureConfig } from "../test-support/fixture-org";
import { OrgConfig, configFor } from "../config";
import { ok, terraform, terraformSuite, workDir } from "../test-support/terraform";

// Drift is judged on plans real Terraform makes (okta provider stand-in), with the state edited
// the way a change in the Admin Console would leave Okta.

type State = { resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[] };

/** `config`'s main stack synthesized and applied on the stand-in, as a deploy leaves it. */
function deployed(config: OrgConfig, prefix: string): { root: string; dir: string; stack: string } {
  const root = workDir(prefix);
  const out = path.join(root, "cdktf.out");
  synthesizeAll(buildOrgApp([config], { outdir: out }).app);
  const stack = `okta-${config.environment}`;
  const dir = path.join(out, "stacks", stack);
  ok(terraform(dir, "init", "-input=false"));
  ok(terraform(dir, "apply", "-input=false", "-auto-approve"));
  return { root, dir, stack };
}

/** Edits the first applied resource of `type` whose name contains `name`, as a change in the Admin Console leaves Okta. */
function editInConsole(root: string, stack: string, type: string, name: string, edit: (attributes: Record<string, unknown>) => void): void {
  const stateFile = path.join(root, `terraform.${stack}.tfstate`);
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as State;
  edit(state.resources.find((r) => r.type === type && r.name.includes(name))!.instances[0].attributes);
  fs.writeFileSync(stateFile, JSON.stringify(state));
}

/** A plan of the stack, as JSON in a file, for npm run drift. */
function planJson(root: string, dir: string, name: string): string {
  ok(terraform(dir, "plan", "-input=false", `-out=${name}.bin`));
  const file = path.join(root, `${name}.json`);
  fs.writeFileSync(file, ok(terraform(dir, "show", "-json", `${name}.bin`)).stdout);
  return file;
}

/** npm run drift on a plan file, with --json: its exit code and report. */
function driftJson(stack: string, file: string): { code: number; report: DriftReport } {
  const out: string[] = [];
  const code = runDrift([stack, "--plan", file, "--json"], (t) => out.push(t));
  return { code, report: JSON.parse(out.join("")) as DriftReport };
}

/** npm run drift's Markdown for a plan file. */
function driftMarkdown(stack: string, file: string): string {
  const out: string[] = [];
  runDrift([stack, "--plan", file], (t) => out.push(t));
  return out.join("");
}

terraformSuite()("npm run drift reads a real plan", () => {
  test("reports nothing when Okta matches the code, and a console change in the review's access language", () => {
    const { root, dir } = deployed(fixtureConfig("dev"), "okta-drift-");
    const clean = driftJson("okta-dev", planJson(root, dir, "clean"));
    expect(clean.code).toBe(0);
    expect(clean.report.drifted).toEqual([]);

    // In the Admin Console, someone opens the gold tier's rule to everyone.
    editInConsole(root, "okta-dev", "okta_auth_server_policy_rule", "Rule-gold", (a) => (a.group_whitelist = ["EVERYONE"]));

    const changedPlan = planJson(root, dir, "changed");
    const changed = driftJson("okta-dev", changedPlan);
    expect(changed.code).toBe(2);
    expect(changed.report.broadened).toBe(true);
    expect(changed.report.drifted).toEqual([expect.objectContaining({ kind: "changed", address: expect.stringContaining("Rule-gold"), attributes: [expect.objectContaining({ attribute: "group_whitelist", after: '["EVERYONE"]' })] })]);
    expect(changed.report.access.newMarkers).toEqual(['EVERYONE in rule "gold tier" of policy "User access" (API Center)']);
    expect(changed.report.access.grants.added).toContainEqual(expect.objectContaining({ client: "API Center Client", who: "silverSubscribers", scope: "http://myapp.com/scp/gold" }));
    expect(driftMarkdown("okta-dev", changedPlan)).toContain("🚨 **access was widened outside code**");
  });
});

terraformSuite()("drift tells claim changes in claim terms", () => {
  test("a groups claim moved from the access token to the ID token in the console shows as claim rows", () => {
    const { root, dir, stack } = deployed(configFor("dev"), "okta-drift-claims-");
    editInConsole(root, stack, "okta_auth_server_claim", "payment_groups", (a) => (a.claim_type = "IDENTITY"));
    const file = planJson(root, dir, "drift");
    const { code, report } = driftJson(stack, file);
    expect(code).toBe(2);
    expect(report.access.claims.removed).toContainEqual(expect.objectContaining({ server: "Payments", who: "paymentsViewers", token: "access", claim: "payment_groups", value: "paymentsViewers" }));
    expect(report.access.claims.added).toContainEqual(expect.objectContaining({ server: "Payments", who: "paymentsViewers", token: "ID", claim: "payment_groups", value: "paymentsViewers" }));
    expect(driftMarkdown(stack, file)).toContain("**Token claims**");
  });
});

terraformSuite()("drift tells sign-in changes in assurance terms", () => {
  test("a rule edited in the console to one factor from anywhere is access widened outside code", () => {
    const { root, dir, stack } = deployed(configFor("staging"), "okta-drift-signon-");
    editInConsole(root, stack, "okta_app_signon_policy_rule", "From-the-office", (a) => Object.assign(a, { network_connection: "ANYWHERE", network_includes: null, factor_mode: "1FA", constraints: null }));
    const file = planJson(root, dir, "drift");
    const { code, report } = driftJson(stack, file);
    expect(code).toBe(2);
    expect(report.broadened).toBe(true);
    expect(report.access.signIns.added).toEqual([expect.objectContaining({ app: "Billing", who: "goldSubscribers", assurance: "1FA: any factor", where: "any zone" })]);
    expect(report.access.signIns.removed.map((r) => r.assurance).sort()).toEqual(["2FA: password + possession", "denied"]);
    expect(driftMarkdown(stack, file)).toContain("**Sign-in (authentication policies): who, with which factors, from where** (code → Okta)");
  });
});

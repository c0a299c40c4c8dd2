import { fixtureConfig, fixtureEnvironments } from "../test-support/fixture-org";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Aspects, TerraformOutput, TerraformResource, Testing } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { selectEnvironments } from "../config";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { TerraformJson, editedConfig, errorOf, resourcesOf } from "../test-support";

function synthOrg(env: string): TerraformJson {
  const stack = new OktaOrgStack(Testing.app(), fixtureConfig(env));
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

describe("OktaOrgStack", () => {
  test.each(["dev", "staging", "prod"])("names the %s stack okta-<env> for cdktf deploy", (env) => {
    const { stacks } = buildOrgApp([fixtureConfig(env)]);
    expect(stacks[0].node.id).toBe(`okta-${env}`);
  });

  test("configures the provider with rate-limit settings and no credentials", () => {
    const json = synthOrg("prod");
    expect(json.provider?.okta).toEqual([
      { backoff: true, max_api_capacity: 30, max_retries: 5, max_wait_seconds: 300, min_wait_seconds: 30, request_timeout: 0 },
    ]);
  });

  test("keeps local state outside cdktf.out with a relative path", () => {
    expect(synthOrg("dev").terraform?.backend).toEqual({ local: { path: "../../../terraform.okta-dev.tfstate" } });
  });

  test("uses an S3 backend with native locking when config names one", () => {
    const config = editedConfig(fixtureConfig("prod"), (c) => {
      c.backend = { type: "s3", bucket: "okta-state", key: "okta/prod.tfstate", region: "eu-west-1" };
    });
    const json = JSON.parse(Testing.synth(new OktaOrgStack(Testing.app(), config))) as TerraformJson;
    expect(json.terraform?.backend).toEqual({
      s3: { bucket: "okta-state", key: "okta/prod.tfstate", region: "eu-west-1", encrypt: true, use_lockfile: true },
    });
  });

  test("uses HCP Terraform when config names a cloud workspace", () => {
    const config = editedConfig(fixtureConfig("staging"), (c) => {
      c.backend = { type: "cloud", organization: "acme", workspace: "okta-staging" };
    });
    const json = JSON.parse(Testing.synth(new OktaOrgStack(Testing.app(), config))) as TerraformJson;
    expect(json.terraform?.cloud).toEqual({ organization: "acme", workspaces: { name: "okta-staging" } });
  });

  test("uses a per-environment audience", () => {
    const audiences = ["dev", "staging", "prod"].map((env) => Object.values(resourcesOf(synthOrg(env), "okta_auth_server"))[0].audiences);
    expect(audiences).toEqual([["api://api-center-dev"], ["api://api-center-staging"], ["api://api-center-prod"]]);
  });

  test("outputs each client id, app id, SAML metadata URL, the issuer, the server id and the tier map", () => {
    const outputs = synthOrg("dev").output ?? {};
    expect(Object.keys(outputs).sort()).toEqual([
      "api-center-client_client_id",
      "api_center_id",
      "api_center_issuer",
      "api_center_tiers",
      "billing-sync_client_id",
      "billing_client_id",
      "expenses_app_id",
      "expenses_saml_metadata_url",
      "mobile_client_id",
      "pagerduty_app_id",
      "pagerduty_saml_metadata_url",
      "portal_client_id",
      "reports-service_client_id",
      "status-page_app_id",
      "widget-login_client_id",
    ]);
    expect(outputs.expenses_saml_metadata_url.value).toMatch(/^\$\{okta_app_saml\.expenses_App_\w+\.metadata_url\}$/);
    expect(outputs.api_center_tiers.value).toEqual({
      silver: { scope: "http://myapp.com/scp/silver", group: "silverSubscribers", group_id: expect.stringMatching(/okta_group/), resource: "/planets" },
      gold: { scope: "http://myapp.com/scp/gold", group: "goldSubscribers", group_id: expect.stringMatching(/okta_group/), resource: "/moons" },
    });
  });

  test("outputs a client secret only for an app that opts in, as sensitive", () => {
    const config = editedConfig(fixtureConfig("dev"), (c) => {
      const billing = c.apps.find((a) => a.id === "billing");
      if (billing?.kind === "web") Object.assign(billing, { manageClientSecret: true });
    });
    const json = JSON.parse(Testing.synth(new OktaOrgStack(Testing.app(), config))) as TerraformJson;
    expect(json.output?.billing_client_secret).toEqual({ value: expect.stringMatching(/client_secret/), sensitive: true, description: expect.any(String) });
    expect(Object.keys(json.output ?? {}).filter((k) => k.endsWith("_secret"))).toEqual(["billing_client_secret"]);
  });

  test("puts the apps that call the API in its user policy, and each service app in a policy of its own", () => {
    const config = fixtureConfig("staging");
    const json = synthOrg("staging");
    const policies = Object.values(resourcesOf(json, "okta_auth_server_policy"));
    const byName = Object.fromEntries(policies.map((p) => [p.name, p]));
    const callers = config.apps.filter((a) => a.kind !== "service" && "apis" in a && a.apis?.includes("apiCenter"));
    const services = config.apps.filter((a) => a.kind === "service");
    expect((byName["User access"].client_whitelist as string[]).length).toBe(callers.length);
    // Apps that call no API sign in at the org authorization server: in no policy here.
    const portal = Object.entries(resourcesOf(json, "okta_app_oauth")).find(([k]) => k.startsWith("portal_App_"))![0];
    expect(JSON.stringify(policies)).not.toContain(portal);
    for (const service of services) {
      expect(byName[`Service access: ${service.id}`].client_whitelist).toHaveLength(1);
    }
    // The privileged reports-service is created by okta-bootstrap-staging and named by its fixed client id.
    expect(byName["Service access: reports-service"].client_whitelist).toEqual(["reports-service-staging"]);
    // Priorities 1..n, each policy created after the one before (provider #1198).
    const sorted = Object.entries(resourcesOf(json, "okta_auth_server_policy")).sort(([, a], [, b]) => (a.priority as number) - (b.priority as number));
    expect(sorted.map(([, p]) => p.priority)).toEqual(sorted.map((_, i) => i + 1));
    sorted.slice(1).forEach(([, p], i) => expect(p.depends_on).toEqual([`okta_auth_server_policy.${sorted[i][0]}`]));
  });

  test("assigns the API Center client to both subscriber groups (seed 002)", () => {
    const assignments = Object.entries(resourcesOf(synthOrg("dev"), "okta_app_group_assignment")).filter(([id]) => id.startsWith("api-center-client"));
    expect(assignments.map(([, a]) => a.group_id).sort()).toEqual([
      expect.stringMatching(/Tier-gold_Subscribers/),
      expect.stringMatching(/Tier-silver_Subscribers/),
    ]);
  });

  test("holds the SAML, OIN and bookmark apps, each assigned to its group", () => {
    const json = synthOrg("prod");
    expect(Object.values(resourcesOf(json, "okta_app_saml")).map((a) => a.label).sort()).toEqual(["Expenses", "PagerDuty"]);
    expect(Object.values(resourcesOf(json, "okta_app_bookmark")).map((a) => a.label)).toEqual(["Status Page"]);
    const assignments = Object.entries(resourcesOf(json, "okta_app_group_assignment"));
    const groupOf = (prefix: string) => assignments.filter(([id]) => id.startsWith(prefix)).map(([, a]) => a.group_id);
    expect(groupOf("expenses_")).toEqual([expect.stringMatching(/okta_group\.Group-financeTeam_Group/)]);
    expect(groupOf("pagerduty_")).toEqual([expect.stringMatching(/okta_group\.Group-onCallEngineers_Group/)]);
    expect(groupOf("status-page_")).toEqual([expect.stringMatching(/okta_group\.Group-onCallEngineers_Group/)]);
  });

  test("fails when an integration names an unknown group", () => {
    const config = editedConfig(fixtureConfig("dev"), (c) => {
      Object.assign(c.apps.find((a) => a.id === "expenses") ?? {}, { assignTo: ["finance"] });
    });
    const message = errorOf(() => new OktaOrgStack(Testing.app(), config));
    expect(message).toContain('  - okta-dev/expenses assignTo names group "finance", which is not declared (removed or misspelled?), and app expenses still uses it: got "finance". Fix: did you mean financeTeam?');
  });

  test("uses https everywhere outside dev", () => {
    for (const env of ["staging", "prod"]) {
      const text = JSON.stringify(synthOrg(env));
      expect(text).not.toMatch(/http:\/\/(?!myapp\.com\/scp)/);
    }
  });

  test("synthesizes all environments by default and a chosen subset on request", () => {
    expect(selectEnvironments().map((c) => c.environment)).toEqual(["dev", "staging", "prod"]); // config/index, whatever the org
    expect(selectEnvironments("prod, dev").map((c) => c.environment)).toEqual(["prod", "dev"]);
  });

  test("writes one main and one bootstrap cdk.tf.json per environment", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
    const { app } = buildOrgApp(fixtureEnvironments(), { outdir });
    const { files } = synthesizeAll(app);
    expect(files.map((f) => path.relative(outdir, f))).toEqual([
      "stacks/okta-dev/cdk.tf.json",
      "stacks/okta-staging/cdk.tf.json",
      "stacks/okta-prod/cdk.tf.json",
      "stacks/okta-bootstrap-dev/cdk.tf.json",
      "stacks/okta-bootstrap-staging/cdk.tf.json",
      "stacks/okta-bootstrap-prod/cdk.tf.json",
    ]);
    files.forEach((f) => expect(fs.existsSync(f)).toBe(true));
  });

  test("writes exactly what cdktf's own synth writes, though it reuses the guardrails' resolved JSON", () => {
    const ours = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
    const theirs = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
    const { files } = synthesizeAll(buildOrgApp(fixtureEnvironments(), { outdir: ours }).app);
    buildOrgApp(fixtureEnvironments(), { outdir: theirs }).app.synth();
    expect(files).toHaveLength(6);
    for (const file of files) {
      expect(fs.readFileSync(file, "utf8")).toBe(fs.readFileSync(path.join(theirs, path.relative(ours, file)), "utf8"));
    }
  });

  test("writes a stack as cdktf does when resolving a later stack adds a cross-stack output to it", () => {
    const build = (outdir: string) => {
      const org = buildOrgApp([fixtureConfig("dev")], { outdir });
      const group = org.stacks[0].node.findAll().find((c): c is TerraformResource => TerraformResource.isTerraformResource(c) && c.terraformResourceType === "okta_group")!;
      // The bootstrap stack comes after its main stack: resolving it adds an output to okta-dev.
      new TerraformOutput(org.bootstrapStacks[0], "main-group", { value: group.getStringAttribute("id") });
      return org.app;
    };
    const ours = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
    const theirs = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
    const { files } = synthesizeAll(build(ours));
    build(theirs).synth();
    const main = fs.readFileSync(path.join(ours, "stacks/okta-dev/cdk.tf.json"), "utf8");
    expect(main).toMatch(/cross-stack-output/);
    for (const file of files) expect(fs.readFileSync(file, "utf8")).toBe(fs.readFileSync(path.join(theirs, path.relative(ours, file)), "utf8"));
  });

  test("resolves afresh when another aspect could have changed a stack", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
    const { app, stacks } = buildOrgApp([fixtureConfig("dev")], { outdir });
    Aspects.of(stacks[0]).add({ visit: (node) => node instanceof AppOauth && node.node.path.endsWith("portal/App") && node.addOverride("label", "Renamed by an aspect") });
    synthesizeAll(app);
    expect(fs.readFileSync(path.join(outdir, "stacks/okta-dev/cdk.tf.json"), "utf8")).toContain("Renamed by an aspect");
  });

  test("writes nothing when any stack fails validation", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-synth-"));
    const broken = editedConfig(fixtureConfig("prod"), (c) => {
      const service = c.apps.find((a) => a.id === "billing-sync");
      if (service?.kind === "service") Object.assign(service, { rulePriority: 3 });
    });
    const { app } = buildOrgApp([fixtureConfig("dev"), broken], { outdir });
    const message = errorOf(() => synthesizeAll(app));
    expect(message).toContain("Synth failed, nothing was written");
    expect(message).toContain("[okta-prod/ApiCenter] policy priorities must run 1..3 without gaps: got [1,2,4]");
    // cdktf's App creates the empty stacks/ folder itself; no stack may have been written.
    expect(fs.readdirSync(path.join(outdir, "stacks"))).toEqual([]);
    expect(fs.existsSync(path.join(outdir, "manifest.json"))).toBe(false);
  });
});

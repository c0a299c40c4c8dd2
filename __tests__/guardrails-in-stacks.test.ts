import { fixtureConfig, fixtureEnvironments } from "../test-support/fixture-org";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Testing } from "cdktf";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { OktaGuardrails } from "../guardrails";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig, errorOf } from "../test-support";

function checkedStack(stack: OktaOrgStack) {
  Testing.synth(stack);
  const report = OktaGuardrails.reportOf(stack);
  if (!report) throw new Error("no report");
  return report;
}

describe("guardrails on the org stacks", () => {
  test.each(["dev", "staging", "prod"])("the example org has no errors in %s and its report is pinned", (env) => {
    const report = checkedStack(new OktaOrgStack(Testing.app(), fixtureConfig(env)));
    expect(report.summary.errors).toBe(0);
    expect(report).toMatchSnapshot();
  });

  test("catches a raw provider resource added to an org stack without our constructs", () => {
    const stack = new OktaOrgStack(Testing.app(), fixtureConfig("prod"));
    new AppOauth(stack, "handmade", { label: "Handmade", type: "browser", grantTypes: ["implicit"], responseTypes: ["token"], redirectUris: ["https://x.example.com/cb"] });
    const rules = checkedStack(stack).findings.filter((f) => f.path === "okta-prod/handmade").map((f) => `${f.rule} ${f.level}`);
    // And, as no policy names it, OKTA-19 (a warning: this stack declares no authentication policy).
    expect(rules).toEqual(["OKTA-01 error", "OKTA-01 error", "OKTA-19 warning"]);
  });

  test("fails synth with rule, path and fix, and writes nothing", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-guardrails-"));
    const prod = editedConfig(fixtureConfig("prod"), (c) => {
      const portal = c.apps.find((a) => a.id === "portal");
      Object.assign(portal ?? {}, { redirectUris: ["https://portal.example.com/login/callback", "http://localhost:8080/login/callback"] });
    });
    const { app } = buildOrgApp([fixtureConfig("dev"), prod], { outdir });
    const message = errorOf(() => synthesizeAll(app));
    expect(message).toContain("Synth failed, nothing was written");
    expect(message).toContain(
      "[okta-prod/portal/App] OKTA-07 error: No loopback redirects or origins outside dev; no localhost on native apps: redirect_uris points at loopback in prod: http://localhost:8080/login/callback. Fix: Remove loopback URIs from staging/prod",
    );
    expect(fs.readdirSync(path.join(outdir, "stacks"))).toEqual([]);
  });

  test("writes guardrails.json and guardrails.md next to each stack's cdk.tf.json", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-guardrails-"));
    const { app } = buildOrgApp(fixtureEnvironments(), { outdir });
    const { reports } = synthesizeAll(app);
    expect(reports.map((r) => r.stack)).toEqual(["okta-dev", "okta-staging", "okta-prod", "okta-bootstrap-dev", "okta-bootstrap-staging", "okta-bootstrap-prod"]);
    expect(reports.slice(3).map((r) => r.summary)).toEqual(Array(3).fill({ errors: 0, warnings: 0, infos: 0, suppressed: 0 }));
    const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/okta-prod/guardrails.json"), "utf8"));
    expect(json).toEqual(reports[2]);
    const markdown = fs.readFileSync(path.join(outdir, "stacks/okta-prod/guardrails.md"), "utf8");
    // OKTA-10 once, and OKTA-19 for each of the fixture's 8 sign-in apps: it declares no authentication policy.
    expect(markdown).toContain("okta-prod: guardrails 0 errors, 9 warnings, 0 infos, 0 suppressed");
    expect(markdown).toContain("| OKTA-10 | warning | `okta-prod/billing/App` |");
  });

  test("carries app suppressions from config into the report", () => {
    const staging = editedConfig(fixtureConfig("staging"), (c) => {
      const billing = c.apps.find((a) => a.id === "billing");
      Object.assign(billing ?? {}, { suppressions: [{ id: "OKTA-10", reason: "Vendor SDK only supports client_secret_basic" }] });
    });
    const report = checkedStack(new OktaOrgStack(Testing.app(), staging));
    // The fixture org declares no authentication policy: one OKTA-19 warning per sign-in app, nothing else.
    expect(report.summary).toEqual({ errors: 0, warnings: 8, infos: 0, suppressed: 1 });
    expect(new Set(report.findings.filter((f) => !f.suppressed).map((f) => f.rule))).toEqual(new Set(["OKTA-19"]));
  });

  test("flags an audience reused across environments", () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-")) });
    const prod = editedConfig(fixtureConfig("prod"), (c) => (c.apiCenter = { ...c.apiCenter, audience: "api://api-center-staging" }));
    const stagingStack = new OktaOrgStack(app, fixtureConfig("staging"));
    new OktaOrgStack(app, prod);
    const findings = checkedStack(stagingStack).findings.filter((f) => f.rule === "OKTA-16");
    expect(findings).toEqual([expect.objectContaining({ level: "warning", detail: "audience api://api-center-staging is also used by okta-prod/ApiCenter/AuthServer" })]);
  });

  test("README's legacy implicit client passes in staging with its reasoned suppression and is refused in prod", () => {
    const legacy = {
      kind: "spa" as const,
      id: "legacy-api-center",
      label: "API Center (legacy)",
      allowImplicitGrant: true,
      redirectUris: ["https://legacy.example.com/apigee"],
      baseUris: ["https://legacy.example.com"],
      assignTo: ["silverSubscribers"],
      apis: ["apiCenter" as const],
    };
    const reason = "Legacy implicit client until the Q3 migration to code + PKCE (JIRA-123)";
    const withLegacy = (env: string) =>
      editedConfig(fixtureConfig(env), (c) => {
        c.apps = [...c.apps, legacy];
        c.suppressions = [{ id: "OKTA-01", reason }];
      });
    const report = checkedStack(new OktaOrgStack(Testing.app(), withLegacy("staging")));
    expect(report.summary.errors).toBe(0);
    // The app itself, and both tier rules, which now allow implicit for the policy's clients.
    expect(report.findings.filter((f) => f.rule === "OKTA-01").map((f) => [f.path, f.suppressed?.reason])).toEqual([
      ["okta-staging/ApiCenter/UserAccess/Rule-gold", reason],
      ["okta-staging/ApiCenter/UserAccess/Rule-silver", reason],
      ["okta-staging/legacy-api-center/App", reason],
      ["okta-staging/legacy-api-center/App", reason],
    ]);
    expect(errorOf(() => new OktaOrgStack(Testing.app(), withLegacy("prod")))).toContain("the implicit grant is not allowed in prod");
  });
});

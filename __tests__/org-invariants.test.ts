import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { selectEnvironments } from "../config";
import { AppConfig, OrgConfig } from "../config/types";
import { SEED_002_TIERS } from "../constructs/api-center-auth-server";
import { managementAccessFor } from "../constructs/management-access";
import { accessOf, SIGN_IN_ONLY } from "../review/access";
import { blocksOf, readSynthesized } from "../review/stack-json";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { alternativeOrg } from "../test-support/alternative-org";

// What must hold for ANY org in config/, derived from the config itself: a team that replaces
// config/example-org.ts with its own org changes no test here, only the environment snapshots.
// The same suite runs on a second, different org to prove it.
type Json = Record<string, any>;

const ORGS: [string, () => OrgConfig[]][] = [
  ["the org in config/", () => selectEnvironments()],
  ["a different org (test-support/alternative-org.ts)", () => (["dev", "staging", "prod"] as const).map(alternativeOrg)],
];

const isService = (a: AppConfig) => a.kind === "service";
const isPrivileged = (a: AppConfig) => a.kind === "service" && (a.oktaApiScopes?.length ?? 0) > 0;

describe.each(ORGS)("org invariants: %s", (_name, orgs) => {
  const configs = orgs();
  let out: string;
  let reports: ReturnType<typeof synthesizeAll>["reports"];
  beforeAll(() => {
    out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "okta-org-")), "cdktf.out");
    reports = synthesizeAll(buildOrgApp(configs, { outdir: out }).app).reports;
  });
  const stack = (id: string): Json => readSynthesized(out).get(id)!.json;
  const resources = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});

  test("synthesizes every environment's main and bootstrap stack with no guardrail error", () => {
    expect([...readSynthesized(out).keys()].sort()).toEqual(configs.flatMap((c) => [`okta-${c.environment}`, `okta-bootstrap-${c.environment}`]).sort());
    for (const r of reports) expect({ stack: r.stack, errors: r.summary.errors }).toEqual({ stack: r.stack, errors: 0 });
  });

  test.each(["dev", "staging", "prod"])("creates every app of the config in %s, each with its output, labelled as configured", (env) => {
    const config = configs.find((c) => c.environment === env)!;
    const main = stack(`okta-${env}`);
    const boot = stack(`okta-bootstrap-${env}`);
    const labels = [...blocksOf(main).values(), ...blocksOf(boot).values()].filter((b) => b.type.startsWith("okta_app_") && typeof b.attrs.label === "string").map((b) => b.attrs.label);
    for (const app of config.apps) {
      expect(labels).toContain(app.label);
      const output = app.kind === "spa" || app.kind === "web" || app.kind === "native" || isService(app) ? `${app.id}_client_id` : `${app.id}_app_id`;
      expect({ app: app.id, output: Object.keys(main.output ?? {}).includes(output) }).toEqual({ app: app.id, output: true });
    }
    // Privileged service apps live in the bootstrap stack, which a Super Admin applies.
    for (const app of config.apps.filter(isPrivileged)) expect(resources(boot, "okta_app_oauth").map((a) => a.label)).toContain(app.label);
    expect(resources(main, "okta_app_oauth_api_scope")).toEqual([]);
  });

  test.each(["dev", "staging", "prod"])("assigns each app to exactly the groups its config names, in %s", (env) => {
    const config = configs.find((c) => c.environment === env)!;
    const access = accessOf(stack(`okta-${env}`));
    for (const app of config.apps.filter((a) => "assignTo" in a)) {
      // A group a rule fills is shown with its rule: "financeTeam (rule: …)".
      const assigned = access.assignments.filter((r) => r.app === app.label).map((r) => r.group.replace(/ \(rule: .*\)$/, "")).sort();
      const expected = (app as { assignTo: "everyone" | readonly string[] }).assignTo === "everyone" ? ["Everyone"] : [...(app as { assignTo: readonly string[] }).assignTo].sort();
      expect({ app: app.id, assigned }).toEqual({ app: app.id, assigned: expected });
    }
  });

  test.each(["dev", "staging", "prod"])("lets every assigned user of an app on the API sign in with what Okta's SDKs request, in %s", (env) => {
    const config = configs.find((c) => c.environment === env)!;
    const access = accessOf(stack(`okta-${env}`));
    for (const app of config.apps.filter((a) => "apis" in a && (a.apis?.length ?? 0) > 0)) {
      for (const group of (app as { assignTo: readonly string[] }).assignTo) {
        const row = access.grants.find((g) => g.client === app.label && g.who.replace(/ \(rule: .*\)$/, "") === group && g.scope === SIGN_IN_ONLY);
        expect({ app: app.id, group, signsIn: !!row }).toEqual({ app: app.id, group, signsIn: true });
      }
    }
  });

  test.each(["dev", "staging", "prod"])("gives each service app exactly its tiers' scopes, and none of another's, in %s", (env) => {
    const config = configs.find((c) => c.environment === env)!;
    const tiers = config.apiCenter ? (config.apiCenter.tiers ?? SEED_002_TIERS) : {};
    const grants = accessOf(stack(`okta-${env}`)).grants.filter((g) => g.grant === "client_credentials");
    for (const app of config.apps.filter(isService)) {
      const service = app as { tiers?: readonly string[]; scopesFrom?: Record<string, { tiers: readonly string[] }> };
      const own = [
        ...(service.tiers ?? []).map((t) => tiers[t].scope),
        ...Object.entries(service.scopesFrom ?? {}).flatMap(([api, e]) => e.tiers.map((t) => config.apis![api].tiers[t].scope)),
      ].sort();
      const label = isPrivileged(app) ? `client ${(app as { clientId?: string }).clientId ?? `${app.id}-${env}`}` : app.label;
      expect({ app: app.id, scopes: grants.filter((g) => g.client === label).map((g) => g.scope).sort() }).toEqual({ app: app.id, scopes: own });
    }
  });

  test.each(["dev", "staging", "prod"])("grants Terraform's deploy identity what the main stack's API calls need, and the plan identity only reads, in %s", (env) => {
    const main = stack(`okta-${env}`);
    const types = { resources: Object.keys(main.resource ?? {}), dataSources: Object.keys(main.data ?? {}) };
    const needed = managementAccessFor(types);
    const boot = stack(`okta-bootstrap-${env}`);
    expect(boot.output.terraform_api_scopes.value.split(",")).toEqual(needed.scopes);
    const plan = boot.output.terraform_plan_api_scopes.value.split(",");
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((s: string) => s.endsWith(".read"))).toBe(true);
  });

  test("holds no credential or key material", () => {
    for (const [, s] of readSynthesized(out)) {
      const text = JSON.stringify(s.json);
      expect(text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
      expect(text).not.toMatch(/"(api_token|private_key|client_secret|access_token|d|p|q)"\s*:/);
    }
  });
});

import { Testing } from "cdktf";
import { ASSURANCE, checkAssurance, describeAssurance, strengthOf } from "../constructs/assurance";
import { NetworkZone } from "../constructs/network-zone";
import { Problems } from "../constructs/validation";
import { exampleOrg } from "../config/example-org";
import { AuthenticationRuleConfig, OrgConfig } from "../config/types";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { accessOf } from "../review/access";
import { broadens, diffAccess } from "../review/diff";
import { simulatePolicy } from "../review/simulate";
import { editedConfig, errorOf, resourcesOf, synthJson, testStack } from "../test-support";
import { modelOf, signOnFixture } from "../test-support/sign-on";


describe("AuthenticationPolicy", () => {
  test("creates the policy with its catch-all denying, and rules chained by priority", () => {
    const f = signOnFixture();
    f.policy.addRule("Admins", { name: "Admins", priority: 1, access: "ALLOW", assurance: ASSURANCE.phishingResistant, groups: [f.groups.admins], zones: { in: [f.zones.office] }, device: "managed" });
    f.policy.addRule("Everyone", { name: "Everyone", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, groupsExcluded: [f.groups.contractors] });
    const json = synthJson(f.stack);
    expect(Object.values(resourcesOf(json, "okta_app_signon_policy"))[0]).toMatchObject({ name: "Apps", catch_all: false });
    const [admins, everyone] = Object.values(resourcesOf(json, "okta_app_signon_policy_rule")).sort((a, b) => Number(a.priority) - Number(b.priority));
    expect(admins).toMatchObject({
      access: "ALLOW",
      factor_mode: "2FA",
      constraints: ['{"possession":{"phishingResistant":"REQUIRED"}}'],
      re_authentication_frequency: "PT2H",
      network_connection: "ZONE",
      network_includes: [expect.stringMatching(/^\$\{okta_network_zone\.Office_Zone_\w+\.id\}$/)],
      device_is_registered: true,
      device_is_managed: true,
    });
    expect(everyone).toMatchObject({ network_connection: "ANYWHERE", groups_excluded: [expect.stringContaining("okta_group.Group-contractors")] });
    // Okta shifts priorities on concurrent creates (provider #2953): rule 2 waits for rule 1.
    expect(everyone.depends_on).toEqual([expect.stringMatching(/^okta_app_signon_policy_rule\.Policy_Admins_/)]);
  });

  test("refuses every bad rule at once, each with its fix", () => {
    const f = signOnFixture();
    f.policy.addRule("One", { name: "One", priority: 1, access: "ALLOW", assurance: ASSURANCE.anyTwoFactors });
    const message = errorOf(() =>
      f.policy.addRule("Two", {
        name: "Catch-all Rule",
        priority: 1,
        access: "ALLOW",
        // A typo the provider would forward and Okta ignore (provider #1242).
        assurance: { factorMode: "1FA", constraints: [{ knowledge: {}, posession: {} } as never], reauthenticateIn: "2 hours" },
        groups: [f.groups.staff],
        groupsExcluded: [f.groups.staff],
      }),
    );
    expect(message).toContain("priority 1 is already used by test/Policy/One");
    expect(message).toContain('"Catch-all Rule" is the name of Okta\'s own last rule');
    expect(message).toContain('unknown authenticator class "posession" (Okta would ignore it and require nothing): got "posession". Fix: use one of knowledge, possession, inherence (did you mean possession?)');
    expect(message).toContain("assurance.reauthenticateIn is not an ISO-8601 duration");
    expect(message).toContain("a group is both included and excluded");
    // Nothing half-written: only the first rule exists.
    expect(Object.keys(resourcesOf(synthJson(f.stack), "okta_app_signon_policy_rule"))).toEqual([expect.stringMatching(/^Policy_One_/)]);
  });

  test("refuses a DENY rule with factors, a 1FA rule naming two classes, and rules with a gap in priorities", () => {
    const f = signOnFixture();
    expect(errorOf(() => f.policy.addRule("D", { name: "D", priority: 1, access: "DENY", assurance: ASSURANCE.anyTwoFactors } as never))).toContain("a DENY rule asks for no factors");
    expect(errorOf(() => f.policy.addRule("T", { name: "T", priority: 1, access: "ALLOW", assurance: { factorMode: "1FA", constraints: [{ knowledge: {}, possession: {} }] } }))).toContain("names 2 classes but factorMode 1FA asks for 1 factor");
    f.policy.addRule("A", { name: "A", priority: 1, access: "ALLOW", assurance: ASSURANCE.anyTwoFactors });
    f.policy.addRule("C", { name: "C", priority: 3, access: "DENY" });
    expect(errorOf(() => Testing.synth(f.stack, true))).toContain('rule priorities of authentication policy "Apps" must run 1..2 without gaps: got [1,3]');
  });

  test("puts OIDC, SAML and bookmark apps on it by attribute, and SWA apps by an assignment resource", () => {
    const f = signOnFixture();
    const { AppOauth } = jest.requireActual("@cdktf/provider-okta/lib/app-oauth");
    const { AppSwa } = jest.requireActual("@cdktf/provider-okta/lib/app-swa");
    const oauth = new AppOauth(f.stack, "web", { label: "Web", type: "web" });
    const swa = new AppSwa(f.stack, "swa", { label: "Swa", url: "https://swa.example.com" });
    f.policy.assignTo(oauth);
    f.policy.assignTo(swa);
    const json = synthJson(f.stack);
    expect(Object.values(resourcesOf(json, "okta_app_oauth"))[0].authentication_policy).toMatch(/^\$\{okta_app_signon_policy\.Policy_\w+\.id\}$/);
    expect(Object.values(resourcesOf(json, "okta_app_access_policy_assignment"))).toEqual([expect.objectContaining({ app_id: expect.stringContaining("okta_app_swa.swa"), policy_id: expect.stringContaining("okta_app_signon_policy.") })]);
  });
});

describe("NetworkZone", () => {
  test("checks every gateway, range and country code", () => {
    const message = errorOf(() => new NetworkZone(testStack(), "Z", { name: "Z", type: "IP", gateways: ["203.0.113.0/33", "10.0.0.9-10.0.0.1", "corp"] }));
    expect(message).toContain('gateways[0] is not a valid CIDR: got "203.0.113.0/33"');
    expect(message).toContain('gateways[1] is a range that ends before it starts: got "10.0.0.9-10.0.0.1"');
    expect(message).toContain('gateways[2] is not a CIDR or a range: got "corp"');
    expect(errorOf(() => new NetworkZone(testStack(), "D", { name: "D", type: "DYNAMIC", locations: ["usa"] }))).toContain('locations[0] is not an ISO-3166 code: got "usa"');
  });
});

describe("assurance", () => {
  test("orders presets from the password alone to phishing-resistant hardware", () => {
    const s = (a: Parameters<typeof strengthOf>[0]) => strengthOf(a);
    expect(s(ASSURANCE.passwordOnly)).toEqual({ factors: 1, possession: 0 });
    expect(s(ASSURANCE.anyTwoFactors)).toEqual({ factors: 2, possession: 0 });
    expect(s(ASSURANCE.passwordAndPossession)).toEqual({ factors: 2, possession: 1 });
    expect(s(ASSURANCE.phishingResistant)).toEqual({ factors: 2, possession: 2 });
    expect(s(ASSURANCE.phishingResistantHardware)).toEqual({ factors: 2, possession: 3 });
    // Constraints are an OR: the weakest alternative is what a user can choose.
    expect(s({ factorMode: "2FA", constraints: [{ possession: { phishingResistant: "REQUIRED" } }, { knowledge: {}, possession: {} }] })).toEqual({ factors: 2, possession: 1 });
    expect(describeAssurance(ASSURANCE.passwordAndPossession)).toBe("2FA: password + possession");
  });

  test("every preset passes its own checks", () => {
    for (const a of Object.values(ASSURANCE)) {
      const p = new Problems();
      checkAssurance(p, "assurance", a);
      expect(p.isEmpty).toBe(true);
    }
  });
});

/** Okta's documented evaluation (Policy API "Policy evaluation"; policy-rule-prioritization guide). */
describe("simulation, as Okta evaluates an authentication policy", () => {
  const request = (groups: string[], more: Partial<Parameters<typeof simulatePolicy>[1]> = {}) => ({ groups, zones: [], device: "unregistered" as const, ...more });

  function policyOf(build: (f: ReturnType<typeof signOnFixture>) => void, catchAll?: "ALLOW" | "DENY") {
    const f = signOnFixture({ catchAll });
    build(f);
    return modelOf(f).policy;
  }

  test("the first rule by priority whose conditions all hold decides; rules below are not evaluated", () => {
    const p = policyOf((f) => {
      f.policy.addRule("Admins", { name: "Admins", priority: 1, access: "ALLOW", assurance: ASSURANCE.phishingResistant, groups: [f.groups.admins] });
      f.policy.addRule("Staff", { name: "Staff", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, groups: [f.groups.staff, f.groups.admins] });
    });
    const admin = simulatePolicy(p, request(["admins", "staff"]));
    expect(admin).toMatchObject({ outcome: "ALLOW", rule: "Admins", assurance: "2FA: phishing-resistant possession + any factor" });
    expect(admin.trace.map((t) => t.rule)).toEqual(["Admins"]);
    const staff = simulatePolicy(p, request(["staff"]));
    expect(staff).toMatchObject({ outcome: "ALLOW", rule: "Staff", assurance: "2FA: password + possession" });
    expect(staff.trace[0]).toEqual({ rule: "Admins", priority: 1, access: "ALLOW", matched: false, why: ['the user is in none of "admins"'] });
  });

  test("an excluded group never matches, even when another of the user's groups is included", () => {
    const p = policyOf((f) => f.policy.addRule("Staff", { name: "Staff", priority: 1, access: "ALLOW", assurance: ASSURANCE.anyTwoFactors, groups: [f.groups.staff], groupsExcluded: [f.groups.contractors] }));
    const r = simulatePolicy(p, request(["staff", "contractors"]));
    expect(r).toMatchObject({ outcome: "DENY", rule: "Catch-all Rule" });
    expect(r.trace[0].why).toEqual(['the user is in "contractors", which the rule excludes']);
  });

  test("zones: in a zone, and not in a zone", () => {
    const p = policyOf((f) => {
      f.policy.addRule("Blocked", { name: "Blocked", priority: 1, access: "DENY", zones: { in: [f.zones.blocked] } });
      f.policy.addRule("Office", { name: "Office", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, zones: { in: [f.zones.office] } });
      f.policy.addRule("Remote", { name: "Remote", priority: 3, access: "ALLOW", assurance: ASSURANCE.phishingResistant, zones: { notIn: [f.zones.office] } });
    });
    expect(simulatePolicy(p, request(["staff"], { zones: ["Office"] }))).toMatchObject({ outcome: "ALLOW", rule: "Office" });
    expect(simulatePolicy(p, request(["staff"], { zones: [] }))).toMatchObject({ outcome: "ALLOW", rule: "Remote" });
    // A DENY rule stops the user: the rules below never run for them.
    const blocked = simulatePolicy(p, request(["admins"], { zones: ["Blocked"] }));
    expect(blocked).toMatchObject({ outcome: "DENY", rule: "Blocked" });
    expect(blocked.trace).toHaveLength(1);
  });

  test("device conditions: managed implies registered; an unregistered device matches neither", () => {
    const p = policyOf((f) => {
      f.policy.addRule("Managed", { name: "Managed", priority: 1, access: "ALLOW", assurance: ASSURANCE.anyTwoFactors, device: "managed" });
      f.policy.addRule("Registered", { name: "Registered", priority: 2, access: "ALLOW", assurance: ASSURANCE.phishingResistant, device: "registered" });
    });
    expect(simulatePolicy(p, request([], { device: "managed" }))).toMatchObject({ rule: "Managed" });
    expect(simulatePolicy(p, request([], { device: "registered" }))).toMatchObject({ rule: "Registered" });
    const none = simulatePolicy(p, request([], { device: "unregistered" }));
    expect(none).toMatchObject({ outcome: "DENY", rule: "Catch-all Rule" });
    expect(none.trace.map((t) => t.why[0])).toEqual(["the device is not managed", "the device is not registered", undefined]);
  });

  test("a platform or risk the request does not give is not taken to match", () => {
    const p = policyOf((f) => f.policy.addRule("Mobile", { name: "Mobile", priority: 1, access: "ALLOW", assurance: ASSURANCE.anyTwoFactors, platforms: [{ type: "MOBILE", os: "IOS" }], risk: "LOW" }));
    expect(simulatePolicy(p, request([])).trace[0].why).toEqual(["the rule needs platform MOBILE/IOS and none was given", "the rule needs risk LOW and none was given"]);
    expect(simulatePolicy(p, request([], { platform: { type: "MOBILE", os: "IOS" }, risk: "LOW" }))).toMatchObject({ outcome: "ALLOW", rule: "Mobile" });
    expect(simulatePolicy(p, request([], { platform: { type: "MOBILE", os: "ANDROID" }, risk: "LOW" })).trace[0].why).toEqual(["the platform MOBILE/ANDROID is not MOBILE/IOS"]);
  });

  test("the catch-all decides last: DENY by default, Okta's two factors when ALLOW", () => {
    expect(simulatePolicy(policyOf(() => undefined), request(["staff"]))).toMatchObject({ outcome: "DENY", rule: "Catch-all Rule" });
    expect(simulatePolicy(policyOf(() => undefined, "ALLOW"), request(["staff"]))).toMatchObject({ outcome: "ALLOW", rule: "Catch-all Rule", assurance: "2FA: any two factors" });
  });
});

describe("the review sees sign-in assurance", () => {
  const accessWith = (edit: (c: { authenticationPolicies?: OrgConfig["authenticationPolicies"] }) => void) =>
    accessOf(synthJson(new OktaOrgStack(Testing.app(), editedConfig(exampleOrg("prod"), edit as never))) as Record<string, unknown>);
  const base = accessWith(() => undefined);
  const corporate = (rules: AuthenticationRuleConfig[]) => (c: { authenticationPolicies?: OrgConfig["authenticationPolicies"] }) => {
    (c.authenticationPolicies as unknown as Record<string, { rules: AuthenticationRuleConfig[] }>)["corporate-only"].rules = rules;
  };
  const prRule = { name: "From the office", priority: 1, access: "ALLOW", assurance: { ...ASSURANCE.phishingResistant, reauthenticateIn: "PT1H" } } as const;

  test("the access rows say with which factors and from where each group signs in", () => {
    expect(base.signIns.filter((r) => r.app === "Billing").map((r) => [r.who, r.assurance, r.where])).toEqual([
      ["goldSubscribers", "denied", 'not in "Corporate network"'],
      ["goldSubscribers", "2FA: phishing-resistant possession + any factor", 'in "Corporate network"'],
    ]);
    // And each token grant says how its people sign in to the client first, in rule order.
    const grant = base.grants.find((g) => g.client === "Billing" && g.who === "goldSubscribers")!;
    expect(grant.signIn).toBe('2FA: phishing-resistant possession + any factor (in "Corporate network"); denied (not in "Corporate network")');
  });

  test("a weaker assurance is broadening", () => {
    const head = accessWith(corporate([{ ...prRule, assurance: ASSURANCE.passwordAndPossession, zones: { in: ["Corporate network"] } }]));
    const diff = diffAccess(base, head);
    expect(broadens(diff)).toBe(true);
    expect(diff.signIns.added.map((r) => [r.app, r.who, r.assurance])).toEqual([["Billing", "goldSubscribers", "2FA: password + possession"]]);
  });

  test("a wider zone (the zone condition dropped) is broadening", () => {
    const diff = diffAccess(base, accessWith(corporate([prRule])));
    expect(broadens(diff)).toBe(true);
    expect(diff.signIns.added.map((r) => r.where)).toEqual(["any zone"]);
  });

  test("a removed deny is broadening", () => {
    const withDeny = accessWith(corporate([{ name: "Not from outside", priority: 1, access: "DENY", zones: { notIn: ["Corporate network"] } }, { ...prRule, priority: 2 }]));
    const diff = diffAccess(withDeny, accessWith(corporate([prRule])));
    expect(broadens(diff)).toBe(true);
  });

  test("a stronger assurance is not broadening, and is listed as strengthened", () => {
    const head = accessWith(corporate([{ ...prRule, assurance: { ...ASSURANCE.phishingResistantHardware, reauthenticateIn: "PT1H" }, zones: { in: ["Corporate network"] } }]));
    const diff = diffAccess(base, head);
    expect(broadens(diff)).toBe(false);
    expect(diff.signIns.strengthened.map((r) => r.assurance)).toEqual(["2FA: phishing-resistant, hardware-protected possession + any factor"]);
  });
});

describe("npm run simulate", () => {
  const { synthesizeTo } = jest.requireActual("../test-support/review") as typeof import("../test-support/review");
  const { runSimulate } = jest.requireActual("../review/simulate-cli") as typeof import("../review/simulate-cli");
  const dir = synthesizeTo((["dev", "staging", "prod"] as const).map((e) => exampleOrg(e)));
  const run = (...args: string[]) => {
    let out = "";
    const code = runSimulate([...args, "--from", dir], (t) => (out += t));
    return { code, out };
  };

  test("answers for the example org: the billing console from the office, and not from outside", () => {
    const inside = run("okta-prod", "--app", "billing", "--groups", "goldSubscribers", "--zone", "198.51.100.15");
    expect(inside.out).toContain('1. "From the office" (ALLOW): matches');
    expect(inside.out).toContain('Outcome: ALLOW by "From the office", with 2FA: phishing-resistant possession + any factor; re-authenticate after PT1H');
    const outside = run("okta-prod", "--app", "billing", "--groups", "goldSubscribers", "--zone", "192.0.2.1");
    expect(outside.out).toContain('no match: the request is not from zone "Corporate network" (it is from no declared zone)');
    expect(outside.out).toContain('Outcome: DENY by "Catch-all Rule"');
    // Dev is relaxed: any network, the password.
    expect(run("okta-dev", "--app", "billing", "--groups", "goldSubscribers").out).toContain('Outcome: ALLOW by "Anywhere in dev", with 1FA: password');
  });

  test("checks assignment first, prints JSON for scripts, and names what exists when asked for what does not", () => {
    expect(run("okta-prod", "--app", "billing", "--groups", "silverSubscribers").out).toContain("Outcome: NOT ASSIGNED");
    const json = JSON.parse(run("okta-prod", "--app", "portal", "--groups", "silverSubscribers", "--json").out);
    expect(json).toMatchObject({ stack: "okta-prod", outcome: "ALLOW", rule: "Everyone", assurance: "2FA: password + possession", policy: "Standard sign-in" });
    expect(errorOf(() => run("okta-prod", "--app", "portal", "--groups", "admins"))).toContain('No group "admins" in okta-prod. Fix: use some of Everyone, financeTeam');
    expect(errorOf(() => run("okta-prod", "--app", "nope", "--groups", "financeTeam"))).toContain('No app "nope" users sign in to in okta-prod. Fix: use one of api-center-client, billing');
    expect(errorOf(() => run("okta-prod", "--app", "portal", "--groups", "financeTeam", "--zone", "Moon"))).toContain('No network zone "Moon"');
  });
});

describe("npm run import of authentication policies", () => {
  const { deployed, importFromServer } = jest.requireActual("../test-support/import") as typeof import("../test-support/import");
  const { rowsChanged } = jest.requireActual("../review/diff") as typeof import("../review/diff");

  test("adopts the prod policies, their rules and the zone they name, keeps each app on its policy, and changes no access", async () => {
    const { org } = deployed(exampleOrg("prod"));
    const { run } = await importFromServer(org, { environment: "prod" });
    const config = run.adoption.config;
    expect(Object.values(config.authenticationPolicies ?? {}).map((p) => p.name).sort()).toEqual(["Corporate network only", "Sensitive apps", "Standard sign-in"]);
    expect(config.networkZones).toEqual([{ name: "Corporate network", type: "IP", gateways: ["203.0.113.0/24", "198.51.100.10-198.51.100.20"] }]);
    const corporate = Object.values(config.authenticationPolicies!).find((p) => p.name === "Corporate network only")!;
    // Okta's answer carries required: false in every class (the provider writes it): not in config.
    expect(corporate).toMatchObject({ catchAll: "DENY", rules: [{ name: "From the office", priority: 1, access: "ALLOW", zones: { in: ["Corporate network"] }, assurance: { factorMode: "2FA", constraints: [{ possession: { phishingResistant: "REQUIRED" } }], reauthenticateIn: "PT1H" } }] });
    const billing = config.apps.find((a) => a.label === "Billing")!;
    expect(config.authenticationPolicies![billing.authenticationPolicy!].name).toBe("Corporate network only");
    expect(rowsChanged(run.adoption.access)).toEqual({ added: 0, removed: 0 });
    const imports = Object.keys(config.imports ?? {});
    expect(imports.filter((a) => /^okta_(app_signon_policy|app_signon_policy_rule|network_zone)\./.test(a))).toHaveLength(7);
  });

  test("leaves a policy it cannot express in Okta, and keeps its apps on it by id", async () => {
    const { org } = deployed(exampleOrg("prod"));
    const standard = org.accessPolicies!.find((p) => p.policy.name === "Standard sign-in")!;
    // A rule naming a user: this config names groups only.
    const edited = { ...org, accessPolicies: org.accessPolicies!.map((p) => (p === standard ? { ...p, rules: p.rules.map((r) => (r.system ? r : { ...r, conditions: { ...r.conditions, people: { ...r.conditions?.people, users: { include: ["00u1abcdEFGH"] } } } })) } : p)) };
    const { run } = await importFromServer(edited, { environment: "prod" });
    const config = run.adoption.config;
    expect(Object.values(config.authenticationPolicies ?? {}).map((p) => p.name)).not.toContain("Standard sign-in");
    const portal = config.apps.find((a) => a.label === "Customer Portal")!;
    expect(portal.authenticationPolicyId).toBe(standard.policy.id);
    const entry = run.adoption.mapped.log.entries.find((e) => e.id === standard.policy.id);
    expect(entry).toMatchObject({ outcome: "not imported", why: expect.stringContaining('rule "Everyone": it names users') });
    expect(rowsChanged(run.adoption.access)).toEqual({ added: 0, removed: 0 });
  });

  test("hostile names in Okta's policies, rules and zones never stop the import: kept as written, or that object alone left out", async () => {
    const { org } = deployed(exampleOrg("prod"));
    const edited = JSON.parse(JSON.stringify(org)) as typeof org;
    const standard = edited.accessPolicies!.find((p) => p.policy.name === "Standard sign-in")!;
    (standard.policy as { name: string }).name = 'Std "${x}" %{if} <!-- @someone';
    (standard.rules.find((r) => !r.system) as { name: string }).name = "Every${a}one <b>@x";
    // A newline in a name is what config refuses (names are one line): that zone alone is left out.
    (edited.zones![0] as { name: string }).name = 'Corp "zone"\nnext';
    const { run } = await importFromServer(edited, { environment: "prod" });
    const config = run.adoption.config;
    expect(Object.values(config.authenticationPolicies ?? {}).find((p) => p.name.startsWith("Std"))).toMatchObject({ name: 'Std "${x}" %{if} <!-- @someone', rules: [{ name: "Every${a}one <b>@x" }] });
    const entries = run.adoption.mapped.log.entries;
    expect(entries.find((e) => e.kind === "network zone")).toMatchObject({ outcome: "not imported", why: expect.stringContaining("control character") });
    // The policy that named the zone stays in Okta, and its app (Billing) stays on it by id.
    const corporate = org.accessPolicies!.find((p) => p.policy.name === "Corporate network only")!.policy.id;
    expect(entries.find((e) => e.id === corporate)).toMatchObject({ outcome: "not imported" });
    expect(config.apps.find((a) => a.label === "Billing")!.authenticationPolicyId).toBe(corporate);
    expect(rowsChanged(run.adoption.access)).toEqual({ added: 0, removed: 0 });
  });

  test("keeps an app on Okta's system policy by id", async () => {
    const { org } = deployed(exampleOrg("prod"));
    const system = org.accessPolicies!.find((p) => p.policy.system)!.policy.id;
    const portal = org.apps.find((a) => a.label === "Customer Portal")!;
    const edited = { ...org, apps: org.apps.map((a) => (a === portal ? { ...a, _links: { accessPolicy: { href: `https://example.okta.com/api/v1/policies/${system}` } } } : a)) };
    const { run } = await importFromServer(edited, { environment: "prod" });
    expect(run.adoption.config.apps.find((a) => a.label === "Customer Portal")!.authenticationPolicyId).toBe(system);
    expect(rowsChanged(run.adoption.access)).toEqual({ added: 0, removed: 0 });
  });
});

describe("the review of authentication policy changes (Okta's traps)", () => {
  const { synthesizeTo, reviewOf, stackReview } = jest.requireActual("../test-support/review") as typeof import("../test-support/review");
  // Edited in staging: prod's guardrails refuse the weaker results outright (asserted below).
  const configs = (edit?: (c: OrgConfig) => void, env: "staging" | "prod" = "staging") => (["dev", "staging", "prod"] as const).map((e) => (edit && e === env ? editedConfig(exampleOrg(e), edit as never) : exampleOrg(e)));
  const base = synthesizeTo(configs());

  test("a policy still used by an app cannot be removed: the app's reference is a config error naming the policies there are", () => {
    const message = errorOf(() => synthesizeTo(configs((c) => delete (c.authenticationPolicies as Record<string, unknown>).sensitive)));
    expect(message).toContain('authenticationPolicy names no policy of authenticationPolicies: got "sensitive". Fix: use one of standard, corporate-only.');
  });

  test("removing a policy with its apps moved is an outage (gated in prod); moving them to the same assurance changes no sign-in", () => {
    const head = synthesizeTo(configs((c) => {
      delete (c.authenticationPolicies as Record<string, unknown>).sensitive;
      for (const a of c.apps as unknown as { authenticationPolicy?: string }[]) if (a.authenticationPolicy === "sensitive") delete a.authenticationPolicy;
    }));
    const prod = stackReview(reviewOf(base, head), "okta-staging");
    expect(prod.outages).toEqual(expect.arrayContaining([expect.stringMatching(/^destroys okta_app_signon_policy "Sensitive apps"/)]));
    // Staging's sensitive policy asked for what the standard one does: the same assurance and region, so no row changes.
    expect(prod.broadensAccess).toBe(false);
    expect(prod.access.signIns).toEqual({ added: [], removed: [], strengthened: [] });
  });

  test("changing a policy's catch-all is called out: Okta applies it on create only", () => {
    const allow = (c: OrgConfig) => Object.assign((c.authenticationPolicies as Record<string, object>)["corporate-only"], { catchAll: "ALLOW" });
    expect(errorOf(() => synthesizeTo(configs(allow, "prod")))).toContain('OKTA-21 error: The catch-all rule denies: policy "Corporate network only" lets everyone no rule matches in');
    const head = synthesizeTo(configs(allow));
    const prod = stackReview(reviewOf(base, head), "okta-staging");
    expect(prod.warnings).toEqual(expect.arrayContaining([expect.stringContaining('changes the catch-all of okta_app_signon_policy "Corporate network only"')]));
    // In the model the ALLOW catch-all lets gold subscribers in from outside: broadening, so it is gated too.
    expect(prod.broadensAccess).toBe(true);
  });
});

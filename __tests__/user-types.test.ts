import { Testing } from "cdktf";
import { ASSURANCE } from "../constructs/assurance";
import { userTypeNamed } from "../constructs/user-type";
import { exampleOrg } from "../config/example-org";
import { AuthenticationRuleConfig, OrgConfig } from "../config/types";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { OktaBootstrapStack } from "../stacks/okta-bootstrap-stack";
import { buildOrgApp } from "../stacks/org-app";
import { accessOf } from "../review/access";
import { broadens, diffAccess } from "../review/diff";
import { simulatePolicy } from "../review/simulate";
import { editedConfig, errorOf, resourcesOf, synthJson } from "../test-support";
import { modelOf, signOnFixture } from "../test-support/sign-on";

// Authentication policy rules by user type (issue 24): Okta's `userType.include/exclude`, the
// provider's user_types_included/excluded, user types looked up by name.

const request = (groups: string[], more: Partial<Parameters<typeof simulatePolicy>[1]> = {}) => ({ groups, zones: [], device: "unregistered" as const, ...more });

describe("user types in authentication policy rules", () => {
  test("a rule names user types by id, each looked up once per stack by its name", () => {
    const f = signOnFixture();
    const contractor = userTypeNamed(f.stack, "contractor");
    f.policy.addRule("Contractors", { name: "Contractors", priority: 1, access: "DENY", userTypes: { in: [contractor] }, zones: { notIn: [f.zones.office] } });
    f.policy.addRule("Staff", { name: "Staff", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, userTypes: { notIn: [userTypeNamed(f.stack, "contractor")] } });
    const json = synthJson(f.stack);
    expect(json.data?.okta_user_type).toEqual({ "UserType-contractor": { name: "contractor" } });
    const rules = Object.values(resourcesOf(json, "okta_app_signon_policy_rule")).sort((a, b) => Number(a.priority) - Number(b.priority));
    expect(rules[0]).toMatchObject({ user_types_included: ["${data.okta_user_type.UserType-contractor.id}"] });
    expect(rules[0].user_types_excluded).toBeUndefined();
    expect(rules[1]).toMatchObject({ user_types_excluded: ["${data.okta_user_type.UserType-contractor.id}"] });
  });

  test("refuses a name Okta would not allow and a condition naming no type", () => {
    const f = signOnFixture();
    expect(errorOf(() => userTypeNamed(f.stack, "Contract workers"))).toContain('user type is not a user type name Okta allows (a letter, then letters, digits or _): got "Contract workers"');
    expect(errorOf(() => f.policy.addRule("R", { name: "R", priority: 1, access: "DENY", userTypes: { in: [] } }))).toContain("userTypes names no user type");
  });

  test("config names them, and a bad name is reported with the rule's path, once", () => {
    const config = editedConfig(exampleOrg("prod"), (c) => {
      (c.authenticationPolicies as unknown as Record<string, { rules: AuthenticationRuleConfig[] }>).standard.rules = [
        { name: "No contractors", priority: 1, access: "DENY", userTypes: { in: ["contractor", "Contract workers"] } },
        { name: "Everyone", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession },
      ];
    });
    const message = errorOf(() => buildOrgApp([config]));
    expect(message).toContain('rules[0] ("No contractors").userTypes.in[1] is not a user type name Okta allows');
    expect(message).toContain('got "Contract workers". Fix: write the type\'s name as Okta shows it');
    expect(message).toContain("okta-prod/AuthPolicy-standard rules[0]");
    expect(message.match(/is not a user type name/g)).toHaveLength(1);
  });

  test("the deploy identity may read user types only when a rule names one", () => {
    const scopesOf = (config: OrgConfig) => {
      const app = Testing.app();
      const main = new OktaOrgStack(app, config);
      return new OktaBootstrapStack(app, config, main).access.planScopes;
    };
    expect(scopesOf(exampleOrg("prod"))).not.toContain("okta.userTypes.read");
    const withTypes = editedConfig(exampleOrg("prod"), (c) => {
      (c.authenticationPolicies as unknown as Record<string, { rules: AuthenticationRuleConfig[] }>).standard.rules[0] = { name: "Everyone", priority: 1, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, userTypes: { in: ["user"] } };
    });
    expect(scopesOf(withTypes)).toContain("okta.userTypes.read");
  });
});

describe("simulation by user type", () => {
  const policy = () => {
    const f = signOnFixture();
    f.policy.addRule("Contractors", { name: "Contractors", priority: 1, access: "ALLOW", assurance: ASSURANCE.phishingResistant, userTypes: { in: [userTypeNamed(f.stack, "contractor")] } });
    f.policy.addRule("Not partners", { name: "Not partners", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, userTypes: { notIn: [userTypeNamed(f.stack, "partner")] } });
    return modelOf(f).policy;
  };

  test("a rule matches users of the types it includes, and not those it excludes", () => {
    const p = policy();
    expect(simulatePolicy(p, request([], { userType: "contractor" }))).toMatchObject({ outcome: "ALLOW", rule: "Contractors", assurance: "2FA: phishing-resistant possession + any factor" });
    const partner = simulatePolicy(p, request([], { userType: "partner" }));
    expect(partner).toMatchObject({ outcome: "DENY", rule: "Catch-all Rule" });
    expect(partner.trace.map((t) => t.why)).toEqual([['the user\'s type is "partner", not "contractor"'], ['the user\'s type is "partner", which the rule excludes'], []]);
  });

  test("a user given no type has Okta's default type, user", () => {
    const r = simulatePolicy(policy(), request([]));
    expect(r).toMatchObject({ outcome: "ALLOW", rule: "Not partners" });
    expect(r.trace[0].why).toEqual(['the user\'s type is "user", not "contractor"']);
  });
});

describe("the review sees user types", () => {
  const accessWith = (rules: AuthenticationRuleConfig[]) =>
    accessOf(
      synthJson(
        new OktaOrgStack(
          Testing.app(),
          editedConfig(exampleOrg("prod"), (c) => {
            (c.authenticationPolicies as unknown as Record<string, { rules: AuthenticationRuleConfig[] }>).standard.rules = rules;
          }),
        ),
      ) as Record<string, unknown>,
    );
  const portal = (rules: AuthenticationRuleConfig[]) => accessWith(rules).signIns.filter((r) => r.appKey.startsWith("okta_app_oauth.portal"));
  const everyone = { name: "Everyone", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession } as const;
  const noContractors = { name: "No contractors", priority: 1, access: "DENY", userTypes: { in: ["contractor"] } } as const;

  test("each way in says which user types it is for", () => {
    expect(portal([noContractors, everyone]).map((r) => [r.assurance, r.where])).toEqual([
      ["2FA: password + possession", 'any zone, not user type "contractor"'],
      ["denied", 'any zone, user type "contractor"'],
    ]);
  });

  test("removing a deny by user type is broadening; narrowing an allow to some user types is not", () => {
    const removed = diffAccess(accessWith([noContractors, everyone]), accessWith([{ ...everyone, priority: 1 }]));
    expect(broadens(removed)).toBe(true);
    expect(removed.signIns.added.map((r) => [r.assurance, r.where])).toContainEqual(["2FA: password + possession", "any zone"]);
    const narrowed = diffAccess(accessWith([{ ...everyone, priority: 1 }]), accessWith([{ ...everyone, priority: 1, userTypes: { notIn: ["contractor"] } }]));
    expect(broadens(narrowed)).toBe(false);
    expect(narrowed.signIns.added).toEqual([]);
  });
});

describe("npm run import of rules by user type", () => {
  const { deployed, importFromServer } = jest.requireActual("../test-support/import") as typeof import("../test-support/import");
  const { rowsChanged } = jest.requireActual("../review/diff") as typeof import("../review/diff");
  const withContractorRule = editedConfig(exampleOrg("prod"), (c) => {
    (c.authenticationPolicies as unknown as Record<string, { rules: AuthenticationRuleConfig[] }>).standard.rules = [
      { name: "Contractors from the office", priority: 1, access: "DENY", userTypes: { in: ["contractor"] }, zones: { notIn: ["Corporate network"] } },
      { name: "Everyone", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession },
    ];
  });

  test("reads the org's user types and names them in config, with no access change", async () => {
    const { org } = deployed(withContractorRule);
    const { run, requests } = await importFromServer(org, { environment: "prod" });
    expect(requests.has("/api/v1/meta/types/user")).toBe(true);
    const standard = Object.values(run.adoption.config.authenticationPolicies ?? {}).find((p) => p.name === "Standard sign-in")!;
    expect(standard.rules[0]).toMatchObject({ name: "Contractors from the office", access: "DENY", userTypes: { in: ["contractor"] }, zones: { notIn: ["Corporate network"] } });
    expect(rowsChanged(run.adoption.access)).toEqual({ added: 0, removed: 0 });
  });

  test("an org whose rules name no user type is not asked for them", async () => {
    const { org } = deployed(exampleOrg("prod"));
    const { requests } = await importFromServer(org, { environment: "prod" });
    expect(requests.has("/api/v1/meta/types/user")).toBe(false);
  });

  test("a user type whose name config cannot hold (quotes, ${…}, a newline) leaves its policy in Okta, with the reason, and the rest imports", async () => {
    const { org } = deployed(withContractorRule);
    const hostile = 'contract"or ${x}\n<!-- @someone';
    const edited = { ...org, userTypes: (org.userTypes as { id: string; name: string }[]).map((t) => (t.name === "contractor" ? { ...t, name: hostile } : t)) };
    const { run } = await importFromServer(edited, { environment: "prod" });
    const standard = org.accessPolicies!.find((p) => p.policy.name === "Standard sign-in")!;
    const entry = run.adoption.mapped.log.entries.find((e) => e.id === standard.policy.id);
    expect(entry).toMatchObject({ outcome: "not imported", why: expect.stringContaining(`user type ${JSON.stringify(hostile)}, whose name this config does not accept`) });
    expect(Object.values(run.adoption.config.authenticationPolicies ?? {}).map((p) => p.name).sort()).toEqual(["Corporate network only", "Sensitive apps"]);
    expect(rowsChanged(run.adoption.access)).toEqual({ added: 0, removed: 0 });
  });

  test("a rule that both includes and excludes user types keeps its policy in Okta, its apps on it by id", async () => {
    const { org } = deployed(withContractorRule);
    const standard = org.accessPolicies!.find((p) => p.policy.name === "Standard sign-in")!;
    const userId = (org.userTypes as { id: string; name: string }[]).find((t) => t.name === "user")!.id;
    const edited = { ...org, accessPolicies: org.accessPolicies!.map((p) => (p === standard ? { ...p, rules: p.rules.map((r) => (r.system || r.conditions?.userType?.include?.length === 0 ? r : { ...r, conditions: { ...r.conditions, userType: { include: r.conditions?.userType?.include ?? [], exclude: [userId] } } })) } : p)) };
    const { run } = await importFromServer(edited, { environment: "prod" });
    const entry = run.adoption.mapped.log.entries.find((e) => e.id === standard.policy.id);
    expect(entry).toMatchObject({ outcome: "not imported", why: expect.stringContaining("user types both included and excluded") });
    expect(run.adoption.config.apps.find((a) => a.label === "Customer Portal")!.authenticationPolicyId).toBe(standard.policy.id);
    expect(rowsChanged(run.adoption.access)).toEqual({ added: 0, removed: 0 });
  });
});

describe("npm run simulate --user-type", () => {
  const { synthesizeTo } = jest.requireActual("../test-support/review") as typeof import("../test-support/review");
  const { runSimulate } = jest.requireActual("../review/simulate-cli") as typeof import("../review/simulate-cli");
  const config = editedConfig(exampleOrg("prod"), (c) => {
    (c.authenticationPolicies as unknown as Record<string, { rules: AuthenticationRuleConfig[] }>).standard.rules = [
      { name: "No contractors", priority: 1, access: "DENY", userTypes: { in: ["contractor"] } },
      { name: "Everyone", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession },
    ];
  });
  const dir = synthesizeTo([config]);
  const run = (...args: string[]) => {
    let out = "";
    runSimulate([...args, "--from", dir], (t) => (out += t));
    return out;
  };

  test("names the user's type, by the lookup's name, and says when it took Okta's default", () => {
    const contractor = run("okta-prod", "--app", "portal", "--groups", "financeTeam", "--user-type", "contractor");
    expect(contractor).toContain('user type "contractor"');
    expect(contractor).toContain('Outcome: DENY by "No contractors"');
    const plain = run("okta-prod", "--app", "portal", "--groups", "financeTeam");
    expect(plain).toContain('no match: the user\'s type is "user", not "contractor"');
    expect(plain).toContain('Outcome: ALLOW by "Everyone"');
    expect(plain).toContain('note: no --user-type given: the user is taken to be of Okta\'s default type "user"');
    expect(errorOf(() => run("okta-prod", "--app", "portal", "--groups", "financeTeam", "--user-type", "Contract workers"))).toContain("--user-type must be a user type's name");
  });
});

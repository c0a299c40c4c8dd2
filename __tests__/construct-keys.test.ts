import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ASSURANCE } from "../constructs/assurance";
import { TerraformOutput } from "cdktf";
import { Group } from "@cdktf/provider-okta/lib/group";
import { synthesizeAll } from "../stacks/synthesize";
import { OrgConfig } from "../config/types";
import { buildOrgApp } from "../stacks/org-app";
import { explicitIds } from "../importer/construct-keys";
import { appIdFor } from "../importer/map-apps";
import { accessPolicyIdOf } from "../importer/map-sign-on";
import { configFor } from "../config";
import { OrgSnapshot } from "../importer/okta-objects";
import { editedConfig, errorOf } from "../test-support";
import { fixtureConfig } from "../test-support/fixture-org";
import { byOktaObject, deployed, importFromServer, synthStacks } from "../test-support/import";

type Json = Record<string, unknown>;

/**
 * The dev fixture with groups, a group rule per group and zones whose names differ only in
 * characters a construct id drops; `ids` gives the later ones an id of their own.
 */
function alikeNames(ids: boolean): OrgConfig {
  return editedConfig(fixtureConfig("dev"), (d) => {
    const draft = d as { -readonly [K in keyof OrgConfig]: unknown };
    draft.groups = [...(d.groups ?? []), { name: "Eng Team" }, { name: "Eng-Team", ...(ids ? { id: "Eng-Team-2" } : {}) }];
    draft.groupRules = [
      { name: "Fill eng", group: "Eng Team", expression: 'user.department == "Eng"' },
      { name: "Fill-eng", group: "Eng-Team", expression: 'user.department == "Eng2"', ...(ids ? { id: "Fill-eng-2" } : {}) },
    ];
    draft.networkZones = [
      { name: "Office 1", type: "IP", gateways: ["203.0.113.0/24"] },
      { name: "Office-1", type: "IP", gateways: ["198.51.100.0/24"], ...(ids ? { id: "Office-1-b" } : {}) },
    ];
    draft.authenticationPolicies = {
      office: { name: "From the offices", rules: [{ name: "Offices", priority: 1, access: "ALLOW", assurance: ASSURANCE.passwordOnly, zones: { in: ["Office 1", "Office-1"] } }] },
    };
    const portal = d.apps.find((a) => a.id === "portal") as { assignTo: unknown; authenticationPolicy?: string };
    portal.assignTo = ["Eng Team", "Eng-Team"];
    portal.authenticationPolicy = "office";
  });
}

const resources = (stack: Json, type: string) => (stack.resource as Record<string, Record<string, Json>>)[type] ?? {};
/** The resource of a type whose logical id starts with a construct path's ids (cdktf adds a hash). */
const at = (stack: Json, type: string, prefix: string) => Object.entries(resources(stack, type)).filter(([k]) => k.startsWith(prefix));

describe("construct keys of groups, group rules and zones", () => {
  test("names that give one construct id are one error each, at the later entry, naming the other and the fix, not constructs' error", () => {
    const message = errorOf(() => buildOrgApp([alikeNames(false)]));
    expect(message).not.toContain("There is already a Construct");
    expect(message).toContain('groups[3] ("Eng-Team").name gives the construct id Group-Eng-Team, which group "Eng Team" has');
    expect(message).toContain('groupRules[1] ("Fill-eng").name gives the construct id GroupRule-Fill-eng, which group rule "Fill eng" has');
    expect(message).toContain('networkZones[1] ("Office-1").name gives the construct id Zone-Office-1, which network zone "Office 1" has');
    expect(message).toContain('Fix: give one of the two an id of its own, e.g. id: "Eng-Team-2". Keep the id of one already deployed: a changed id replaces the group in Okta.');
    // One problem per pair, and nothing else: the app, rule and policy that name them are not echoed.
    expect(message).toMatch(/^Invalid Okta configuration \(3 problems\)/);
  });

  test("with an id on one of each pair, every object is its own resource, assigned and named by its own name", () => {
    const stack = synthStacks([alikeNames(true)]).get("okta-dev") as Json;
    const groups = [...at(stack, "okta_group", "Group-Eng-Team_"), ...at(stack, "okta_group", "Group-Eng-Team-2_")];
    expect(groups.map(([, g]) => g.name)).toEqual(["Eng Team", "Eng-Team"]);
    // Each assignment refers to its own group.
    const assignments = at(stack, "okta_app_group_assignment", "portal_Assignment-Eng-Team");
    expect(assignments.map(([, a]) => a.group_id).sort()).toEqual(groups.map(([k]) => `\${okta_group.${k}.id}`).sort());
    const rules = [...at(stack, "okta_group_rule", "GroupRule-Fill-eng_"), ...at(stack, "okta_group_rule", "GroupRule-Fill-eng-2_")];
    expect(rules.map(([, r]) => [r.name, r.group_assignments])).toEqual([
      ["Fill eng", [`\${okta_group.${groups[0][0]}.id}`]],
      ["Fill-eng", [`\${okta_group.${groups[1][0]}.id}`]],
    ]);
    const zones = [...at(stack, "okta_network_zone", "Zone-Office-1_"), ...at(stack, "okta_network_zone", "Zone-Office-1-b_")];
    expect(zones.map(([, z]) => z.name)).toEqual(["Office 1", "Office-1"]);
  });

  test("the entry without an id keeps the construct id it had alone, so adding a look-alike replaces nothing", () => {
    const alone = editedConfig(fixtureConfig("dev"), (d) => {
      (d as { groups: unknown }).groups = [...(d.groups ?? []), { name: "Eng Team" }];
    });
    const before = Object.keys(resources(synthStacks([alone]).get("okta-dev") as Json, "okta_group"));
    const after = Object.keys(resources(synthStacks([alikeNames(true)]).get("okta-dev") as Json, "okta_group"));
    expect(before.filter((k) => k.startsWith("Group-Eng-Team"))).toHaveLength(1);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  test("an id renames a group in place: the old name's id kept, the resource is the same", () => {
    const named = (name: string, id?: string) => editedConfig(fixtureConfig("dev"), (d) => {
      (d as { groups: unknown }).groups = [...(d.groups ?? []), { name, ...(id ? { id } : {}) }];
    });
    const keys = (c: OrgConfig) => Object.keys(resources(synthStacks([c]).get("okta-dev") as Json, "okta_group")).sort();
    expect(keys(named("Engineering", "Eng-Team"))).toEqual(keys(named("Eng Team")));
    expect(keys(named("Engineering"))).not.toEqual(keys(named("Eng Team")));
  });

  test("a group rule declared twice is config's error at the second, not constructs'", () => {
    const config = editedConfig(fixtureConfig("dev"), (d) => {
      const rule = { name: "Fill finance", group: "financeTeam", expression: 'user.department == "Finance"' };
      (d as { groupRules: unknown }).groupRules = [rule, { ...rule }];
    });
    const message = errorOf(() => buildOrgApp([config]));
    expect(message).toContain('groupRules[1] ("Fill finance").name group rule is declared twice (Okta group rule names are unique): got "Fill finance". Fix: declare each group rule once.');
    expect(message).not.toContain("There is already a Construct");
  });

  test("an id that is no construct id, or that another entry's name gives, is refused at the id", () => {
    const bad = (id: string, name = "Eng Team 2") => editedConfig(fixtureConfig("dev"), (d) => {
      (d as { groups: unknown }).groups = [...(d.groups ?? []), { name, id }];
    });
    expect(errorOf(() => buildOrgApp([bad("eng team")]))).toContain('groups[2] ("Eng Team 2").id is not a construct id (letters, digits, _ and - only, not starting or ending with -, at most 100): got "eng team". Fix: write it as slug of a name would, e.g. "eng-team".');
    expect(errorOf(() => buildOrgApp([bad("-x")]))).toContain('.id is not a construct id');
    // financeTeam's own key, and a tier group's (its assignments are Assignment-<slug of its name>).
    expect(errorOf(() => buildOrgApp([bad("financeTeam")]))).toContain('groups[2] ("Eng Team 2").id gives the construct id Group-financeTeam, which group "financeTeam" has');
    expect(errorOf(() => buildOrgApp([bad("goldSubscribers")]))).toContain('groups[2] ("Eng Team 2").id gives the key goldSubscribers, which tier group "goldSubscribers" has (an app assigned to both would get two Assignment-goldSubscribers): got "goldSubscribers". Fix: give this group an id of its own, e.g. id: "goldSubscribers-2".');
  });
});

describe("authentication policy rules whose names give one construct id", () => {
  const withRules = (second: Record<string, unknown>) =>
    editedConfig(fixtureConfig("dev"), (d) => {
      const rule = { name: "Office only", priority: 1, access: "ALLOW", assurance: ASSURANCE.passwordOnly };
      (d as { authenticationPolicies: unknown }).authenticationPolicies = { office: { name: "Office", rules: [rule, { ...rule, priority: 2, ...second }] } };
      Object.assign(d.apps.find((a) => a.id === "portal")!, { authenticationPolicy: "office" });
    });

  test("are refused at the later rule, naming the other and the fix; an exact repeat too", () => {
    expect(errorOf(() => buildOrgApp([withRules({ name: "Office-only" })]))).toContain(
      'rules[1] ("Office-only") gives the construct id Rule-Office-only, which rule "Office only" has (a construct id keeps letters, digits, _ and - only, so both names give Office-only): got "Office-only". Fix: give one of the two an id of its own, e.g. id: "Office-only-2".',
    );
    expect(errorOf(() => buildOrgApp([withRules({})]))).toContain('rules[1] ("Office only") repeats another rule\'s name');
    expect(errorOf(() => buildOrgApp([withRules({ name: "Office-only", id: "-x" })]))).toContain('rules[1] ("Office-only").id is not a construct id');
  });

  test("with an id, each is a rule of its own, in priority order", () => {
    const stack = synthStacks([withRules({ name: "Office-only", id: "Office-only-2" })]).get("okta-dev") as Json;
    const rules = Object.entries(resources(stack, "okta_app_signon_policy_rule")).filter(([k]) => k.startsWith("AuthPolicy-office_Rule-"));
    expect(rules.map(([k, r]) => [k.replace(/_[0-9A-F]{8}$/, ""), r.name, r.priority]).sort((a, b) => Number(a[2]) - Number(b[2]))).toEqual([
      ["AuthPolicy-office_Rule-Office-only", "Office only", 1],
      ["AuthPolicy-office_Rule-Office-only-2", "Office-only", 2],
    ]);
  });

  test("the import keeps such a policy, each rule with its own id, adopted by its Okta id", async () => {
    const original = deployed(withRules({ name: "Office-only", id: "Office-only-2" }));
    const { run } = await importFromServer(original.org);
    const office = Object.values(run.adoption.config.authenticationPolicies ?? {}).find((p) => p.name === "Office");
    expect(office?.rules.map((r) => [r.name, r.id])).toEqual([["Office only", "Office-only-2"], ["Office-only", undefined]]);
    const stack = synthStacks([run.adoption.config]).get("okta-dev") as Json;
    const imports = run.adoption.config.imports ?? {};
    const ids = Object.keys(resources(stack, "okta_app_signon_policy_rule")).map((k) => imports[`okta_app_signon_policy_rule.${k}`]);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("app ids and API keys as Terraform names", () => {
  const withId = (...ids: string[]) => editedConfig(fixtureConfig("dev"), (d) => ids.forEach((id, i) => Object.assign(d.apps[i], { id })));

  test("an id that starts with a digit is refused at the id, with one that Terraform takes", () => {
    // Terraform refuses `1password_client_id` and `okta_app_oauth.1password_App_…` on every plan.
    expect(errorOf(() => buildOrgApp([withId("1password")]))).toContain(
      'apps[0] ("1password").id app id gives Terraform names that start with "1" (1password_…), and Terraform names must start with a letter or _ (it would refuse every plan): got "1password". Fix: start it with a letter, e.g. "app-1password".',
    );
    const stack = synthStacks([withId("app-1password")]).get("okta-dev") as Json;
    expect(Object.keys(stack.output as Json)).toContain("app-1password_client_id");
  });

  test("an empty id, one of no Terraform character, and one with a / get config's error, not constructs'", () => {
    for (const id of ["", "ü"]) {
      const message = errorOf(() => buildOrgApp([withId(id)]));
      expect(message).toContain(`apps[0] (${JSON.stringify(id)}).id app id keeps no letter, digit, _ or - for Terraform names`);
      expect(message).not.toContain("Only root constructs");
    }
    expect(errorOf(() => buildOrgApp([withId("a/b")]))).toContain('app id holds a /, which constructs writes as --: got "a/b". Fix: write "a--b": that is the construct id it already has, so nothing is replaced.');
  });

  test("ids that keep the same Terraform characters are refused at the later one (one output would be lost); one alone still synthesizes as before", () => {
    expect(errorOf(() => buildOrgApp([withId("a.b", "ab")]))).toContain('apps[1] ("ab").id app id gives the Terraform names of app "a.b" (ab_…: Terraform names keep letters, digits, _ and - only), so one of their outputs would be lost');
    const stack = synthStacks([withId("a.b")]).get("okta-dev") as Json;
    expect(Object.keys(stack.output as Json)).toContain("ab_client_id");
  });

  test("an API key that starts with a digit is refused at the key", () => {
    const config = editedConfig(fixtureConfig("dev"), (d) => {
      (d as { apis: unknown }).apis = { "2fa": { name: "2FA", audience: "api://2fa", tiers: { read: { scope: "2fa:read", groupName: "2fa-readers", resource: "/2fa", priority: 1 } } } };
    });
    expect(errorOf(() => buildOrgApp([config]))).toContain('okta-dev config.apis.2fa API key gives Terraform names that start with "2" (2fa_…)');
  });

  test("synth refuses a resource or output name Terraform would refuse, whatever construct made it, and writes nothing", () => {
    const { app, stacks } = buildOrgApp([fixtureConfig("dev")], { outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-names-")) });
    new Group(stacks[0], "1raw", { name: "raw" });
    new TerraformOutput(stacks[0], "9lives", { value: "x" });
    const message = errorOf(() => synthesizeAll(app));
    expect(message).toContain('[okta-dev] resource okta_group name "1raw" is not a name Terraform takes (a letter or _ first, then letters, digits, _ and -): every plan would fail.');
    expect(message).toContain('[okta-dev] output name "9lives" is not a name Terraform takes');
    expect(fs.readdirSync(path.join(app.outdir, "stacks"))).toEqual([]);
  });

  test("the import gives an app whose label starts with a digit an id that starts with a letter", () => {
    const taken = new Set<string>();
    expect(["1Password", "8x8", "15Five", "Slack", "  "].map((label) => appIdFor(label, taken))).toEqual(["app-1password", "app-8x8", "app-15five", "slack", "app"]);
  });
});

// Every JavaScript object has `constructor`, `toString`, `__proto__`…: a lookup of such a key in
// a plain object finds Object's member, not an entry (constructs' children, the config schema).
describe("names every JavaScript object has (constructor, toString, __proto__)", () => {
  const withId = (id: string) => editedConfig(fixtureConfig("dev"), (d) => Object.assign(d.apps[0], { id }));
  /** A copy of `record` with one more entry under `key`, an own key even for "__proto__". */
  const plus = <T>(record: Readonly<Record<string, T>> | undefined, key: string, value: T): Record<string, T> => {
    const out = { ...record };
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    return out;
  };

  test("an app id that is one is refused at the id, with an id to use, never the constructs' 'already a Construct'", () => {
    for (const id of ["constructor", "toString", "__proto__"]) {
      const message = errorOf(() => buildOrgApp([withId(id)]));
      expect(message).toContain(`apps[0] (${JSON.stringify(id)}).id app id is the name of a property every JavaScript object has (${id}), which the constructs library cannot give a construct`);
      expect(message).toContain(`Fix: choose another id, e.g. "app-${id}".`);
      expect(message).not.toContain("There is already a Construct");
    }
  });

  test("an API, its tier and an authentication policy keyed by one are entries like any other: checked, and synthesized", () => {
    const config = editedConfig(fixtureConfig("dev"), (d) => {
      const draft = d as { -readonly [K in keyof OrgConfig]: unknown };
      const tiers = plus({}, "constructor", { scope: "ledger:read", groupName: "ledgerReaders", resource: "/ledger", priority: 1 });
      draft.apis = plus(d.apis, "constructor", { name: "Ledger", audience: "api://ledger", tiers });
      const policy = { name: "Ledger sign-in", rules: [{ name: "Everyone", priority: 1, access: "ALLOW" as const, assurance: ASSURANCE.passwordAndPossession }] };
      draft.authenticationPolicies = plus<unknown>(plus<unknown>(d.authenticationPolicies, "toString", policy), "__proto__", { ...policy, name: "Proto sign-in" });
      Object.assign(d.apps[0], { authenticationPolicy: "toString" });
    });
    const stack = synthStacks([config]).get("okta-dev") as Json;
    expect(Object.values(resources(stack, "okta_auth_server")).map((s) => (s as Json).name)).toContain("Ledger");
    expect(Object.values(resources(stack, "okta_auth_server_scope")).map((s) => (s as Json).name)).toContain("ledger:read");
    expect(Object.values(resources(stack, "okta_app_signon_policy")).map((s) => (s as Json).name)).toEqual(expect.arrayContaining(["Ledger sign-in", "Proto sign-in"]));
    // And a mistake inside one is still found, with the keys it may have (not "allowed here: .").
    const misspelt = editedConfig(config, (d) => Object.assign((d.apis as Record<string, object>).constructor, { audiance: "api://x" }));
    expect(errorOf(() => buildOrgApp([misspelt]))).toContain('config.apis.constructor.audiance is not a setting here (it would be ignored): got "api://x". Fix: did you mean audience?');
  });

  test("the import keeps an app labelled Constructor (as app-constructor), and a server and a policy of that name", async () => {
    // Before, an authorization server named so stopped the whole import ("does not synthesize").
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org)) as OrgSnapshot;
    Object.assign(edited.apps.find((a) => a.label === "Customer Portal")!, { label: "Constructor" });
    Object.assign(edited.authServers.find((s) => s.server.name === "Payments")!.server, { name: "Constructor" });
    const used = new Set(edited.apps.map(accessPolicyIdOf));
    Object.assign(edited.accessPolicies!.find((p) => used.has(p.policy.id) && !p.policy.system)!.policy, { name: "Constructor" });
    const { run } = await importFromServer(edited);
    const config = run.adoption.config;
    expect(config.apps.find((a) => a.label === "Constructor")?.id).toBe("app-constructor");
    expect(Object.hasOwn(config.apis ?? {}, "constructor")).toBe(true);
    expect(Object.values(config.authenticationPolicies ?? {}).map((p) => p.name)).toContain("Constructor");
    expect(synthStacks([config]).has("okta-dev")).toBe(true);
    expect(appIdFor("Constructor", new Set())).toBe("app-constructor");
  });
});

describe("trusted origins that give one construct id", () => {
  test("each is its own resource, and owners.json gives each to the team whose SPA is served there", () => {
    const config = editedConfig(fixtureConfig("dev"), (d) => {
      const portal = d.apps.find((a) => a.id === "portal")!;
      (d as { apps: unknown[] }).apps = [
        ...d.apps,
        { ...portal, id: "ab", label: "AB", owner: "team-dot", redirectUris: ["https://a.b.example.com/cb"], postLogoutRedirectUris: [], baseUris: ["https://a.b.example.com"], loginUri: undefined },
        { ...portal, id: "a-b", label: "A-B", owner: "team-dash", redirectUris: ["https://a-b.example.com/cb"], postLogoutRedirectUris: [], baseUris: ["https://a-b.example.com"], loginUri: undefined },
      ];
    });
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-keys-"));
    synthesizeAll(buildOrgApp([config], { outdir }).app);
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "okta-dev", "cdk.tf.json"), "utf8")) as Json;
    const owners = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "okta-dev", "owners.json"), "utf8")) as Record<string, string>;
    const byOrigin = new Map(Object.entries(resources(stack, "okta_trusted_origin")).map(([, o]) => [o.origin, String((o["//"] as { metadata: { path: string } }).metadata.path)]));
    expect(owners[byOrigin.get("https://a.b.example.com")!]).toBe("team-dot");
    expect(owners[byOrigin.get("https://a-b.example.com")!]).toBe("team-dash");
    expect(byOrigin.get("https://a.b.example.com")).not.toBe(byOrigin.get("https://a-b.example.com"));
  });
});

describe("explicitIds (import)", () => {
  test("a name that is its own slug keeps it, the others take -2, -3… in code-unit order, whatever the input order", () => {
    const ids = explicitIds(["Eng.Team", "Eng Team", "Eng-Team", "Ops"]);
    expect([...ids]).toEqual([["Eng Team", "Eng-Team-2"], ["Eng.Team", "Eng-Team-3"]]);
    expect([...explicitIds(["Eng-Team", "Eng Team", "Ops", "Eng.Team"])]).toEqual([...ids]);
  });

  test("skips reserved keys and keys other names give, and keeps an id to 100 characters", () => {
    expect([...explicitIds(["a b", "a-b-2", "a.b"], ["a-b"])]).toEqual([["a b", "a-b-3"], ["a.b", "a-b-4"]]);
    const long = explicitIds([`${"x".repeat(120)} y`, `${"x".repeat(120)}-y`]);
    expect([...long.values()][0]).toBe(`${"x".repeat(90)}-2`);
  });
});

describe("import of names that differ only in what a construct id drops", () => {
  test("imports every group, group rule and zone, each with an id of its own, and adopts each Okta object once", async () => {
    const original = deployed(alikeNames(true));
    // A third look-alike group, made in the console.
    const org = structuredClone(original.org) as OrgSnapshot & { groups: Json[] };
    org.groups.push({ id: "00g00000000000000009", type: "OKTA_GROUP", profile: { name: "Eng.Team", description: null } });
    const { run } = await importFromServer(org);
    const config = run.adoption.config;
    expect(new Map(config.groups?.filter((g) => g.name.startsWith("Eng")).map((g) => [g.name, g.id]))).toEqual(new Map([
      ["Eng-Team", undefined],
      ["Eng Team", "Eng-Team-2"],
      ["Eng.Team", "Eng-Team-3"],
    ]));
    // (In the order Okta lists them.)
    expect(new Map(config.groupRules?.map((r) => [r.name, r.id]))).toEqual(new Map([["Fill eng", "Fill-eng-2"], ["Fill-eng", undefined]]));
    expect(new Map(config.networkZones?.map((z) => [z.name, z.id]))).toEqual(new Map([["Office 1", "Office-1-2"], ["Office-1", undefined]]));
    const kinds = ["group", "group rule", "network zone", "assignment"];
    expect(run.adoption.mapped.log.entries.filter((e) => kinds.includes(e.kind) && e.outcome === "not imported")).toEqual([]);
    // Every resource of the imported stack is an import, and each Okta object comes back once, with the same settings.
    const stack = synthStacks([config]).get("okta-dev") as Json;
    const count = Object.values(stack.resource as Record<string, object>).reduce((n, r) => n + Object.keys(r).length, 0);
    const imports = config.imports ?? {};
    expect(Object.keys(imports)).toHaveLength(count);
    const ownId = (a: string) => (a.startsWith("okta_app_group_assignment.") ? imports[a] : imports[a]?.split("/").pop());
    const before = byOktaObject(original.stacks.get("okta-dev") as Json, (a) => original.ids.get(a));
    const after = byOktaObject(stack, ownId);
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual(["okta_group:00g00000000000000009"]);
    // The look-alikes and what names them keep their settings (other apps of this fixture, on no
    // policy, are put on the one Okta has them on: the import round trip of the example org covers those).
    const alike = [...before].filter(([, v]) => /Eng|Fill|Office|portal_Assignment/.test(v.address));
    expect(alike.length).toBeGreaterThanOrEqual(8);
    expect(alike.filter(([k, v]) => JSON.stringify(v.attrs) !== JSON.stringify(after.get(k)!.attrs)).map(([, v]) => v.address)).toEqual([]);
  });
});

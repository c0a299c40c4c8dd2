import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { configFor } from "../config";
import { driftOf } from "../review/drift";
import { toMarkdown } from "../review/markdown";
import { accessPolicyIdOf } from "../importer/map-sign-on";
import { OrgSnapshot } from "../importer/okta-objects";
import { deployed, importFromServer } from "../test-support/import";
import { OrgConfig } from "../config/types";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "../config/terraform-keys";
import { transformSync } from "@swc/core";
import { reviewOf, stackReview, synthesizeTo } from "../test-support/review";

// Keys from outside named like a member of every JavaScript object: `table["constructor"]` is
// Object's constructor and `table["__proto__"]` is Object.prototype unless only own keys are
// read. A pull request's JSON, a plan and an Okta answer are all outside (README, security model).

/** Whether anything was written into Object.prototype (every object would then carry it). */
const pollution = () => Object.getOwnPropertyNames(Object.prototype).filter((k) => !BUILT_IN.has(k));
const BUILT_IN = new Set(Object.getOwnPropertyNames(Object.prototype));

describe("keys from outside named like a member of every object", () => {
  afterEach(() => {
    for (const k of pollution()) delete (Object.prototype as Record<string, unknown>)[k];
  });

  test("a pull request's JSON with a resource type constructor or toString is a change in the review, not a crash", () => {
    const base = synthesizeTo();
    for (const type of ["constructor", "toString", "hasOwnProperty"]) {
      const head = fs.mkdtempSync(path.join(os.tmpdir(), "okta-members-"));
      fs.cpSync(base, head, { recursive: true });
      const file = path.join(head, "stacks", "okta-dev", "cdk.tf.json");
      const json = JSON.parse(fs.readFileSync(file, "utf8")) as { resource: Record<string, unknown> };
      json.resource[type] = { x: { name: "x" } };
      fs.writeFileSync(file, JSON.stringify(json));
      // Before, the cost line read OKTA_API_OPERATIONS.constructor.apply (a function) and threw.
      const report = reviewOf(base, head);
      expect(stackReview(report, "okta-dev").resources.map((c) => `${c.kind} ${c.type}`)).toContain(`add ${type}`);
      expect(toMarkdown(report)).toContain(`okta-dev: +1 ~0 -0`);
    }
  });

  test("a plan whose state holds a resource of type __proto__ writes nothing into Object.prototype", () => {
    // JSON text: `__proto__` is then a value, as Terraform's JSON would carry it.
    const plan = JSON.parse(`{
      "format_version": "1.2",
      "prior_state": { "values": { "root_module": { "resources": [
        { "address": "__proto__.polluted", "mode": "managed", "type": "__proto__", "name": "polluted", "values": { "id": "x", "isAdmin": true } },
        { "address": "okta_group.polluted", "mode": "managed", "type": "okta_group", "name": "__proto__", "values": { "id": "00g1", "name": "Admins" } }
      ] } } },
      "resource_drift": []
    }`) as Record<string, unknown>;
    const report = driftOf("okta-prod", plan);
    expect(pollution()).toEqual([]);
    expect(report.stack).toBe("okta-prod");
  });

  test("an Okta sign-on rule whose constraint names a class constructor or __proto__ leaves its policy out, saying why, never crashes", async () => {
    const { org } = deployed(configFor("dev"));
    const used = new Set(org.apps.map(accessPolicyIdOf));
    for (const cls of ["constructor", "__proto__"]) {
      const edited = JSON.parse(JSON.stringify(org)) as OrgSnapshot;
      const target = edited.accessPolicies!.find((p) => used.has(p.policy.id) && !p.policy.system && p.rules.some((r) => !r.system))!;
      const rule = target.rules.find((r) => !r.system)!;
      // An own key, as JSON.parse gives one.
      const constraint = JSON.parse(`{ ${JSON.stringify(cls)}: { "types": ["password"] } }`) as Record<string, unknown>;
      Object.assign(rule, { actions: { appSignOn: { access: "ALLOW", verificationMethod: { type: "ASSURANCE", factorMode: "1FA", constraints: [constraint] } } } });
      const { run } = await importFromServer(edited);
      const entry = run.adoption.mapped.log.entries.find((e) => e.kind === "authentication policy" && e.id === target.policy.id);
      expect({ cls, outcome: entry?.outcome, why: entry?.why }).toEqual({ cls, outcome: "not imported", why: expect.stringContaining(`a constraint on ${cls}, which this config does not hold`) });
      expect(pollution()).toEqual([]);
    }
  });

  test("the import never writes a config whose literal loses a key: a policy named __proto__ gets a key of its own, an app setting __proto__ stays a setting", async () => {
    const { org } = deployed(configFor("dev"));
    const edited = JSON.parse(JSON.stringify(org)) as OrgSnapshot;
    const used = new Set(edited.apps.map(accessPolicyIdOf));
    Object.assign(edited.accessPolicies!.find((p) => used.has(p.policy.id) && !p.policy.system)!.policy, { name: "__proto__" });
    const pagerduty = edited.apps.find((a) => a.label === "PagerDuty")!;
    // An own key, as Okta's JSON would carry it.
    Object.assign(pagerduty.settings!, { app: JSON.parse(`{ ${JSON.stringify(pagerduty.settings?.app ?? {}).slice(1, -1)}${Object.keys(pagerduty.settings?.app ?? {}).length ? "," : ""} "__proto__": "x" }`) });
    const { run } = await importFromServer(edited);
    const checked = run.adoption.config;
    expect(Object.values(checked.authenticationPolicies ?? {}).map((p) => p.name)).toContain("__proto__");
    expect(Object.keys(checked.authenticationPolicies ?? {})).toContain("policy-__proto__");
    // The file as synth loads it holds what the import checked (synthesized) in memory.
    const written = fs.readFileSync(run.configFile, "utf8");
    // Transpiled as npm run synth transpiles config (scripts/run.js).
    const { SWC_OPTIONS } = require("../scripts/run.js") as { SWC_OPTIONS: object }; // eslint-disable-line @typescript-eslint/no-require-imports
    const js = transformSync(written, { ...SWC_OPTIONS, filename: run.configFile }).code;
    const module = { exports: {} as { imported?: OrgConfig } };
    new Function("require", "module", "exports", js)((id: string) => (id === "../terraform-keys" ? { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } : {}), module, module.exports);
    // Every own key as a [key, value] pair ("__proto__" included, which toEqual would skip).
    const pairs = (v: unknown): unknown => (Array.isArray(v) ? v.map(pairs) : v && typeof v === "object" ? Object.keys(v).sort().map((k) => [k, pairs((v as Record<string, unknown>)[k])]) : v);
    const loaded = module.exports.imported!;
    expect(pairs(loaded)).toEqual(pairs(checked));
    const settings = (loaded.apps.find((a) => a.label === "PagerDuty") as { catalog?: { settings?: object } }).catalog?.settings ?? {};
    expect(Object.hasOwn(settings, "__proto__")).toBe(true);
  });
});

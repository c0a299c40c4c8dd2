import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnnotationMetadataEntryType, Testing } from "cdktf";
import { AuthServerClaim } from "@cdktf/provider-okta/lib/auth-server-claim";
import { GroupRule as GroupRuleResource } from "@cdktf/provider-okta/lib/group-rule";
import { AuthorizationServer } from "../constructs/authorization-server";
import { GroupRule, expressionProblems } from "../constructs/group-rule";
import { OktaGroup } from "../constructs/okta-group";
import { OrgConfig } from "../config/types";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { accessMarkdown } from "../review/access-cli";
import { accessOf } from "../review/access";
import { editedConfig, errorOf, resourcesOf, synthJson, testStack } from "../test-support";
import { fixtureConfig, fixtureEnvironments } from "../test-support/fixture-org";
import { reviewOf, stackReview, synthesizeTo } from "../test-support/review";

const payments = {
  name: "Payments",
  audience: "api://payments-dev",
  tiers: { viewer: { scope: "payments:read", groupName: "paymentsViewers", resource: "/payments", priority: 1 } },
};

/** The fixture org with a payments API, an app that calls it, and a service that requests from both APIs. */
function withPayments(config: OrgConfig): OrgConfig {
  return editedConfig(config, (c) => {
    Object.assign(c, { apis: { payments: { ...payments, audience: `api://payments-${c.environment}`, claims: [{ name: "payment_groups", kind: "groups", filter: { regex: "^payments.*" } }] } } });
    c.apps.push({ kind: "web", id: "console", label: "Payments Console", redirectUris: [`https://console.${c.environment}.example.com/cb`], apis: ["payments"], assignTo: ["paymentsViewers"] } as never);
    const sync = c.apps.find((a) => a.id === "billing-sync");
    Object.assign(sync!, { scopesFrom: { payments: { tiers: ["viewer"], priority: 1 } } });
  });
}

describe("AuthorizationServer", () => {
  test("creates a server per API with its audience, scopes and claims", () => {
    const stack = testStack();
    new AuthorizationServer(stack, "payments", {
      ...payments,
      claims: [
        { name: "payment_groups", kind: "groups", filter: { groups: ["paymentsViewers", "finance.team"] } },
        { name: "department", kind: "attribute", value: "user.department", tokens: "id" },
      ],
    });
    const synthed = Testing.synth(stack);
    expect(synthed).toHaveResourceWithProperties(AuthServerClaim, { name: "payment_groups", claim_type: "RESOURCE", value_type: "GROUPS", group_filter_type: "REGEX", value: "^(paymentsViewers|finance\\.team)$" });
    expect(synthed).toHaveResourceWithProperties(AuthServerClaim, { name: "department", claim_type: "IDENTITY", value_type: "EXPRESSION", value: "user.department" });
  });

  test.each([
    [{ name: "sub", kind: "attribute", value: "user.login" }, "claims[0].name is a reserved claim that Okta or JWT sets itself"],
    [{ name: "has space", kind: "attribute", value: "user.login" }, "claims[0].name must be a claim name"],
    [{ name: "dept", kind: "attribute", value: "user.department + 1" }, "claims[0].value must name one profile attribute"],
    [{ name: "g", kind: "groups", filter: { regex: "([" } }, "claims[0].filter.regex is invalid"],
    [{ name: "g", kind: "groups", filter: { groups: [] } }, "claims[0].filter.groups is empty"],
  ])("refuses a bad claim: %j", (claim, message) => {
    expect(errorOf(() => new AuthorizationServer(testStack(), "api", { ...payments, claims: [claim as never] }))).toContain(message);
  });

  test("lets an app on one API sign in there, and a service request scopes from two APIs with a policy on each", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-apis-"));
    const { stacks } = buildOrgApp([withPayments(fixtureConfig("dev"))], { outdir });
    const json = synthJson(stacks[0]);
    const policies = Object.values(resourcesOf(json, "okta_auth_server_policy"));
    const paymentsPolicies = policies.filter((p) => String(p.auth_server_id).includes("Api-payments"));
    expect(paymentsPolicies.map((p) => [p.name, p.priority]).sort()).toEqual([["Service access: billing-sync", 2], ["User access", 1]]);
    const grants = accessOf(json as Record<string, unknown>).grants;
    expect(grants.filter((g) => g.client === "Billing Sync").map((g) => [g.server, g.scope]).sort()).toEqual([["API Center", "http://myapp.com/scp/gold"], ["Payments", "payments:read"]]);
    expect(grants.filter((g) => g.client === "Payments Console").map((g) => g.server)).toEqual(expect.arrayContaining(["Payments"]));
    expect(grants.filter((g) => g.client === "Payments Console" && g.server === "API Center")).toEqual([]);
    expect(Object.keys(json.output ?? {})).toEqual(expect.arrayContaining(["payments_api_id", "payments_api_issuer", "payments_api_audience", "payments_api_tiers"]));
  });

  test("refuses an app that names two APIs, an unknown API, and a service priority missing for an API", () => {
    const two = editedConfig(withPayments(fixtureConfig("dev")), (c) => Object.assign(c.apps.find((a) => a.id === "console")!, { apis: ["payments", "apiCenter"] }));
    expect(errorOf(() => buildOrgApp([two]))).toContain("an app signs in at one authorization server, so it can call one API");
    const unknown = editedConfig(fixtureConfig("dev"), (c) => Object.assign(c.apps.find((a) => a.id === "billing")!, { apis: ["ledger"] }));
    expect(errorOf(() => buildOrgApp([unknown]))).toContain('apis names an unknown API: got "ledger". Fix: use one of apiCenter');
  });

  test("guardrails check every server: two APIs with one audience are flagged", () => {
    const same = editedConfig(withPayments(fixtureConfig("staging")), (c) => Object.assign((c as { apis: Record<string, { audience: string }> }).apis.payments, { audience: c.apiCenter!.audience }));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-apis-"));
    const { reports } = synthesizeAll(buildOrgApp([same], { outdir }).app);
    const findings = reports.find((r) => r.stack === "okta-staging")!.findings.filter((f) => f.rule === "OKTA-16");
    expect(findings.map((f) => f.path).sort()).toEqual(["okta-staging/Api-payments/AuthServer", "okta-staging/ApiCenter/AuthServer"]);
  });
});

describe("GroupRule", () => {
  test("fills a group by an expression on the user, active", () => {
    const stack = testStack();
    const group = new OktaGroup(stack, "finance", { name: "financeTeam" });
    new GroupRule(stack, "rule", { name: "Finance department", group, expression: 'user.department == "Finance"' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(GroupRuleResource, {
      name: "Finance department",
      status: "ACTIVE",
      expression_type: "urn:okta:expression:1.0",
      expression_value: 'user.department == "Finance"',
      group_assignments: [expect.stringMatching(/okta_group\.finance_Group_\w+\.id/)],
    });
  });

  test.each([
    ['user.department == "Finance', "a double quote is not closed"],
    ['(user.department == "Finance"', "1 parenthesis is not closed"],
    ['user.department == "Finance")', "a closing parenthesis has no opening one"],
    ['String.matches(user.department, "Fin")', "unknown function String.matches()"],
    ['"Finance" == "Finance"', "it reads nothing about the user"],
  ])("refuses the expression %s", (expression, problem) => {
    expect(expressionProblems(expression)).toContainEqual(expect.stringContaining(problem));
    const stack = testStack();
    const group = new OktaGroup(stack, "g", { name: "g" });
    expect(errorOf(() => new GroupRule(stack, "rule", { name: "r", group, expression }))).toContain(`the rule's expression: ${problem}`);
  });

  test("accepts the documented functions and compound conditions", () => {
    expect(expressionProblems('String.startsWith(user.title, "VP") AND (user.department == "Finance" OR isMemberOfGroupName("auditors"))')).toEqual([]);
  });

  test("warns when a rule fills a tier's subscriber group, whose members are also added by hand", () => {
    const config = editedConfig(fixtureConfig("dev"), (c) => Object.assign(c, { groupRules: [{ name: "Gold by plan", group: "goldSubscribers", expression: 'user.plan == "gold"' }] }));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rules-"));
    const { stacks } = buildOrgApp([config], { outdir });
    const warnings = stacks[0].node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data)));
    expect(warnings).toContainEqual(expect.stringContaining("goldSubscribers is also filled by hand"));
  });

  test("refuses a rule for an unknown group", () => {
    const config = editedConfig(fixtureConfig("dev"), (c) => Object.assign(c, { groupRules: [{ name: "x", group: "nobody", expression: "user.x == 1" }] }));
    expect(errorOf(() => buildOrgApp([config]))).toContain('the group rule fills an unknown group: got "nobody"');
  });

  test("shows who as the rule's expression, so a review sees that editing the rule changes who gets an app", () => {
    const rule = (expression: string) => fixtureEnvironments().map((c) => editedConfig(c, (d) => Object.assign(d, { groupRules: [{ name: "Finance department", group: "financeTeam", expression }] })));
    const base = synthesizeTo(rule('user.department == "Finance"'));
    const head = synthesizeTo(rule('user.department == "Finance" OR user.department == "Sales"'));
    const prod = stackReview(reviewOf(base, head), "okta-prod");
    expect(prod.access.assignments.removed).toEqual([expect.objectContaining({ app: "Expenses", group: 'financeTeam (rule: user.department == "Finance")' })]);
    expect(prod.access.assignments.added).toEqual([expect.objectContaining({ app: "Expenses", group: 'financeTeam (rule: user.department == "Finance" OR user.department == "Sales")' })]);
    expect(prod.broadensAccess).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(head, "stacks", "okta-prod", "cdk.tf.json"), "utf8"));
    expect(accessMarkdown("okta-prod", accessOf(json))).toContain('| Expenses |  | financeTeam (rule: user.department == "Finance" OR user.department == "Sales") |');
  });
});

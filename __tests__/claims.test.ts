import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { configFor } from "../config";
import { OrgConfig } from "../config/types";
import { ClaimOptions, claimFilterMatches, javaRegexProblem, suggestedRegex } from "../constructs/claims";
import { accessOf } from "../review/access";
import { runAccess } from "../review/access-cli";
import { readSynthesized } from "../review/stack-json";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { editedConfig, errorOf } from "../test-support";
import { deployed, importFromServer } from "../test-support/import";
import { reviewOf, stackReview, synthesizeTo } from "../test-support/review";

// Claims as Okta evaluates them (issue 22). Okta's groups-claim guide filters all groups with
// ".*", and a REGEX filter "Matches regex" the whole group name (Java String.matches), so
// "^payments" matches no group: the claim is never in a token.

/** Every environment of the config org with the payments API's claims replaced. */
function withPaymentsClaims(claims: ClaimOptions[], environments = ["dev", "staging", "prod"]): OrgConfig[] {
  return environments.map((env) => editedConfig(configFor(env), (d) => Object.assign(d.apis!.payments, { claims })));
}

function synthError(configs: OrgConfig[]): string {
  return errorOf(() => synthesizeAll(buildOrgApp(configs, { outdir: fs.mkdtempSync(path.join(os.tmpdir(), "okta-claims-")) }).app));
}

function prodAccess(configs: OrgConfig[]) {
  const stack = readSynthesized(synthesizeTo(configs)).get("okta-prod")!;
  return accessOf(stack.json, stack.owners);
}

describe("groups claim filters, as Okta matches them", () => {
  test("a regex matches the whole group name, not a part of it", () => {
    expect(claimFilterMatches({ regex: "^payments" }, "paymentsViewers")).toBe(false);
    expect(claimFilterMatches({ regex: "^payments.*" }, "paymentsViewers")).toBe(true);
    expect(claimFilterMatches({ regex: ".*" }, "financeTeam")).toBe(true);
    expect(claimFilterMatches({ regex: "Viewers" }, "paymentsViewers")).toBe(false);
    expect(claimFilterMatches({ regex: "(?i)PAYMENTS.*" }, "paymentsViewers")).toBe(true);
    expect(claimFilterMatches({ startsWith: "payments" }, "paymentsViewers")).toBe(true);
    expect(claimFilterMatches({ equals: "paymentsViewers" }, "paymentsViewers")).toBe(true);
    expect(claimFilterMatches({ contains: "Viewer" }, "paymentsViewers")).toBe(true);
  });

  test("refuses what Java's regex engine refuses, and what JavaScript's cannot check", () => {
    expect(javaRegexProblem("^payments.*")).toBeUndefined();
    expect(javaRegexProblem("finance\\_team")).toBeUndefined();
    expect(javaRegexProblem("(?<=a+)b")).toContain("unbounded lookbehind");
    expect(javaRegexProblem("\\u{41}")).toContain("Java writes \\x{…}");
    expect(javaRegexProblem("(?<my_group>x)")).toContain("letters and digits only");
    expect(javaRegexProblem("a++")).toContain("possessive");
    expect(javaRegexProblem("[a-")).toContain("is invalid");
  });

  test("suggests the pattern that matches what a prefix-only regex meant", () => {
    expect(suggestedRegex("^payments", ["paymentsViewers", "financeTeam"])).toBe("^payments.*");
    expect(suggestedRegex("Viewers", ["paymentsViewers"])).toBe(".*Viewers.*");
    expect(suggestedRegex("^zzz", ["paymentsViewers"])).toBeUndefined();
  });

  test("^payments is refused at synth, naming the claim, the groups tried and the fix ^payments.*", () => {
    const message = synthError(withPaymentsClaims([{ name: "payment_groups", kind: "groups", filter: { regex: "^payments" } }]));
    expect(message).toContain('claims[0] ("payment_groups") matches none of the org\'s groups (');
    expect(message).toContain("paymentsViewers");
    expect(message).toContain("Okta matches a regex against the whole group name");
    expect(message).toContain('Fix: write regex "^payments.*", which matches paymentsViewers.');
  });

  test("a filter that matches nothing is refused with the groups it was tried on", () => {
    const message = synthError(withPaymentsClaims([{ name: "payment_groups", kind: "groups", filter: { startsWith: "zzz" } }]));
    expect(message).toContain('claims[0] ("payment_groups") matches none of the org\'s groups (financeTeam, goldSubscribers');
    expect(message).toContain('got "startsWith \\"zzz\\"". Fix: filter on groups this org declares');
  });

  test("a claim's scopes must be scopes of its server", () => {
    const message = synthError(withPaymentsClaims([{ name: "payment_groups", kind: "groups", filter: { regex: "^payments.*" }, scopes: ["payments:write"] }]));
    expect(message).toContain('claims[0] ("payment_groups").scopes names scopes this server does not have: got ["payments:write"]');
  });
});

describe("the access model says which claims a token carries", () => {
  const payments = (m: ReturnType<typeof accessOf>) => m.grants.filter((g) => g.server === "Payments" && g.who === "paymentsViewers");

  test("the example org: payment_groups carries paymentsViewers on the payments rows, and the access view shows it", () => {
    const rows = payments(prodAccess(["dev", "staging", "prod"].map(configFor)));
    expect(rows.map((r) => [r.scope, r.claims])).toEqual([
      ["(sign-in only)", "payment_groups=[paymentsViewers]"],
      ["payments:read", "payment_groups=[paymentsViewers]"],
    ]);
    const out: string[] = [];
    runAccess(["okta-prod", "--from", synthesizeTo(["dev", "staging", "prod"].map(configFor))], (t) => out.push(t));
    // Rendered inert: the brackets are escaped so GitHub shows them as text.
    expect(out.join("")).toMatch(/\| Payments Console \| finance \| paymentsViewers \| authorization_code \| payments:read \| .* \| payment_groups=\\\[paymentsViewers\\\] \|/);
  });

  test("a scoped claim is carried only in tokens requested with its scope", () => {
    const rows = payments(prodAccess(withPaymentsClaims([{ name: "payment_groups", kind: "groups", filter: { regex: "^payments.*" }, scopes: ["payments:read"] }])));
    expect(rows.map((r) => [r.scope, r.claims])).toEqual([
      ["(sign-in only)", undefined],
      ["payments:read", "payment_groups=[paymentsViewers]"],
    ]);
  });

  test("an ID-token claim is in the ID token only when Okta always includes it", () => {
    const always = payments(prodAccess(withPaymentsClaims([{ name: "department", kind: "attribute", value: "user.department", tokens: "id" }])));
    expect(always.map((r) => r.claims)).toEqual(["department=[user.department] (ID token)", "department=[user.department] (ID token)"]);
    const onRequest = payments(prodAccess(withPaymentsClaims([{ name: "department", kind: "attribute", value: "user.department", tokens: "id", alwaysIncludeInToken: false }])));
    expect(onRequest.map((r) => r.claims)).toEqual([undefined, undefined]);
  });

  test("a claim widened in prod is broadening, like a scope", () => {
    const base = synthesizeTo(withPaymentsClaims([{ name: "payment_groups", kind: "groups", filter: { regex: "financeTeam" } }]));
    const head = synthesizeTo(withPaymentsClaims([{ name: "payment_groups", kind: "groups", filter: { regex: "financeTeam|payments.*" } }]));
    const report = reviewOf(base, head);
    const prod = stackReview(report, "okta-prod");
    expect(prod.access.grants.added).toEqual([]);
    expect(prod.access.claims.added).toEqual([
      expect.objectContaining({ server: "Payments", who: "paymentsViewers", scope: "(sign-in only)", token: "access", claim: "payment_groups", value: "paymentsViewers" }),
      expect.objectContaining({ server: "Payments", who: "paymentsViewers", scope: "payments:read", token: "access", claim: "payment_groups", value: "paymentsViewers" }),
    ]);
    expect(prod.broadensAccess).toBe(true);
    expect(report.broadeningIn).toContain("prod");
    // Narrowing it back removes rows and broadens nothing.
    expect(stackReview(reviewOf(head, base), "okta-prod").broadensAccess).toBe(false);
  });
});

describe("the import maps claims one to one", () => {
  test("a REGEX claim with a scope, a STARTS_WITH ID-token claim not always included, and an EXPRESSION claim come back as written", async () => {
    const claims: ClaimOptions[] = [
      { name: "payment_groups", kind: "groups", filter: { regex: "^payments.*" }, scopes: ["payments:read"] },
      { name: "payment_prefix", kind: "groups", filter: { startsWith: "payments" }, tokens: "id", alwaysIncludeInToken: false },
      { name: "department", kind: "attribute", value: "user.department", tokens: "id" },
    ];
    const { org } = deployed(withPaymentsClaims(claims, ["dev"])[0]);
    const { run } = await importFromServer(org);
    const byName = (list: readonly ClaimOptions[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(run.adoption.config.apis?.payments?.claims ?? [])).toEqual(byName(claims));
    // Nothing about them changes at the first deploy.
    expect(run.adoption.changes.filter((c) => c.address.startsWith("okta_auth_server_claim."))).toEqual([]);
  });
});

import { fixtureEnvironments } from "../test-support/fixture-org";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { IConstruct } from "constructs";
import { AuthServerPolicyRule } from "@cdktf/provider-okta/lib/auth-server-policy-rule";
import { AppOauth } from "@cdktf/provider-okta/lib/app-oauth";
import { AppAutoLogin } from "@cdktf/provider-okta/lib/app-auto-login";
import { OrgConfig } from "../config";
import { execFileSync } from "child_process";
import { runAccess } from "../review/access-cli";
import { SEED_002_TIERS } from "../constructs/api-center-auth-server";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { COMMENT_MARKER, toMarkdown } from "../review/markdown";
import { runReview } from "../review/cli";
import { summaryOf } from "../review/review";
import { editedConfig } from "../test-support";
import { reviewOf, stackReview, synthesizeTo } from "../test-support/review";
import { activeContent } from "../test-support/markdown";

// Fixtures go through real synth: constructs, guardrails and cdktf write cdktf.out the way
// `npm run synth` does; the review reads only those files.
let base: string;
beforeAll(() => {
  base = synthesizeTo();
});

function find<T>(stack: OktaOrgStack, type: new (...args: never[]) => T, pathPart: string): T {
  const found = stack.node.findAll().find((c: IConstruct) => c instanceof type && c.node.path.includes(pathPart));
  if (!found) throw new Error(`no ${type.name} under ${pathPart}`);
  return found as T;
}

const everyEnv = (edit: Parameters<typeof editedConfig<OrgConfig>>[1]) => fixtureEnvironments().map((c) => editedConfig(c, edit));

/** A stack review's access when nobody gains or loses anything. */
const NO_ACCESS_CHANGE = {
  grants: { added: [], removed: [] },
  assignments: { added: [], removed: [] },
  management: { added: [], removed: [] },
  origins: { added: [], removed: [] },
  claims: { added: [], removed: [] },
  signIns: { added: [], removed: [], strengthened: [] },
  newMarkers: [],
};

describe("review: a PR that adds a tier rule", () => {
  const head = () =>
    synthesizeTo(
      everyEnv((c) => {
        c.apiCenter = { ...c.apiCenter!, tiers: { ...SEED_002_TIERS, platinum: { scope: "http://myapp.com/scp/platinum", groupName: "platinumSubscribers", resource: "/stars", priority: 3 } } };
      }),
    );

  test("shows the new tier's grants as + rows and flags broadening in every environment", () => {
    const report = reviewOf(base, head());
    expect(report.broadeningIn).toEqual(["prod", "staging", "dev"]);
    const prod = stackReview(report, "okta-prod");
    expect(prod.access.grants.removed).toEqual([]);
    expect(prod.access.grants.added).toContainEqual(
      expect.objectContaining({ client: "API Center Client", who: "goldSubscribers ∩ platinumSubscribers", grant: "authorization_code", scope: "http://myapp.com/scp/platinum", via: "User access › platinum tier" }),
    );
    expect(prod.resources.filter((r) => r.kind === "add").map((r) => r.type).sort()).toEqual(["okta_auth_server_policy_rule", "okta_auth_server_scope", "okta_group"]);
    const markdown = toMarkdown(report);
    expect(markdown).toContain("> 🚨 **Access broadens in prod** (okta-prod)");
    expect(markdown).toMatch(/\| \+ \| API Center \| API Center Client \| +\| goldSubscribers ∩ platinumSubscribers \| authorization_code \| http:\/\/myapp\.com\/scp\/platinum \| email openid profile http:\/\/myapp\.com\/scp\/platinum offline_access \|/);
  });
});

describe("review: a PR that widens a rule's groups", () => {
  let head: string;
  beforeAll(() => {
    head = synthesizeTo(undefined, (stacks) => {
      const prod = stacks[2];
      const gold = find(prod, AuthServerPolicyRule, "Rule-gold");
      const silverGroup = prod.apiCenter!.tier("silver", "test").group.groupId;
      gold.addOverride("group_whitelist", [prod.apiCenter!.tier("gold", "test").group.groupId, silverGroup]);
    });
  });

  test("shows the gold scope handed to silver subscribers as + rows, in prod only", () => {
    const report = reviewOf(base, head);
    expect(report.broadeningIn).toEqual(["prod"]);
    const prod = stackReview(report, "okta-prod");
    expect(prod.access.grants.added).toContainEqual(
      expect.objectContaining({ client: "API Center Client", who: "silverSubscribers", grant: "authorization_code", scope: "http://myapp.com/scp/gold", via: "User access › gold tier" }),
    );
    expect(prod.resources).toEqual([expect.objectContaining({ kind: "change", type: "okta_auth_server_policy_rule", attributes: [expect.objectContaining({ attribute: "group_whitelist" })] })]);
    const markdown = toMarkdown(report);
    expect(markdown.indexOf("Access broadens in prod")).toBeLessThan(markdown.indexOf("### okta-prod"));
    expect(markdown).toContain("- okta-dev: no changes");
    expect(markdown).toContain("- okta-staging: no changes");
  });

  test("--fail-on-broadening prod exits 2, and 0 when only dev is gated", () => {
    const out: string[] = [];
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(runReview({ baseOut: base, headOut: head, json: false, failOnBroadening: ["prod"] }, (t) => out.push(t))).toBe(2);
      expect(runReview({ baseOut: base, headOut: head, json: false, failOnBroadening: ["dev"] }, (t) => out.push(t))).toBe(0);
    } finally {
      stderr.mockRestore();
    }
    expect(out[0]).toContain(COMMENT_MARKER);
  });

  test("--json carries the same findings for machines", () => {
    const out: string[] = [];
    runReview({ baseOut: base, headOut: head, json: true, failOnBroadening: [] }, (t) => out.push(t));
    const json = JSON.parse(out.join(""));
    expect(json.broadeningIn).toEqual(["prod"]);
    expect(json.stacks[0].stack).toBe("okta-prod");
    expect(json.stacks[0].access.grants.added.length).toBeGreaterThan(0);
  });

  test("--json-out writes the same JSON next to the Markdown in one run", () => {
    const jsonOut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "okta-review-")), "review.json");
    const markdown: string[] = [];
    const json: string[] = [];
    runReview({ baseOut: base, headOut: head, json: false, jsonOut, failOnBroadening: [] }, (t) => markdown.push(t));
    runReview({ baseOut: base, headOut: head, json: true, failOnBroadening: [] }, (t) => json.push(t));
    expect(markdown.join("")).toContain(COMMENT_MARKER);
    expect(fs.readFileSync(jsonOut, "utf8")).toBe(json.join(""));
  });
});

describe("review: a PR that removes an app", () => {
  test("warns about each destroy, lists - access rows and does not call it broadening", () => {
    const head = synthesizeTo(everyEnv((c) => (c.apps = c.apps.filter((a) => a.id !== "mobile"))));
    const report = reviewOf(base, head);
    expect(report.broadeningIn).toEqual([]);
    const prod = stackReview(report, "okta-prod");
    expect(summaryOf(prod)).toBe("okta-prod: +0 ~1 -3");
    expect(prod.warnings).toContain('destroys okta_app_oauth "API Center Mobile" (`okta-prod/mobile/App`)');
    expect(prod.access.grants.added).toEqual([]);
    expect(prod.access.grants.removed.every((r) => r.client === "API Center Mobile")).toBe(true);
    expect(prod.access.assignments.removed).toEqual([
      expect.objectContaining({ app: "API Center Mobile", group: "goldSubscribers" }),
      expect.objectContaining({ app: "API Center Mobile", group: "silverSubscribers" }),
    ]);
    expect(toMarkdown(report)).toContain('> ⚠️ **okta-prod** destroys okta_app_oauth "API Center Mobile" (`okta-prod/mobile/App`)');
  });

  test("warns loudly when a destroyed resource carries prevent_destroy", () => {
    const dropFinance = (c: OrgConfig) =>
      editedConfig(c, (d) => {
        d.apps = d.apps.filter((a) => a.id !== "expenses");
        d.groups = d.groups?.filter((g) => g.name !== "financeTeam");
      });
    const prodOnly = fixtureEnvironments().map((c) => (c.environment === "prod" ? dropFinance(c) : c));
    const report = reviewOf(base, synthesizeTo(prodOnly));
    expect(stackReview(report, "okta-prod").warnings).toContain(
      'destroys okta_group "financeTeam" (`okta-prod/Group-financeTeam/Group`): it carries prevent_destroy, so Terraform will refuse and the deploy fails',
    );
  });
});

describe("review: a PR that changes only a label", () => {
  test("shows a resource change and no access change", () => {
    const head = synthesizeTo(everyEnv((c) => Object.assign(c.apps.find((a) => a.id === "billing") ?? {}, { label: "Billing Portal" })));
    const report = reviewOf(base, head);
    const prod = stackReview(report, "okta-prod");
    expect(report.broadeningIn).toEqual([]);
    expect(prod.access).toEqual(NO_ACCESS_CHANGE);
    expect(prod.resources).toEqual([expect.objectContaining({ kind: "change", label: "Billing Portal", attributes: [{ attribute: "label", before: '"Billing"', after: '"Billing Portal"' }] })]);
    expect(toMarkdown(report)).toContain("No change in who can get what.");
  });

  test("calls out a replacement when an attribute forces a new client id", () => {
    const head = synthesizeTo(undefined, (stacks) => find(stacks[0], AppOauth, "okta-dev/mobile").addOverride("type", "web"));
    const dev = stackReview(reviewOf(base, head), "okta-dev");
    expect(dev.warnings).toContain('replaces okta_app_oauth "API Center Mobile" (`okta-dev/mobile/App`): type changed, so the app gets a new client id');
  });
});

describe("review: a PR that renames a group in place (config's id keeps its construct id)", () => {
  /** Prod with one more group, the portal's only assignment. */
  const withGroup = (name: string, id?: string) =>
    editedConfig(fixtureEnvironments("prod")[0], (c) => {
      (c as { groups: unknown }).groups = [...(c.groups ?? []), { name, ...(id ? { id } : {}) }];
      Object.assign(c.apps.find((a) => a.id === "portal")!, { assignTo: [name] });
    });

  test("is a rename, not access: no access change, no broadening, and a line that says what the rename does", () => {
    const report = reviewOf(synthesizeTo([withGroup("Eng Team")]), synthesizeTo([withGroup("Engineering", "Eng-Team")]));
    const prod = stackReview(report, "okta-prod");
    expect(prod.access).toEqual(NO_ACCESS_CHANGE);
    expect(report.broadeningIn).toEqual([]);
    expect(prod.resources).toEqual([expect.objectContaining({ kind: "change", type: "okta_group", attributes: [{ attribute: "name", before: '"Eng Team"', after: '"Engineering"' }] })]);
    expect(prod.warnings).toContain('renames group "Eng Team" to "Engineering" in place: the same Okta group, its members, assignments and rules kept; a groups claim now carries the new name, which an API that checks group names sees');
  });

  test("two groups that swap names (ids kept) are seen for what they are: each app now reaches the other group's members", () => {
    const twoGroups = (first: string, second: string) =>
      editedConfig(fixtureEnvironments("prod")[0], (c) => {
        (c as { groups: unknown }).groups = [...(c.groups ?? []), { name: first, id: "admins" }, { name: second, id: "staff" }];
        Object.assign(c.apps.find((a) => a.id === "portal")!, { assignTo: ["Admins"] });
      });
    const report = reviewOf(synthesizeTo([twoGroups("Admins", "Staff")]), synthesizeTo([twoGroups("Staff", "Admins")]));
    const prod = stackReview(report, "okta-prod");
    // The portal stays assigned to a group named Admins, which is now the other Okta group.
    expect(prod.access.assignments).toEqual({ added: [expect.objectContaining({ app: "Customer Portal", group: "Admins" })], removed: [expect.objectContaining({ app: "Customer Portal", group: "Staff" })] });
    expect(report.broadeningIn).toEqual(["prod"]);
  });

  test("without the id it is a new group: the access change is shown, as before", () => {
    const report = reviewOf(synthesizeTo([withGroup("Eng Team")]), synthesizeTo([withGroup("Engineering")]));
    expect(stackReview(report, "okta-prod").access.assignments.added).toEqual([expect.objectContaining({ group: "Engineering" })]);
    expect(report.broadeningIn).toEqual(["prod"]);
  });

  test("a name moved to another group (the old one deleted, another renamed to it) is that other group's access, not no change", () => {
    const groups = (list: { name: string; id: string }[], assign: Record<string, string>) =>
      editedConfig(fixtureEnvironments("prod")[0], (c) => {
        (c as { groups: unknown }).groups = [...(c.groups ?? []), ...list];
        for (const [app, group] of Object.entries(assign)) Object.assign(c.apps.find((a) => a.id === app)!, { assignTo: [group] });
      });
    const base = groups([{ name: "Admins", id: "admins" }, { name: "Contractors", id: "contractors" }], { portal: "Admins", "status-page": "Contractors" });
    // The admins' group is renamed Contractors; the contractors' group is gone; both apps name Contractors.
    const head = groups([{ name: "Contractors", id: "admins" }], { portal: "Contractors", "status-page": "Contractors" });
    const report = reviewOf(synthesizeTo([base]), synthesizeTo([head]));
    const assignments = stackReview(report, "okta-prod").access.assignments;
    // The status page now reaches the admins' group: a new row, told apart by the group's construct path.
    expect(assignments.added).toEqual([expect.objectContaining({ app: "Status Page", group: "Contractors (okta-prod/Group-admins/Group)" })]);
    expect(assignments.removed).toEqual([expect.objectContaining({ app: "Status Page", group: "Contractors (okta-prod/Group-contractors/Group)" })]);
    expect(report.broadeningIn).toEqual(["prod"]);
  });

  test("a group a rule fills, renamed in place, is no access change either", () => {
    const withRule = (name: string) =>
      editedConfig(withGroup(name, "Eng-Team"), (c) => {
        (c as { groupRules: unknown }).groupRules = [{ name: "Fill eng", group: name, expression: 'user.department == "Eng"' }];
      });
    const report = reviewOf(synthesizeTo([withRule("Eng Team")]), synthesizeTo([withRule("Engineering")]));
    expect(stackReview(report, "okta-prod").access).toEqual(NO_ACCESS_CHANGE);
    expect(report.broadeningIn).toEqual([]);
  });

  test("a hostile name is inert in the rename line", () => {
    const report = reviewOf(synthesizeTo([withGroup("Eng Team")]), synthesizeTo([withGroup("<img src=x> @team", "Eng-Team")]));
    expect(stackReview(report, "okta-prod").warnings.some((w) => w.startsWith("renames group"))).toBe(true);
    expect(activeContent(toMarkdown(report), true)).toEqual([]);
  });
});

describe("review: a PR that touches prod only", () => {
  let report: ReturnType<typeof reviewOf>;
  beforeAll(() => {
    const configs = fixtureEnvironments().map((c) =>
      c.environment === "prod"
        ? editedConfig(c, (d) => (d.apps = [...d.apps, { kind: "bookmark", id: "runbooks", label: "Runbooks", url: "https://runbooks.example.com", assignTo: ["onCallEngineers"] }]))
        : c,
    );
    report = reviewOf(base, synthesizeTo(configs));
  });

  test("collapses the other environments to one line each", () => {
    const markdown = toMarkdown(report);
    for (const stack of ["okta-staging", "okta-dev", "okta-bootstrap-prod", "okta-bootstrap-staging", "okta-bootstrap-dev"]) {
      expect(markdown).toContain(`- ${stack}: no changes`);
      expect(markdown).not.toContain(`### ${stack}`);
    }
    expect(markdown).toContain("- **okta-prod: +2 ~0 -0** — access broadens");
  });

  test("lists prod first", () => {
    expect(report.stacks.map((s) => s.stack)).toEqual(["okta-prod", "okta-bootstrap-prod", "okta-staging", "okta-bootstrap-staging", "okta-dev", "okta-bootstrap-dev"]);
  });

  test("keeps every summary and access line when truncated, and says so", () => {
    const full = toMarkdown(report);
    const cut = toMarkdown(report, full.length - 1);
    expect(cut.length).toBeLessThan(full.length);
    expect(cut).toContain("✂️ Truncated to fit a GitHub comment");
    expect(cut).not.toContain("<details>");
    for (const line of full.split("\n").filter((l) => l.startsWith("- ") && l.includes("okta-") || l.startsWith("| +") || l.startsWith("| -") || l.startsWith("> "))) {
      expect(cut).toContain(line);
    }
    const noLines = toMarkdown(report, cut.length - 1);
    expect(noLines).toContain("per-resource lines left out");
    expect(noLines).toContain("| + | Runbooks |  | onCallEngineers |");
    expect(noLines).toContain("- **okta-prod: +2 ~0 -0** — access broadens");
  });

  test("counts the access rows per table when even they do not fit, says where the whole report is, and never exceeds the limit", () => {
    // Each level is the text one character too long for the level before it gives.
    const [, , noLines, counted] = [1, 2, 3].reduce<string[]>((texts) => [...texts, toMarkdown(report, texts[texts.length - 1].length - 1)], [toMarkdown(report)]);
    expect(noLines).toContain("attribute diffs and per-resource lines left out");
    expect(counted.length).toBeLessThan(noLines.length);
    expect(counted).toContain("attribute diffs, per-resource lines and access rows left out; each access table's rows are counted");
    expect(counted).toContain("- **App assignments (who can sign in)**: 1 row `+`, 0 rows `-`");
    expect(counted).toContain("- **Sign-in (authentication policies): who, with which factors, from where**: 1 row `+`, 0 rows `-`");
    expect(counted).toContain("open `review-full.md` in the review workflow's `okta-review` artifact");
    expect(counted).not.toContain("| + | Runbooks |");
    for (const line of noLines.split("\n").filter((l) => l.startsWith("> 🚨") || l.startsWith("- **okta-"))) expect(counted).toContain(line);
    // Shorter still: cut at the limit, at a line's end, saying so (GitHub refuses a longer comment).
    const cutAt = toMarkdown(report, 400);
    expect(cutAt.length).toBeLessThanOrEqual(400);
    expect(cutAt.startsWith(COMMENT_MARKER)).toBe(true);
    expect(cutAt).toMatch(/\n\n> ✂️ Cut at 400 characters: the summaries and warnings alone are longer\. For the whole report, run `npm run review` locally, or open `review-full\.md` in the review workflow's `okta-review` artifact\.\n$/);
  });
});

describe("review: guardrails and secrets", () => {
  test("lists only the guardrail findings that are new in this change", () => {
    const head = synthesizeTo(
      fixtureEnvironments().map((c) =>
        c.environment === "staging"
          ? editedConfig(c, (d) => (d.apps = [...d.apps, { kind: "web", id: "invoices", label: "Invoices", redirectUris: ["https://invoices.staging.example.com/cb"], assignTo: ["goldSubscribers"] }]))
          : c,
      ),
    );
    const staging = stackReview(reviewOf(base, head), "okta-staging");
    // The fixture org declares no authentication policy: the new app's OKTA-19 is a warning, and new too.
    expect(staging.newFindings.map((f) => `${f.rule} ${f.level} ${f.path}`)).toEqual(["OKTA-10 warning okta-staging/invoices/App", "OKTA-19 warning okta-staging/invoices/App"]);
    expect(toMarkdown(reviewOf(base, head))).toContain("- **OKTA-10 warning** `okta-staging/invoices/App`");
  });

  test("never prints a sensitive value, in Markdown or JSON", () => {
    const secret = "hunter2-do-not-print";
    const head = synthesizeTo(undefined, (stacks) => {
      new AppAutoLogin(stacks[1], "LegacyVault", { label: "Legacy Vault", sharedUsername: "svc", sharedPassword: secret });
    });
    expect(fs.readFileSync(path.join(head, "stacks/okta-staging/cdk.tf.json"), "utf8")).toContain(secret);
    const report = reviewOf(base, head);
    expect(toMarkdown(report)).not.toContain(secret);
    expect(toMarkdown(report)).toContain("shared_password = (sensitive)");
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  test("fails with a clear error when a directory holds no synthesized stacks", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "okta-empty-"));
    expect(() => runReview({ baseOut: empty, headOut: base, json: false, failOnBroadening: [] }, () => undefined)).toThrow(`${empty} holds no synthesized stacks`);
  });
});

describe("access view (npm run access)", () => {
  test("prints one environment's matrix from the same computation the review diffs", () => {
    const out: string[] = [];
    runAccess(["okta-prod", "--from", base], (t) => out.push(t));
    const text = out.join("");
    expect(text).toContain("## Effective access: okta-prod");
    expect(text).toContain("| API Center | client reports-service-prod |  | (the client itself) | client_credentials | http://myapp.com/scp/silver | http://myapp.com/scp/silver | Service access: reports-service › Reports Service (client credentials) |");
    expect(text).toContain("| Expenses |  | financeTeam |");
    expect(text).toContain("| https://portal.example.com | CORS |");
    // okta.* grants live where a Super Admin applies them: the bootstrap stack.
    const bootstrap: string[] = [];
    runAccess(["okta-bootstrap-prod", "--from", base], (t) => bootstrap.push(t));
    expect(bootstrap.join("")).toContain("| Reports Service | okta.groups.read |");
    expect(bootstrap.join("")).toContain("| Terraform plan, read-only (okta-prod) | role READ_ONLY_ADMIN |");
  });

  test("restricts user grants to the groups assigned to the app", () => {
    const out: string[] = [];
    runAccess(["okta-prod", "--from", base, "--json"], (t) => out.push(t));
    const billing = (JSON.parse(out.join("")).grants as { client: string; who: string; scope: string }[]).filter((g) => g.client === "Billing");
    // Billing is assigned to goldSubscribers only: silver users reach it only if also gold.
    expect([...new Set(billing.map((g) => g.who))].sort()).toEqual(["goldSubscribers", "goldSubscribers ∩ silverSubscribers"]);
    expect(billing.filter((g) => g.who === "goldSubscribers ∩ silverSubscribers").map((g) => g.scope)).toEqual(["http://myapp.com/scp/silver"]);
  });

  test("names the stacks it knows when asked for another", () => {
    expect(() => runAccess(["okta-qa", "--from", base], () => undefined)).toThrow('No stack "okta-qa". Fix: use one of okta-bootstrap-dev');
  });
});

const gitAvailable = (() => {
  try {
    execFileSync("git", ["rev-parse", "HEAD"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!gitAvailable) console.log("Skipping the git-revision review test: not inside a git checkout with a commit.");
(gitAvailable ? describe : describe.skip)("review of a git revision (temporary worktree)", () => {
  test("synthesizes HEAD in a worktree, names it by its short sha, and leaves no worktree behind", () => {
    // Only this process's worktrees: other suites (review-robustness) run reviews at the same time.
    const worktrees = () =>
      execFileSync("git", ["worktree", "list", "--porcelain"], { encoding: "utf8" })
        .split("\n")
        .filter((l) => l.startsWith("worktree ") && l.startsWith(`worktree ${fs.realpathSync(os.tmpdir())}`) && !l.includes("/okta-tmp-"))
        .join("\n");
    const before = worktrees();
    const out: string[] = [];
    expect(runReview({ base: "HEAD", headOut: base, json: true, failOnBroadening: [] }, (t) => out.push(t))).toBe(0);
    const report = JSON.parse(out.join(""));
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    expect(report.base).toBe(`HEAD (${sha})`);
    expect(report.stacks.map((s: { stack: string }) => s.stack)).toContain("okta-prod");
    expect(worktrees()).toBe(before);
    expect(before).toBe("");
  });
});

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RepoCopy } from "../test-support/repo-copy";

// Ten mistakes a team makes in its first week, made in a copy of this checkout the way a user
// makes them (editing config/ files), judged by what `npm run synth` prints (issue 25): where
// (file:line:column of the entry and key), the value, the fix, once for all environments.
let repo: RepoCopy;
beforeAll(() => {
  repo = new RepoCopy();
}, 60_000);
afterAll(() => repo.remove());
afterEach(() => repo.restore());

const FINANCE = "config/teams/finance.ts";
const CX = "config/teams/customer-experience.ts";
const ALL = "[in okta-dev, okta-staging, okta-prod]";

/** `npm run synth` in the copy: its exit code and the problem lines it printed. */
function synth(): { code: number; problems: string[]; output: string } {
  const r = repo.run(["scripts/run.js", "main"]);
  const output = r.stdout + r.stderr;
  return { code: r.code, problems: output.split("\n").filter((l) => l.startsWith("  - ")), output };
}

/** Inserts a line after the first line containing `after`, with that line's indentation. */
function insertAfter(file: string, after: string, line: string): void {
  repo.edit(file, (text) => text.replace(new RegExp(`(^([ \\t]*).*${after.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*$)`, "m"), (_m, whole: string, indent: string) => `${whole}\n${indent}${line}`));
}

function at(file: string, text: string): string {
  const { line, column } = repo.lineOf(file, text);
  return `${file}:${line}:${column}`;
}

describe("config mistakes point at the line, once", () => {
  test("1. a misspelled key in a team file: its file and line, the value, did-you-mean, once for every environment", () => {
    insertAfter(FINANCE, 'label: "Billing",', 'redirectUri: "https://billing.example.com/cb",');
    const { code, problems, output } = synth();
    expect(code).toBe(1);
    expect(problems).toEqual([expect.stringContaining(`${at(FINANCE, "redirectUri:")}: app "billing".redirectUri is not a setting here (it would be ignored): got "https://billing.example.com/cb". Fix: did you mean redirectUris?`)]);
    expect(problems[0].endsWith(ALL)).toBe(true);
    expect(output).not.toMatch(/\n\s+at |TypeError|\.js:\d+/);
  });

  test("2. an app id used twice: both places", () => {
    repo.edit(CX, (t) => t.replace('id: "status-page"', 'id: "portal"'));
    const { problems } = synth();
    expect(problems).toEqual([expect.stringContaining(`app id is used twice (declared at ${at(CX, 'id: "portal"')} and `)]);
    const places = /declared at (\S+) and (\S+)\)/.exec(problems[0])!;
    expect(places.slice(1).map((p) => p.replace(/:\d+:\d+$/, ""))).toEqual([CX, CX]);
    expect(places[1]).not.toBe(places[2]);
  });

  test("3. a removed group still in use: one problem naming every app that uses it", () => {
    repo.edit(CX, (t) => t.replace(/\s*groups: \[\{ name: "onCallEngineers"[^\n]*\],/, ""));
    const { problems } = synth();
    const group = problems.filter((p) => p.includes('"onCallEngineers"'));
    expect(group).toEqual([expect.stringContaining('assignTo names group "onCallEngineers", which is not declared (removed or misspelled?), and apps ')]);
    expect(group[0]).toMatch(/apps (status-page, pagerduty|pagerduty, status-page) still use it/);
    expect(group[0].endsWith(ALL)).toBe(true);
  });

  test("4. a misspelled group: the closest declared one", () => {
    repo.edit(FINANCE, (t) => t.replace('assignTo: ["goldSubscribers"]', 'assignTo: ["goldSubscriber"]'));
    const { problems } = synth();
    expect(problems).toEqual([expect.stringMatching(/^  - config\/teams\/finance\.ts:\d+:\d+: app "billing" \(okta-<env>\/billing\) assignTo names group "goldSubscriber", which is not declared .* Fix: did you mean goldSubscribers\?/)]);
  });

  test("5. a group name where a list belongs: the key's line and the list to write", () => {
    repo.edit(FINANCE, (t) => t.replace('assignTo: ["goldSubscribers"]', 'assignTo: "goldSubscribers"'));
    const { problems } = synth();
    expect(problems).toEqual([expect.stringContaining(`${at(FINANCE, 'assignTo: "goldSubscribers"')}: app "billing".assignTo must be "everyone" or a list of strings: got "goldSubscribers".`)]);
  });

  test("6. a required key left out: the entry's line and what the key is for", () => {
    repo.edit(FINANCE, (t) => t.replace('        assignTo: ["goldSubscribers"],\n', ""));
    const { problems } = synth();
    expect(problems).toEqual([expect.stringContaining(`  - ${at(FINANCE, 'id: "billing"')}: app "billing".assignTo is required`)]);
    expect(problems[0]).toContain('app "billing".assignTo is required (Who may sign in to an app');
  });

  test("7. a wildcard redirect URI: the app's line, the value per environment, once", () => {
    repo.edit(FINANCE, (t) => t.replace("`${urls.billing}/authorization-code/callback`", "`${urls.billing}/*`"));
    const { problems } = synth();
    expect(problems).toEqual([expect.stringContaining('app "billing" (okta-<env>/billing) redirectUris[0] contains a wildcard: got "http://localhost:3000/*" in okta-dev, "https://billing.staging.example.com/*" in okta-staging, "https://billing.example.com/*" in okta-prod.')]);
    expect(problems[0]).toMatch(/^  - config\/teams\/finance\.ts:\d+:\d+: /);
  });

  test("8. a groups claim that matches no group: the API's line and the corrected pattern", () => {
    repo.edit(FINANCE, (t) => t.replace('filter: { regex: "^payments.*" }', 'filter: { regex: "^payments" }'));
    const { problems } = synth();
    expect(problems).toEqual([expect.stringContaining(`${at(FINANCE, "payments: {")}: API "payments" (okta-<env>/Api-payments) claims[0] ("payment_groups") matches none of the org's groups`)]);
    expect(problems[0]).toContain('Fix: write regex "^payments.*", which matches paymentsViewers.');
  });

  test("9. a Terraform expression in a redirect URI (free text such as a label may hold one; a URI may not): the URI's line", () => {
    repo.edit(CX, (t) => t.replace("redirectUris: [`${urls.portal}/login/callback`]", 'redirectUris: ["https://portal.example.com/${path.root}/cb"]'));
    const { problems } = synth();
    // At the URI itself: its line and the column where the string starts.
    const { line } = repo.lineOf(CX, "https://portal.example.com/${path.root}");
    const column = repo.read(CX).split("\n")[line - 1].indexOf('"https://portal') + 1;
    expect(problems).toEqual([expect.stringContaining(`${CX}:${line}:${column}: app "portal".redirectUris[0] contains a Terraform interpolation`)]);
    expect(problems[0].endsWith(ALL)).toBe(true);
  });

  test("10. an unknown tier for a service: the app's line and the tiers there are", () => {
    repo.edit(FINANCE, (t) => t.replace('tiers: ["gold"]', 'tiers: ["platinum"]'));
    const { problems } = synth();
    expect(problems.length).toBe(1);
    expect(problems[0]).toMatch(/^  - config\/teams\/finance\.ts:\d+:\d+: app "billing-sync" /);
    expect(problems[0]).toContain("platinum");
    expect(problems[0].endsWith(ALL)).toBe(true);
  });

  test("11. a group whose name gives another's construct id: its line, the other's line, and an id as the fix; an entry with an id is found by it", () => {
    repo.edit(FINANCE, (t) =>
      t
        .replace('groups: [{ name: "financeTeam", description', 'groups: [\n      { name: "financeTeam!" },\n      { name: "financeTeam", description')
        .replace('groupRules: [{ name: "Finance department",', 'groupRules: [{ name: "Finance department 2", id: "fin-2", group: "nobody", expression: "user.x == 1" }, { name: "Finance department",'),
    );
    const { problems, output } = synth();
    expect(problems).toHaveLength(2);
    // Config lists "financeTeam!" first: the later entry, financeTeam, is the one reported. (Lines only: a column is the entry's or its key's.)
    const line = (text: string) => `${FINANCE}:${repo.lineOf(FINANCE, text).line}`;
    const lines = problems.map((p) => p.replace(/(finance\.ts:\d+):\d+/g, "$1"));
    expect(lines).toContainEqual(
      `  - ${line('name: "financeTeam", description')}: group "financeTeam".name gives the construct id Group-financeTeam, which group "financeTeam!" has ` +
        `(a construct id keeps letters, digits, _ and - only, so both names give financeTeam) (declared at ${line('name: "financeTeam!"')}): got "financeTeam". ` +
        `Fix: give one of the two an id of its own, e.g. id: "financeTeam-2". Keep the id of one already deployed: a changed id replaces the group in Okta. ${ALL}`,
    );
    // Found by its id, not by a slug of its name (which would be Finance-department-2).
    expect(lines).toContainEqual(expect.stringContaining(`  - ${line('id: "fin-2"')}: group rule "Finance department 2" (okta-<env>/GroupRule-fin-2) the group rule fills an unknown group: got "nobody".`));
    expect(output).not.toContain("There is already a Construct");
  });
});

describe("sign-on mistakes point at the line, once", () => {
  const SIGN_ON = "config/sign-on.ts";

  test("a misspelled zone in a rule: the policy's line, the zones there are, and no echo at the apps that use it", () => {
    repo.edit(SIGN_ON, (t) => t.replace('zones: { in: ["Corporate network"] }', 'zones: { in: ["Corporate netwrok"] }'));
    const { code, problems } = synth();
    expect(code).toBe(1);
    expect(problems).toEqual([expect.stringContaining(`${at(SIGN_ON, '"corporate-only": {')}: authentication policy "corporate-only" (okta-<env>/AuthPolicy-corporate-only) rules[0] ("From the office").zones.in names zone "Corporate netwrok", which is not declared`)]);
    expect(problems[0]).toContain("Fix: use one of Corporate network, or declare it in networkZones.");
    // Dev's rule names no zone: staging and prod only.
    expect(problems[0].endsWith("[in okta-staging, okta-prod]")).toBe(true);
  });

  test("a bad gateway: the zone's line and the form Okta takes", () => {
    repo.edit(SIGN_ON, (t) => t.replace('"203.0.113.0/24"', '"203.0.113.0/33"'));
    const { problems } = synth();
    const { line } = repo.lineOf(SIGN_ON, 'name: "Corporate network"');
    // One problem: the policy whose rule names the zone is not built, so it says nothing more.
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^  - ${SIGN_ON}:${line}:\\d+: network zone "Corporate network" \\(okta-<env>/Zone-Corporate-network\\) gateways\\[0\\] is not a valid CIDR: got "203\\.0\\.113\\.0/33"\\. Fix: write a CIDR`))]);
    expect(problems[0].endsWith(ALL)).toBe(true);
  });
});

describe("commands leave nothing behind", () => {
  test("synth, review, access and drift write only into cdktf.out/ or the paths they are given", () => {
    repo.restore();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "okta-out-"));
    const plan = path.join(out, "plan.json");
    fs.writeFileSync(plan, JSON.stringify({ format_version: "1.2", prior_state: { values: { root_module: { resources: [] } } }, resource_drift: [] }));
    const runs = [
      repo.run(["scripts/run.js", "main"]),
      repo.run(["scripts/run.js", "review/review-main", "--base-out", "cdktf.out", "--head-out", "cdktf.out", "--out", `${out}/review.md`, "--json-out", `${out}/review.json`]),
      repo.run(["scripts/run.js", "review/access-main", "okta-dev", "--from", "cdktf.out"]),
      repo.run(["scripts/run.js", "review/access-main", "okta-dev", "--mermaid"]),
      repo.run(["scripts/run.js", "review/drift-main", "okta-dev", "--plan", plan, "--out", `${out}/drift.md`]),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(repo.leftBehind()).toEqual([]);
  }, 60_000);
});

import { fixtureEnvironments } from "../test-support/fixture-org";
import { OrgConfig, selectEnvironments } from "../config";
import { TeamConfig, composeTeams } from "../config/teams/types";
import { FIXTURE_SERVICE_KEY } from "../test-support/fixture-org";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs, runReview } from "../review/cli";
import { runAccess } from "../review/access-cli";
import { MARKDOWN_LIMIT, toMarkdown } from "../review/markdown";
import { ownerOf, readSynthesized } from "../review/stack-json";
import { readPlan } from "../review/plan";
import { driftMarkdown, driftOf } from "../review/drift";
import { editedConfig, errorOf } from "../test-support";
import { reviewOf, stackReview, synthesizeTo } from "../test-support/review";

const ROOT = path.resolve(__dirname, "..");
let base: string;
beforeAll(() => {
  base = synthesizeTo();
});

describe("review: renames and redaction", () => {
  test("reports a changed app id as a rename that replaces the client, not as broadening", () => {
    const head = synthesizeTo(fixtureEnvironments().map((c) => editedConfig(c, (d) => d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { id: "billing-portal" })))));
    const prod = stackReview(reviewOf(base, head), "okta-prod");
    expect(prod.broadensAccess).toBe(false);
    expect(prod.access.grants.added).toEqual([]);
    expect(prod.access.assignments.added).toEqual([]);
    expect(prod.warnings).toContainEqual(expect.stringMatching(/^renames okta_app_oauth "Billing" \(`okta-prod\/billing\/App` → `okta-prod\/billing-portal\/App`\).*a new client id.*_client_id output is renamed\. Access is unchanged\./));
    // Not broadening, but an outage: every deployed client of the old client id breaks (issue 19).
    expect(prod.outages).toEqual([expect.stringMatching(/^destroys okta_app_oauth "Billing" \(okta_app_oauth\.billing_App_/)]);
    expect(runReview({ baseOut: base, headOut: head, json: false, failOnBroadening: ["prod"] }, () => undefined)).toBe(2);
  });

  test("says what a change costs in Okta requests: a one-app change a few, its PR plan reading only what changes", () => {
    const head = synthesizeTo(fixtureEnvironments().map((c) => editedConfig(c, (d) => d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { label: "Billing Portal" })))));
    const report = reviewOf(base, head);
    const prod = stackReview(report, "okta-prod");
    // The app is read (GET /apps/{id}) plus the stack's data sources; the deploy puts it and reads it back.
    expect(prod.cost.planReads).toBeGreaterThanOrEqual(1);
    expect(prod.cost.planReads).toBeLessThan(10);
    expect(prod.cost.deployRequests).toBeGreaterThanOrEqual(2);
    expect(prod.cost.deployRequests).toBeLessThan(10);
    expect(prod.cost.capacity).toBe(30);
    expect(toMarkdown(report)).toContain(`Okta API cost (estimate): the PR plan reads ≈ ${prod.cost.planReads}, the deploy makes ≈ ${prod.cost.deployRequests} requests`);
    // An unchanged stack costs nothing and says nothing.
    expect(stackReview(report, "okta-bootstrap-prod").cost).toEqual(expect.objectContaining({ planReads: 0, deployRequests: 0 }));
  });

  test("removing a prod app is an outage the prod gate stops; the same in dev is not gated", () => {
    const head = synthesizeTo(fixtureEnvironments().map((c) => editedConfig(c, (d) => d.apps.splice(d.apps.findIndex((a) => a.id === "billing"), 1))));
    const report = reviewOf(base, head);
    expect(report.broadeningIn).toEqual([]);
    expect(report.outagesIn).toEqual(["prod", "staging", "dev"]);
    expect(stackReview(report, "okta-prod").outages).toEqual([expect.stringMatching(/^destroys okta_app_oauth "Billing"/)]);
    expect(toMarkdown(report)).toContain('🛑 **Outage in prod**: destroys okta_app_oauth "Billing"');
    expect(runReview({ baseOut: base, headOut: head, json: false, failOnBroadening: ["prod"] }, () => undefined)).toBe(2);
    const devOnly = synthesizeTo(fixtureEnvironments().map((c) => (c.environment !== "dev" ? c : editedConfig(c, (d) => d.apps.splice(d.apps.findIndex((a) => a.id === "billing"), 1)))));
    expect(runReview({ baseOut: base, headOut: devOnly, json: false, failOnBroadening: ["prod"] }, () => undefined)).toBe(0);
  });

  test("the gate digest is the same for the same prod changes and differs when they grow", () => {
    const json = (head: string) => {
      const out: string[] = [];
      runReview({ baseOut: base, headOut: head, json: true, failOnBroadening: ["prod"] }, (t) => out.push(t));
      return JSON.parse(out.join("")).gate as { digest: string; items: string[] };
    };
    const addGroup = (c: ReturnType<typeof fixtureEnvironments>[number], groups: string[]) => editedConfig(c, (d) => d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { assignTo: groups })));
    const once = json(synthesizeTo(fixtureEnvironments().map((c) => addGroup(c, ["goldSubscribers", "silverSubscribers"]))));
    const again = json(synthesizeTo(fixtureEnvironments().map((c) => addGroup(c, ["goldSubscribers", "silverSubscribers"]))));
    const more = json(synthesizeTo(fixtureEnvironments().map((c) => editedConfig(addGroup(c, ["goldSubscribers", "silverSubscribers"]), (d) => d.apps.splice(d.apps.findIndex((a) => a.id === "widget-login"), 1)))));
    expect(once.items.length).toBeGreaterThan(0);
    expect(again.digest).toBe(once.digest);
    expect(more.digest).not.toBe(once.digest);
    expect(more.items).toEqual(expect.arrayContaining([...once.items, expect.stringMatching(/^okta-prod outage "destroys okta_app_oauth \\"Embedded Sign-In\\"/)]));
    expect(json(base).items).toEqual([]);
  });

  test("hides secrets but shows settings about them (omit_secret, token lifetimes)", () => {
    const head = synthesizeTo(fixtureEnvironments(), (stacks) => {
      for (const stack of stacks) {
        const app = stack.apps.get("billing")!.resource;
        app.addOverride("omit_secret", false);
        app.addOverride("client_basic_secret", "not-for-your-eyes");
      }
    });
    const markdown = toMarkdown(reviewOf(base, head));
    expect(markdown).toContain("+   omit_secret = false");
    expect(markdown).toContain("client_basic_secret = (sensitive)");
    expect(markdown).not.toContain("not-for-your-eyes");
    const lifetimes = synthesizeTo(fixtureEnvironments().map((c) => editedConfig(c, (d) => Object.assign(d.apiCenter!, { tokenLifetimes: { accessTokenMinutes: 30 } }))));
    expect(toMarkdown(reviewOf(base, lifetimes))).toContain("+   access_token_lifetime_minutes = 30");
  });
});

describe("review: arguments", () => {
  test("accepts prod and okta-prod for --fail-on-broadening, and refuses anything else", () => {
    expect(parseArgs(["--fail-on-broadening", "okta-prod,dev"]).failOnBroadening).toEqual(["prod", "dev"]);
    expect(errorOf(() => parseArgs(["--fail-on-broadening", "qa"]))).toContain('--fail-on-broadening names "qa", which is not an environment');
    expect(errorOf(() => parseArgs(["--fail-on-broadening", "all"]))).toContain('names "all"');
  });

  test("prints help and exits 0 for --help, for review and access", () => {
    const out: string[] = [];
    expect(runReview(parseArgs(["--help"]), (t) => out.push(t))).toBe(0);
    expect(out.join("")).toContain("Usage: npm run review");
    expect(runAccess(["--help"], (t) => out.push(t))).toBe(0);
    expect(out.join("")).toContain("Usage: npm run access");
  });
});

describe("review: malformed input names the file", () => {
  function copyOfBase(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-malformed-"));
    fs.cpSync(base, dir, { recursive: true });
    return dir;
  }
  const file = (dir: string) => path.join(dir, "stacks", "okta-dev", "cdk.tf.json");

  test.each([
    ["not JSON", "{ nope", "is not valid JSON"],
    ["an array", "[]", "is not a Terraform JSON object (got an array)"],
    ["a null section", '{"resource": null}', '"resource" is null, not an object'],
    // The access model walks every block: these crashed the review with a TypeError.
    ["a null resource type", '{"resource": {"okta_group": null}}', "resource.okta_group is null, not an object of blocks by name"],
    ["a null block", '{"resource": {"okta_group": {"admins": null}}}', "resource.okta_group.admins is null, not a block (an object)"],
    ["a block that is a list", '{"data": {"okta_group": {"everyone": [1]}}}', "data.okta_group.everyone is [1], not a block (an object)"],
  ])("refuses a cdk.tf.json that is %s", (_name, content, message) => {
    const dir = copyOfBase();
    fs.writeFileSync(file(dir), content);
    expect(errorOf(() => readSynthesized(dir))).toContain(`${file(dir)}`);
    expect(errorOf(() => readSynthesized(dir))).toContain(message);
  });

  test("refuses a manifest that names a stack by a path: a trusted step never reads a folder it points at", () => {
    const dir = copyOfBase();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "okta-elsewhere-"));
    fs.writeFileSync(path.join(elsewhere, "cdk.tf.json"), JSON.stringify({ resource: { okta_group: { leaked: { name: "not in the artifact" } } } }));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { stacks: Record<string, object> };
    const id = path.relative(path.join(dir, "stacks"), elsewhere);
    manifest.stacks[id] = { workingDirectory: "stacks/x" };
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
    expect(errorOf(() => readSynthesized(dir))).toBe(`${path.join(dir, "manifest.json")} lists the stack ${JSON.stringify(id)}, which is not a stack id (letters, digits, _ and -). Fix: synthesize again (npm run synth).`);
  });

  test("refuses JSON nested deeper than any synth writes, before anything walks it (it crashed the review)", () => {
    const dir = copyOfBase();
    const json = JSON.parse(fs.readFileSync(file(dir), "utf8")) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const [first] = Object.values(json.resource.okta_app_oauth);
    first.deep = "NEST";
    fs.writeFileSync(file(dir), JSON.stringify(json).replace('"NEST"', "[".repeat(200_000) + "]".repeat(200_000)));
    expect(errorOf(() => readSynthesized(dir))).toBe(`${file(dir)} is nested deeper than 100 levels (synth writes about 8). Fix: synthesize again (npm run synth), or point at a cdktf.out directory.`);
    // A plan too: drift, deploy-check and the review's --plan read one.
    const plan = path.join(dir, "plan.json");
    fs.writeFileSync(plan, `{"format_version":"1.2","x":${"[".repeat(101)}${"]".repeat(101)}}`);
    expect(errorOf(() => readPlan(plan))).toContain(`${plan} is nested deeper than 100 levels (a plan nests about 12).`);
    fs.writeFileSync(plan, `{"format_version":"1.2","x":${"[".repeat(99)}${"]".repeat(99)}}`);
    expect(readPlan(plan).format_version).toBe("1.2");
  });

  test("refuses a plan whose fields are not of Terraform's types, naming the first (drift and deploy-check crashed on each)", () => {
    const cases: [object, string][] = [
      [{ prior_state: { values: { root_module: { resources: 5 } } } }, "prior_state.values.root_module.resources is 5, not a list"],
      [{ prior_state: { values: { root_module: { resources: [null] } } } }, "prior_state.values.root_module.resources[0] is null, not a resource"],
      [{ prior_state: { values: { root_module: { resources: [{ address: "okta_group.a", type: "okta_group", name: "a", values: null }] } } } }, "prior_state.values.root_module.resources[0].values is null, not an object"],
      [{ prior_state: { values: { root_module: { child_modules: [{ resources: [{ address: 1 }] }] } } } }, "prior_state.values.root_module.child_modules[0].resources[0].address is 1, not a string"],
      [{ resource_drift: 5 }, "resource_drift is 5, not a list"],
      [{ resource_drift: [null] }, "resource_drift[0] is null, not a change"],
      [{ resource_changes: [{ address: "okta_group.a", change: { actions: "update" } }] }, 'resource_changes[0].change.actions is "update", not a list of actions'],
      [{ resource_changes: [{ address: "okta_group.a", change: { actions: ["update"], before: 5 } }] }, "resource_changes[0].change.before is 5, not an object"],
    ];
    const plan = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "okta-plan-")), "plan.json");
    for (const [fields, message] of cases) {
      fs.writeFileSync(plan, JSON.stringify({ format_version: "1.2", ...fields }));
      expect(errorOf(() => readPlan(plan))).toBe(`${plan} is not a Terraform plan in JSON: ${message}. Fix: pass the output of \`terraform show -json <planfile>\`.`);
    }
  });

  test("refuses a file larger than any synth or plan writes, before reading it whole (it would exhaust memory)", () => {
    const dir = copyOfBase();
    // Sparse: its size is 300 MB without writing them.
    fs.truncateSync(file(dir), 300 * 1024 * 1024);
    expect(errorOf(() => readSynthesized(dir))).toBe(`${file(dir)} is 300 MB, more than the 256 MB read here (synth writes about 4 MB per 1,000 apps). Fix: synthesize again (npm run synth), or point at a cdktf.out directory.`);
    const plan = path.join(dir, "plan.json");
    fs.writeFileSync(plan, "");
    fs.truncateSync(plan, 300 * 1024 * 1024);
    expect(errorOf(() => readPlan(plan))).toBe(`Cannot read the plan ${plan}: it is 300 MB, more than the 256 MB read here. Fix: pass the JSON of \`terraform show -json <planfile>\`.`);
  });

  test("refuses a guardrails.json whose findings are not findings, naming the first wrong field (they crashed the review)", () => {
    const cases: [unknown[], string][] = [
      [[null], "findings[0] is null, not an object"],
      [["x"], 'findings[0] is "x", not an object'],
      [[{}], "findings[0].rule is missing, not a string"],
    ];
    const report = (dir: string) => path.join(dir, "stacks", "okta-dev", "guardrails.json");
    const valid = (JSON.parse(fs.readFileSync(report(base), "utf8")) as { findings: Record<string, unknown>[] }).findings;
    expect(valid.length).toBeGreaterThan(0);
    cases.push([[valid[0], { ...valid[0], level: "bogus" }], 'findings[1].level is "bogus", not error, warning or info']);
    cases.push([[{ ...valid[0], detail: {} }], "findings[0].detail is {}, not a string"]);
    for (const [findings, message] of cases) {
      const dir = copyOfBase();
      fs.writeFileSync(report(dir), JSON.stringify({ findings }));
      expect(errorOf(() => readSynthesized(dir))).toBe(`${report(dir)} is not a guardrail report: ${message}. Fix: synthesize again (npm run synth).`);
    }
  });

  test("reads only the stacks the manifest lists, never a stale folder", () => {
    const dir = copyOfBase();
    fs.mkdirSync(path.join(dir, "stacks", "okta-qa"));
    fs.writeFileSync(path.join(dir, "stacks", "okta-qa", "cdk.tf.json"), "{}");
    expect([...readSynthesized(dir).keys()]).not.toContain("okta-qa");
    expect([...readSynthesized(dir).keys()].sort()).toEqual(["okta-bootstrap-dev", "okta-bootstrap-prod", "okta-bootstrap-staging", "okta-dev", "okta-prod", "okta-staging"]);
  });
});

describe("review: a change too large for a comment", () => {
  const outOf = (resource: Record<string, Record<string, object>>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-big-review-"));
    fs.mkdirSync(path.join(dir, "stacks", "okta-prod"), { recursive: true });
    fs.writeFileSync(path.join(dir, "stacks", "okta-prod", "cdk.tf.json"), JSON.stringify({ resource }));
    return dir;
  };
  const groups = (n: number, suffix = "") => Object.fromEntries(Array.from({ length: n }, (_, i) => [`g${i}`, { name: `Group ${i}${i < 2100 ? suffix : ""}` }]));

  test("reports a pull request that adds 40,000 resources: the comment fits GitHub, the whole report is written apart", () => {
    // Before, the Markdown's 160,000 lines were appended with push(...lines), one argument per
    // line, and V8 refused the call: "Maximum call stack size exceeded", no report, no gate.
    const added = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`g${i}`, { name: `Group ${i}`, description: `Team ${i}` }]));
    const [baseOut, headOut] = [outOf({}), outOf({ okta_group: added })];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-big-review-"));
    const [out, fullOut] = [path.join(dir, "review.md"), path.join(dir, "review-full.md")];
    expect(runReview({ baseOut, headOut, out, fullOut, json: false, failOnBroadening: [] })).toBe(0);
    const comment = fs.readFileSync(out, "utf8");
    expect(comment.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(comment).toContain("- **okta-prod: +40000 ~0 -0**");
    expect(comment).toContain("open `review-full.md` in the review workflow's `okta-review` artifact");
    const full = fs.readFileSync(fullOut, "utf8");
    expect(full.split("\n").length).toBeGreaterThan(150_000);
    expect(full).toContain("okta_group.g39999");
    expect(full).not.toContain("✂️");
  });

  test("counts a change past the PR plan's 2,000 targets as the full refresh that plan then makes", () => {
    const base = outOf({ okta_group: groups(3000) });
    const cost = (head: string) => stackReview(reviewOf(base, head), "okta-prod").cost.planReads;
    // 100 groups renamed: the PR plan targets (and reads) those 100.
    expect(cost(outOf({ okta_group: { ...groups(3000), ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`g${i}`, { name: `Renamed ${i}` }])) } }))).toBe(100);
    // 2,100 renamed: more than MAX_TARGETS, so every group in state is read.
    expect(cost(outOf({ okta_group: groups(3000, " (renamed)") }))).toBe(3000);
  });

  test("a drift of 3,000 objects fits a GitHub issue: the changed resources are counted, every summary line kept", () => {
    const groups = Array.from({ length: 3000 }, (_, i) => ({ address: `okta_group.g${i}`, mode: "managed", type: "okta_group", name: `g${i}`, values: { id: `00g${i}`, name: `Group ${i}` } }));
    const plan = {
      format_version: "1.2",
      prior_state: { values: { root_module: { resources: groups } } },
      resource_drift: groups.map((g) => ({ ...g, change: { actions: ["update"], before: g.values, after: { ...g.values, name: `${g.values.name} (renamed in Okta)` } } })),
    };
    const report = driftOf("okta-prod", plan);
    const issue = driftMarkdown(report);
    expect(issue.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(issue).toContain("3000 resources changed outside code.");
    expect(issue).toContain("3000 changed, 0 deleted in Okta (listing left out to fit).");
    expect(issue).toContain("For the rest, run `npm run drift` locally on the same plan.");
    expect(driftMarkdown(report, Number.POSITIVE_INFINITY)).toContain('- `okta_group.g2999` `name`: `"Group 2999"` → `"Group 2999 (renamed in Okta)"`');
    const cut = driftMarkdown(report, 220);
    expect(cut.length).toBeLessThanOrEqual(220);
    expect(cut).toContain("## Okta drift: okta-prod");
    expect(cut).toMatch(/> ✂️ Cut at 220 characters: .* For the whole report, run `npm run drift` locally on the same plan\.\n$/);
  });
});

describe("review: temporary files", () => {
  /** Runs `npm run review` (through scripts/run.js) with its own TMPDIR. */
  function review(tmp: string, args: string[]) {
    // Its own process group, which a terminal's Ctrl-C (or a CI runner's cancel) signals as a whole.
    return spawn(process.execPath, [path.join(ROOT, "scripts", "run.js"), "review/review-main", ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: "ignore", detached: true });
  }
  const worktrees = () => require("child_process").execFileSync("git", ["worktree", "list"], { cwd: ROOT, encoding: "utf8" }) as string;

  test("a normal run leaves nothing in the temp dir and no git worktree", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "okta-tmp-"));
    const child = review(tmp, ["--base", "HEAD", "--json"]);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(worktrees()).not.toContain(tmp);
  }, 60_000);

  test.each(["SIGINT", "SIGTERM"] as const)("an interrupted run (%s) removes its worktree and temp dirs", async (signal) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "okta-tmp-"));
    const child = review(tmp, ["--base", "HEAD"]);
    // Interrupt once the base's worktree exists and its synth runs (a process of the group).
    const synthRunning = () => require("child_process").execFileSync("ps", ["-o", "args=", "-g", String(child.pid)], { encoding: "utf8" }).includes("scripts/run.js main");
    for (let i = 0; i < 600 && !(worktrees().includes(tmp) && synthRunning()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(worktrees()).toContain(tmp);
    process.kill(-child.pid!, signal);
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(signal === "SIGINT" ? 130 : 143);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(worktrees()).not.toContain(tmp);
  }, 60_000);
});

describe("review: service apps", () => {
  test("a new service app's own policy is a new grant, but its required EVERYONE is not flagged as broad access", () => {
    const head = synthesizeTo(
      fixtureEnvironments().map((c) =>
        editedConfig(c, (d) => {
          const service = d.apps.find((a) => a.id === "billing-sync");
          d.apps.push({ ...(service as object), id: "ledger-sync", label: "Ledger Sync", rulePriority: 3 } as never);
        }),
      ),
    );
    const prod = stackReview(reviewOf(base, head), "okta-prod");
    expect(prod.access.newMarkers).toEqual([]);
    expect(prod.access.grants.added.map((g) => [g.client, g.grant, g.scope])).toEqual([["Ledger Sync", "client_credentials", "http://myapp.com/scp/gold"]]);
  });
});

describe("review: teams", () => {
  test("groups a change by the team that owns the app, and shows owners in the access view", () => {
    const teamsBase = synthesizeTo(selectEnvironments());
    const head = synthesizeTo(selectEnvironments().map((c) => editedConfig(c, (d) => d.apps.forEach((a) => a.id === "billing" && Object.assign(a, { assignTo: ["goldSubscribers", "silverSubscribers"] })))));
    const prod = stackReview(reviewOf(teamsBase, head), "okta-prod");
    expect(prod.byTeam).toEqual([{ team: "finance", accessAdded: expect.any(Number), accessRemoved: expect.any(Number), resources: 1 }]);
    expect(prod.byTeam[0].accessAdded).toBeGreaterThan(0);
    const markdown = toMarkdown(reviewOf(teamsBase, head));
    expect(markdown).toContain("#### By team");
    expect(markdown).toMatch(/\| finance \| \d+ \| \d+ \| 1 \|/);
    const out: string[] = [];
    runAccess(["okta-prod", "--from", head], (t) => out.push(t));
    expect(out.join("")).toContain("| Billing | finance | silverSubscribers |");
  });

  test("a team file that adds an API, its group, a SPA and a service: every resource and client has its owner", () => {
    const logistics: TeamConfig = {
      name: "logistics",
      codeowners: "@example-org/logistics",
      groups: [{ name: "shippers", description: "Ship things" }],
      apis: { shipping: { name: "Shipping", audience: "api://shipping", tiers: { ship: { scope: "shipping:write", groupName: "shippingUsers", resource: "/ship", priority: 1 } } } },
      apps: [
        { kind: "spa", id: "shipment-tracker", label: "Shipment Tracker", redirectUris: ["https://track.example.com/cb"], baseUris: ["https://track.example.com"], apis: ["shipping"], assignTo: ["shippingUsers"] },
        { kind: "service", id: "label-printer", label: "Label Printer", scopesFrom: { shipping: { tiers: ["ship"], priority: 1 } }, authentication: { method: "private_key_jwt", jwks: [FIXTURE_SERVICE_KEY] } },
      ],
    };
    const withTeam = (c: OrgConfig): OrgConfig => {
      const team = composeTeams([logistics]);
      return { ...c, apps: [...c.apps, ...team.apps!], groups: [...(c.groups ?? []), ...team.groups!], apis: { ...(c.apis ?? {}), ...team.apis } };
    };
    const teamsBase = synthesizeTo(selectEnvironments());
    const head = synthesizeTo(selectEnvironments().map(withTeam));
    const prod = stackReview(reviewOf(teamsBase, head), "okta-prod");
    expect(prod.resources.filter((r) => ownerOf({ ...readSynthesized(head).get("okta-prod")!.owners }, r.path) !== "logistics").map((r) => r.path)).toEqual([]);
    expect(prod.byTeam.map((t) => t.team)).toEqual(["logistics"]);
    expect(prod.byTeam[0].resources).toBe(prod.resources.length);
    expect(prod.access.grants.added.length).toBeGreaterThan(0);
    expect(prod.access.grants.added.filter((g) => g.owner !== "logistics")).toEqual([]);
    const out: string[] = [];
    runAccess(["okta-prod", "--json", "--from", head], (t) => out.push(t));
    const matrix = JSON.parse(out.join("")) as { grants: { owner?: string; client: string }[] };
    // Every client has an owner, the privileged one created by the bootstrap stack included.
    expect(matrix.grants.filter((g) => !g.owner).map((g) => g.client)).toEqual([]);
  });
});

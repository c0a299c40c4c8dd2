import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { TEAMS } from "../config/teams";
import { IDENTITY_TEAM, codeowners } from "../scripts/codeowners";

// The workflows cannot run here (no GitHub, no Okta): they are checked against GitHub's
// schema with action-validator, and their safety properties are asserted on the parsed YAML.
const DIR = path.join(__dirname, "..", ".github", "workflows");
const VALIDATOR = path.join(__dirname, "..", "node_modules", ".bin", "action-validator");

// Parsed YAML is untyped; these tests only index into it.
type Json = Record<string, any>;
const load = (name: string): Json => parse(fs.readFileSync(path.join(DIR, name), "utf8")) as Json;

function validate(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(VALIDATOR, [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe("workflow files", () => {
  test.each(fs.readdirSync(DIR).filter((f) => f.endsWith(".yml")))("%s passes action-validator", (file) => {
    const result = validate(path.join(DIR, file));
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  test("action-validator rejects a broken workflow (so the check above can fail)", () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wf-")), "bad.yml");
    fs.writeFileSync(bad, "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n");
    const result = validate(bad);
    expect(result.ok).toBe(false);
    expect(result.output).toContain("Additional property 'stepz' is not allowed");
  });
});

const WORKFLOWS = fs.readdirSync(DIR).filter((f) => f.endsWith(".yml"));
const text = (name: string) => fs.readFileSync(path.join(DIR, name), "utf8");

/** Every job of every workflow, with its workflow's name. */
const jobs = WORKFLOWS.flatMap((file) => Object.entries(load(file).jobs as Record<string, Json>).map(([id, job]) => ({ file, id, job, wf: load(file) })));
const stepsOf = (job: Json): Json[] => job.steps ?? [];
const runsOf = (job: Json): string => stepsOf(job).map((s) => s.run ?? "").join("\n");
const usesSecrets = (job: Json): boolean => /secrets\./.test(JSON.stringify(job));

describe("workflow hardening (GitHub's Actions hardening guide)", () => {
  test("pins every third-party action to a full commit SHA, with its tag in a comment", () => {
    const refs = WORKFLOWS.flatMap((f) => [...text(f).matchAll(/^\s*(?:-\s*)?uses:\s*([^\s#]+)(\s*#\s*(\S+))?/gm)].map((m) => ({ f, action: m[1], tag: m[3] })));
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs.filter((r) => !r.action.startsWith("./"))) {
      expect({ ...r, pinned: /@[0-9a-f]{40}$/.test(r.action) && /^v\d/.test(r.tag ?? "") }).toEqual({ ...r, pinned: true });
    }
  });

  test("checks out without persisting credentials", () => {
    for (const { file, id, job } of jobs) {
      for (const step of stepsOf(job).filter((s) => String(s.uses).startsWith("actions/checkout@"))) {
        expect({ file, id, persist: step.with?.["persist-credentials"] }).toEqual({ file, id, persist: false });
      }
    }
  });

  test("installs with npm ci --ignore-scripts everywhere", () => {
    for (const { file, id, job } of jobs) {
      for (const line of runsOf(job).split("\n").filter((l) => /npm (ci|install)\b/.test(l))) {
        expect({ file, id, line }).toEqual({ file, id, line: expect.stringContaining("npm ci --ignore-scripts") });
      }
    }
  });

  test("fails a step when any command of a pipe fails (bash with pipefail)", () => {
    for (const { file, id, job, wf } of jobs) {
      for (const step of stepsOf(job).filter((s) => /\|(?!\|)/.test(s.run ?? ""))) {
        // GitHub runs `shell: bash` as bash -e -o pipefail; the default shell has no pipefail.
        const shell = step.shell ?? job.defaults?.run?.shell ?? wf.defaults?.run?.shell;
        expect({ file, id, step: step.name ?? step.run, shell }).toEqual({ file, id, step: step.name ?? step.run, shell: "bash" });
      }
    }
  });
});

describe("no pull request can reach a deploy credential or its own gate", () => {
  const review = load("review.yml");

  test("no job that runs pull-request code can read the deploy identity's secrets", () => {
    // review.yml runs the PR's code; its only secrets are the plan environments' read-only identity.
    expect(Object.keys(review.on)).toEqual(["pull_request"]);
    for (const [id, job] of Object.entries(review.jobs as Record<string, Json>)) {
      if (!usesSecrets(job)) continue;
      expect({ id, environment: job.environment }).toEqual({ id, environment: "okta-${{ matrix.environment }}-plan" });
    }
    expect(review.permissions).toEqual({ contents: "read" });
    // No write to the repository, its pull requests or statuses; id-token only mints the OIDC
    // token the plan job exchanges for the state backend's read role.
    for (const job of Object.values(review.jobs as Record<string, Json>)) {
      const writes = Object.entries(job.permissions ?? {}).filter(([scope, level]) => level === "write" && scope !== "id-token");
      expect(writes).toEqual([]);
    }
  });

  test("the plan identity is read-only: the bootstrap stack grants it only .read scopes and READ_ONLY_ADMIN", () => {
    // Asserted on the synthesized bootstrap stack in okta-bootstrap-stack.test.ts; here: what the plan job uses.
    const plan = review.jobs.plan;
    expect(plan.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    expect(plan.environment).toBe("okta-${{ matrix.environment }}-plan");
    // The PR plan reads only what the change touches (npm run plan, issue 23), never a full refresh.
    expect(runsOf(plan)).toContain('npm run --silent plan -- "okta-${{ matrix.environment }}"');
    expect(runsOf(plan)).not.toMatch(/cdktf diff|--full/);
    // A plan's JSON holds sensitive values in clear: never uploaded.
    expect(JSON.stringify(plan.steps)).not.toMatch(/--json-out|\.json/);
  });

  test("computes the report and the gate with the default branch's code, reading the PR's JSON as data", () => {
    const report = load("review-report.yml");
    expect(report.on).toEqual({ workflow_run: { workflows: ["review"], types: ["completed"] } });
    const job = report.jobs.report;
    const checkout = stepsOf(job).find((s) => String(s.uses).startsWith("actions/checkout@"));
    expect(checkout?.with.ref).toBe("${{ github.event.repository.default_branch }}");
    expect(runsOf(job)).toContain('npm run --silent review -- --base-out cdktf.out --head-out "$RUNNER_TEMP/okta-head/cdktf.out"');
    // The artifact is fetched outside the workspace, after everything trusted is built.
    const steps = stepsOf(job);
    const download = steps.findIndex((s) => String(s.uses).startsWith("actions/download-artifact@"));
    expect(steps[download].with.path).toBe("${{ runner.temp }}/okta-head");
    expect(download).toBeGreaterThan(steps.findIndex((s) => s.run === "npm run synth"));
    // Nothing from the pull request is executed: its artifact is only read.
    expect(runsOf(job)).not.toMatch(/okta-head\/.*\.(js|ts|sh)\b|cd .*okta-head|node .*okta-head/);
    // The comment is cut to fit GitHub; the whole report, which the cut comment points to, is kept.
    expect(runsOf(job)).toContain("--out review.md --full-out review-full.md");
    const upload = steps.find((s) => String(s.uses).startsWith("actions/upload-artifact@"));
    expect(upload?.with.name).toBe("okta-review");
    expect(String(upload?.with.path).split("\n").map((l) => l.trim()).filter(Boolean)).toEqual(["review.md", "review-full.md", "review.json"]);
  });

  test("takes the pull request and commit from GitHub, never from the artifact (issue 19: one PR could set another's gate)", () => {
    const report = load("review-report.yml");
    expect(text("review-report.yml")).not.toContain("pr.json");
    expect(text("review.yml")).not.toContain("pr.json");
    const script: string = stepsOf(report.jobs.report).find((s) => String(s.uses).startsWith("actions/github-script@"))?.with.script;
    // review/gate.ts decides (tested with a fake GitHub in review-gate.test.ts), from the event and review.json.
    expect(script).toContain("require(`${process.env.GITHUB_WORKSPACE}/.build/review/gate.js`)");
    expect(script).toContain("run: context.payload.workflow_run");
    expect(script).toContain("gate: review.gate");
    expect(script).not.toMatch(/PR_NUMBER|HEAD_SHA|issue_number/);
    expect(report.jobs.report.steps.some((s: Json) => JSON.stringify(s.env ?? {}).includes("outputs"))).toBe(false);
  });

  test("re-runs the review when a maintainer adds or removes the approval label", () => {
    expect(review.on.pull_request.types).toEqual(expect.arrayContaining(["labeled", "unlabeled"]));
    expect(load("review-report.yml").env.APPROVAL_LABEL).toBe("okta-access-approved");
  });

  test("validates every stack with the real okta provider, without credentials", () => {
    const job = review.jobs["terraform-validate"];
    expect(runsOf(job)).toContain("terraform init -backend=false -input=false -no-color && terraform validate -no-color");
    expect(usesSecrets(job)).toBe(false);
  });

  test("ships a CODEOWNERS, generated from the teams, covering what judges and deploys changes", () => {
    const owners = fs.readFileSync(path.join(DIR, "..", "CODEOWNERS"), "utf8");
    // npm run codeowners writes it; a stale file fails here (CI).
    expect(owners).toBe(codeowners());
    for (const p of ["/.github/", "/review/", "/guardrails/", "/scripts/", "/terraform/", "/config/"]) {
      expect(owners).toMatch(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+${IDENTITY_TEAM}$`, "m"));
    }
    // Each team owns its own file, after the identity team's lines (the last match wins).
    for (const team of TEAMS) expect(owners).toMatch(new RegExp(`^/${team.file.replace(/[.]/g, "\\.")}\\s+${team.codeowners}$`, "m"));
    expect(owners.lastIndexOf("/config/ ")).toBeLessThan(owners.indexOf(`/${TEAMS[0].file}`));
  });
});

describe("deploy.yml", () => {
  const wf = load("deploy.yml");
  const env = load("deploy-environment.yml");

  test("deploys dev, then staging, then prod, and only from main", () => {
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(Object.keys(wf.jobs)).toEqual(["dev", "staging", "prod"]);
    expect(wf.jobs.staging.needs).toBe("dev");
    expect(wf.jobs.prod.needs).toBe("staging");
    expect(Object.values(wf.jobs).map((j) => (j as Json).with.environment)).toEqual(["dev", "staging", "prod"]);
    // workflow_dispatch can start it from any branch: every job refuses all but main.
    for (const job of Object.values(wf.jobs) as Json[]) expect(job.if).toBe("github.ref == 'refs/heads/main'");
    expect(env.jobs.deploy.if).toBe("github.ref == 'refs/heads/main'");
  });

  test("runs each deploy in its GitHub Environment with one never-cancelled concurrency group per state", () => {
    const job = env.jobs.deploy;
    expect(job.environment).toBe("okta-${{ inputs.environment }}");
    expect(job.concurrency).toEqual({ group: "okta-state-${{ inputs.environment }}", "cancel-in-progress": false });
  });

  test("checks the plan on main's code before applying, and applies exactly the plan it checked (issue 19)", () => {
    const steps = stepsOf(env.jobs.deploy);
    const index = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ""));
    const plan = index(/npm run --silent plan -- "okta-\$\{\{ inputs.environment \}\}" --from cdktf\.out --plan-out deploy\.tfplan --json-out "\$RUNNER_TEMP\/deploy-plan\.json"/);
    const check = index(/npm run --silent deploy-check -- "okta-\$\{\{ inputs.environment \}\}" --plan "\$RUNNER_TEMP\/deploy-plan.json" --gate prod --approved/);
    const apply = index(/^terraform apply -input=false -no-color deploy\.tfplan/);
    expect(plan).toBeGreaterThan(0);
    expect(check).toBeGreaterThan(plan);
    expect(apply).toBeGreaterThan(check);
    // A refused check fails its step (exit 2), so the apply never runs.
    expect(steps[check].run).toContain('exit "$code"');
    expect(steps[apply].if).toBeUndefined();
    expect(steps[check]["continue-on-error"]).toBeUndefined();
    // Approvals: the merged pull request's record (trusted bot comment) or a digest given for this run.
    expect(steps[check].env).toEqual({ APPROVED_ON_PR: "${{ steps.approvals.outputs.digests }}", APPROVED_FOR_RUN: "${{ inputs.approved-digest }}" });
    expect(wf.on.workflow_dispatch.inputs["approved-digest"].type).toBe("string");
    expect(wf.jobs.prod.with["approved-digest"]).toBe("${{ inputs.approved-digest || '' }}");
    expect(text("deploy-environment.yml")).not.toContain("cdktf deploy");
  });

  test("gives the deploy key and the state credentials only to the steps that plan and apply, never to the tests (issue 19)", () => {
    const job = env.jobs.deploy;
    expect(JSON.stringify(job.env)).not.toMatch(/secrets\.|OKTA_API|TF_TOKEN/);
    const steps = stepsOf(job);
    const withSecrets = steps.filter((s) => /secrets\./.test(JSON.stringify(s))).map((s) => s.name);
    expect(withSecrets).toEqual(["Plan okta-${{ inputs.environment }} (saved, to be checked and applied as it is)", "Apply the checked plan to okta-${{ inputs.environment }}"]);
    // The tests and the synth run before any credential is fetched (the AWS step exports them to later steps).
    const test = steps.findIndex((s) => s.run === "npm test");
    const aws = steps.findIndex((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials@"));
    expect(test).toBeGreaterThan(0);
    expect(aws).toBeGreaterThan(test);
    expect(aws).toBeGreaterThan(steps.findIndex((s) => /npm run --silent synth/.test(s.run ?? "")));
  });

  test("authenticates with the OAuth deploy identity's private key, refuses an API token, and gets backend credentials per backend", () => {
    const apply = stepsOf(env.jobs.deploy).find((s) => /^terraform apply/.test(s.run ?? ""))!;
    const vars = apply.env;
    expect(vars.OKTA_API_PRIVATE_KEY).toBe("${{ secrets.OKTA_API_PRIVATE_KEY }}");
    expect(vars.OKTA_API_CLIENT_ID).toBe("${{ secrets.OKTA_API_CLIENT_ID }}");
    expect(Object.keys(vars)).not.toContain("OKTA_API_TOKEN");
    expect(runsOf(env.jobs.deploy)).toContain('if [ -n "${OKTA_API_TOKEN:-}" ]');
    expect(vars.TF_TOKEN_app_terraform_io).toBe("${{ secrets.TF_API_TOKEN }}");
    const aws = stepsOf(env.jobs.deploy).find((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials@"));
    expect(aws?.with["role-to-assume"]).toBe("${{ vars.AWS_DEPLOY_ROLE_ARN }}");
    expect(env.permissions["id-token"]).toBe("write");
  });
});

describe("drift.yml", () => {
  const wf = load("drift.yml");
  const job = wf.jobs.drift;

  test("runs daily per environment with the read-only identity, a refresh-only plan and npm run drift", () => {
    expect(wf.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
    expect(job.strategy.matrix.environment).toEqual(["dev", "staging", "prod"]);
    expect(job.environment).toBe("okta-${{ matrix.environment }}-drift");
    expect(job.if).toBe("github.ref == 'refs/heads/main'");
    expect(runsOf(job)).toContain("terraform plan -refresh-only");
    expect(runsOf(job)).toContain('npm run --silent drift -- "okta-${{ matrix.environment }}" --plan "$RUNNER_TEMP/drift.json" --out "$RUNNER_TEMP/drift.md"');
  });

  test("opens or updates one issue per environment while there is drift, and closes it when it is gone", () => {
    const script: string = stepsOf(job).find((s) => String(s.uses).startsWith("actions/github-script@"))?.with.script;
    expect(script).toContain("Okta drift: ${process.env.STACK}");
    expect(script).toMatch(/issues\.update\([^)]*body/);
    expect(script).toContain("issues.create(");
    expect(script).toContain('state: "closed"');
    expect(job.permissions.issues).toBe("write");
  });
});

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { COMMENT_MARKER } from "../review/markdown";

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

describe("review.yml", () => {
  const wf = load("review.yml");
  const steps: Json[] = wf.jobs.report.steps;
  const run = steps.map((s) => s.run ?? "").join("\n");

  test("runs npm ci, npm test and npm run review on pull requests", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    expect(run).toMatch(/npm ci[\s\S]*npm test[\s\S]*npm run --silent review -- --base "origin\/\$\{\{ github.base_ref \}\}" --out review.md --fail-on-broadening prod/);
  });

  test("updates one sticky comment found by the report's hidden marker", () => {
    const script: string = steps.find((s) => s.uses === "actions/github-script@v7")?.with.script;
    expect(script).toContain(COMMENT_MARKER);
    expect(script).toContain("updateComment");
    expect(script).toContain("createComment");
  });

  test("runs cdktf diff only where credentials exist, never for forks", () => {
    const plan = wf.jobs.plan;
    expect(plan.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    expect(plan.strategy.matrix.environment).toEqual(["dev", "staging", "prod"]);
    const planRun = plan.steps.map((s: Json) => s.run ?? "").join("\n");
    expect(planRun).toContain('npx cdktf diff "okta-${{ matrix.environment }}"');
    expect(plan.steps.some((s: Json) => String(s.uses).startsWith("hashicorp/setup-terraform"))).toBe(true);
    expect(wf.jobs.report.steps.some((s: Json) => /secrets\./.test(JSON.stringify(s)))).toBe(false);
  });
});

describe("deploy.yml", () => {
  const wf = load("deploy.yml");
  const env = load("deploy-environment.yml");

  test("deploys dev, then staging, then prod on push to main", () => {
    expect(wf.on.push.branches).toEqual(["main"]);
    expect(Object.keys(wf.jobs)).toEqual(["dev", "staging", "prod"]);
    expect(wf.jobs.staging.needs).toBe("dev");
    expect(wf.jobs.prod.needs).toBe("staging");
    expect(Object.values(wf.jobs).map((j) => (j as Json).with.environment)).toEqual(["dev", "staging", "prod"]);
  });

  test("runs each deploy in its GitHub Environment with one never-cancelled concurrency group per state", () => {
    const job = env.jobs.deploy;
    expect(job.environment).toBe("okta-${{ inputs.environment }}");
    expect(job.concurrency).toEqual({ group: "okta-state-${{ inputs.environment }}", "cancel-in-progress": false });
    expect(job.steps.map((s: Json) => s.run ?? "").join("\n")).toContain('npx cdktf deploy "okta-${{ inputs.environment }}" --auto-approve');
  });

  test("authenticates with the OAuth service app's private key, not an API token", () => {
    const vars = env.jobs.deploy.env;
    expect(vars.OKTA_API_PRIVATE_KEY).toBe("${{ secrets.OKTA_API_PRIVATE_KEY }}");
    expect(vars.OKTA_API_CLIENT_ID).toBe("${{ secrets.OKTA_API_CLIENT_ID }}");
    expect(Object.keys(vars)).not.toContain("OKTA_API_TOKEN");
  });
});

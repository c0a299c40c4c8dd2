import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OrgConfig } from "../config";
import { fixtureEnvironments } from "./fixture-org";
import { OktaOrgStack } from "../stacks/okta-org-stack";
import { buildOrgApp } from "../stacks/org-app";
import { synthesizeAll } from "../stacks/synthesize";
import { ReviewReport, buildReview } from "../review/review";
import { readSynthesized } from "../review/stack-json";

/**
 * Synthesizes configs for real (constructs, guardrails, cdktf) into a fresh directory and
 * returns it, like `npm run synth` would. `edit` may change the main stacks before synth
 * (escape hatches a pull request might use).
 */
export function synthesizeTo(configs: readonly OrgConfig[] = fixtureEnvironments(), edit?: (stacks: OktaOrgStack[]) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-review-test-"));
  const { app, stacks } = buildOrgApp(configs, { outdir });
  edit?.(stacks);
  synthesizeAll(app);
  return outdir;
}

/** The review of head against base, both synthesized directories. */
export function reviewOf(baseDir: string, headDir: string): ReviewReport {
  return buildReview(readSynthesized(baseDir), readSynthesized(headDir), { base: "main", head: "pr" });
}

/** One stack's review, failing loudly when it is missing. */
export function stackReview(report: ReviewReport, stack: string) {
  const found = report.stacks.find((s) => s.stack === stack);
  if (!found) throw new Error(`no stack ${stack} in the review`);
  return found;
}

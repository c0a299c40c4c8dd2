import * as fs from "fs";
import * as path from "path";
import { OrgConfig } from "../config/types";
import { ErrorEntry, OktaConfigErrors } from "../constructs/validation";
import { forgetTokensSince, tokenMark } from "./cdktf-token-map";
import { buildCheckedOrgApp, checkOrgConfigs, configProblemRenderer } from "./org-app";
import { stableJson } from "./stable-json";
import { SynthError, SynthResult, removeStaleStacks, synthesizeAll } from "./synthesize";
import { appendAll } from "../constructs/append-all";

interface Manifest {
  readonly version: string;
  readonly stacks: Record<string, unknown>;
}

/**
 * What `npm run synth` runs: every environment's stacks, as buildOrgApp and synthesizeAll would
 * make them in one app, but built, checked and written one environment at a time into a
 * private folder, so only one environment's constructs are alive at once. In one app every
 * environment's constructs stayed alive until cdktf wrote the last stack: at 10,000 apps × 3
 * that was 855 MB, and each environment cost 7.6 s against 6.4 s alone (docs/performance.md).
 * As before, every problem of every environment is reported in one run, and nothing reaches
 * `outdir` unless every environment passed; the manifest lists every stack, as cdktf writes it.
 */
export function synthesizeOrg(configs: readonly OrgConfig[], options: { readonly outdir?: string } = {}): SynthResult & { readonly outdir: string } {
  const render = configProblemRenderer(configs);
  checkOrgConfigs(configs, render);
  // Where cdktf's App would write (the CLI passes CDKTF_OUTDIR).
  const outdir = path.resolve(options.outdir ?? process.env.CDKTF_OUTDIR ?? "cdktf.out");
  fs.mkdirSync(outdir, { recursive: true });
  // Inside outdir (git-ignored, and on the same file system for the moves below).
  const staging = fs.mkdtempSync(path.join(outdir, ".staging-"));
  try {
    const configProblems: ErrorEntry[] = [];
    const constructFailures: string[] = [];
    const jsonFailures: string[] = [];
    const written: { dir: string; result: SynthResult }[] = [];
    configs.forEach((config, i) => {
      const dir = path.join(staging, String(i));
      const mark = tokenMark();
      try {
        written.push({ dir, result: synthesizeAll(buildCheckedOrgApp([config], { outdir: dir }, render).app) });
      } catch (error) {
        if (error instanceof OktaConfigErrors) appendAll(configProblems, error.entries);
        else if (error instanceof SynthError) appendAll(error.constructs ? constructFailures : jsonFailures, error.failures);
        else throw error;
      } finally {
        // Else cdktf's token map would keep this environment's constructs alive (cdktf-token-map.ts).
        forgetTokensSince(mark);
      }
    });
    // The order one app reports in: config problems alone, then construct problems alone.
    if (configProblems.length) throw new OktaConfigErrors(configProblems, render);
    if (constructFailures.length || jsonFailures.length) throw new SynthError(constructFailures.length ? constructFailures : jsonFailures, constructFailures.length > 0);
    return { outdir, ...publish(outdir, written) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves every environment's stacks into outdir, writes one manifest of them all, and removes stacks no longer synthesized. */
function publish(outdir: string, written: readonly { dir: string; result: SynthResult }[]): SynthResult {
  const manifests = written.map(({ dir }) => JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest);
  const stacksDir = path.join(outdir, "stacks");
  fs.mkdirSync(stacksDir, { recursive: true });
  const ids: string[] = [];
  written.forEach(({ dir }, i) => {
    for (const id of Object.keys(manifests[i].stacks)) {
      fs.rmSync(path.join(stacksDir, id), { recursive: true, force: true });
      fs.renameSync(path.join(dir, "stacks", id), path.join(stacksDir, id));
      ids.push(id);
    }
  });
  const manifest: Manifest = { version: manifests[0]?.version ?? "", stacks: Object.assign({}, ...manifests.map((m) => m.stacks)) };
  fs.writeFileSync(path.join(outdir, "manifest.json"), stableJson(manifest));
  removeStaleStacks(outdir, ids);
  // In one app's order: every main stack, then every bootstrap stack.
  const bootstrapLast = <T>(items: readonly T[], stackOf: (item: T) => string) => [false, true].flatMap((last) => items.filter((item) => stackOf(item).startsWith("okta-bootstrap-") === last));
  const results = written.map((w) => w.result);
  const files = results.flatMap((r) => r.files.map((f) => path.join(stacksDir, path.basename(path.dirname(f)), "cdk.tf.json")));
  return {
    files: bootstrapLast(files, (f) => path.basename(path.dirname(f))),
    reports: bootstrapLast(results.flatMap((r) => r.reports), (r) => r.stack),
  };
}

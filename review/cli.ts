import * as fs from "fs";
import { readSynthesized } from "./stack-json";
import { toMarkdown } from "./markdown";
import { Gate, buildReview, gateOf, withPlans } from "./review";
import { planOf, readPlan, stackOfPlan } from "./plan";
import { defaultBase, describeRef, synthesizeRevision, synthesizeWorkingTree } from "./synth";
import { cleanupTemp } from "./temp";
import { Args } from "./args";

const USAGE = `Usage: npm run review -- [--base <git ref> | --base-out <dir>] [--head-out <dir>] [--plan [<stack>=]<file>]... [--out <file>] [--full-out <file>] [--json] [--json-out <file>] [--fail-on-broadening <env>[,<env>]]

  --base <ref>          compare against this revision (default: the merge base with main)
  --base-out <dir>      compare against an already synthesized cdktf.out directory instead
  --head-out <dir>      use this cdktf.out as the head instead of synthesizing the working tree
  --plan [<stack>=]<f>  add a real plan (\`terraform show -json\` of the stack's plan file): its create,
                        update, replace and delete per resource, next to the access diff; the stack
                        is recognised by its resource addresses unless named; repeat per stack
  --out <file>          write the report there instead of stdout (cut to fit a GitHub comment)
  --full-out <file>     also write the whole Markdown report there, never cut (the review workflow
                        keeps it as review-full.md in its okta-review artifact)
  --json                machine-readable report instead of Markdown
  --json-out <file>     also write the machine-readable report there (one synth for both)
  --fail-on-broadening  exit 2 when, in one of these environments (e.g. prod), access broadens or an app,
                        server, group, policy or rule is destroyed or replaced (an outage); the report
                        then carries the gate's digest, which an approval covers`;

export interface ReviewOptions {
  readonly base?: string;
  readonly baseOut?: string;
  readonly headOut?: string;
  readonly out?: string;
  readonly json: boolean;
  readonly jsonOut?: string;
  /** The whole Markdown report, never cut to fit a comment. */
  readonly fullOut?: string;
  readonly failOnBroadening: readonly string[];
  /** Plans to attach: a file, optionally with the stack it is of. */
  readonly plans?: readonly { readonly stack?: string; readonly file: string }[];
  /** --help: print the usage and exit 0. */
  readonly help?: boolean;
}

const ENVIRONMENT_NAMES = ["dev", "staging", "prod"];

/** `prod` or `okta-prod` → prod; anything else is an error, never a gate that silently never fires. */
function gatedEnvironments(value: string): string[] {
  return value.split(",").map((e) => e.trim()).filter(Boolean).map((e) => {
    const env = e.replace(/^okta-/, "");
    if (!ENVIRONMENT_NAMES.includes(env)) {
      throw new Error(`--fail-on-broadening names ${JSON.stringify(e)}, which is not an environment. Fix: use some of ${ENVIRONMENT_NAMES.join(", ")} (or okta-<env>), comma-separated.\n\n${USAGE}`);
    }
    return env;
  });
}

export function parseArgs(argv: readonly string[]): ReviewOptions {
  const opts: { -readonly [K in keyof ReviewOptions]: ReviewOptions[K] } = { json: false, failOnBroadening: [] };
  const args = new Args(argv, USAGE);
  for (let arg = args.next(); arg !== undefined; arg = args.next()) {
    const value = () => args.value(arg!);
    switch (arg) {
      case "--base": opts.base = value(); break;
      case "--base-out": opts.baseOut = value(); break;
      case "--head-out": opts.headOut = value(); break;
      case "--out": opts.out = value(); break;
      case "--json": opts.json = true; break;
      case "--json-out": opts.jsonOut = value(); break;
      case "--full-out": opts.fullOut = value(); break;
      case "--plan": {
        const v = value();
        const m = /^(okta-[a-z0-9-]+)=(.+)$/.exec(v);
        opts.plans = [...(opts.plans ?? []), m ? { stack: m[1], file: m[2] } : { file: v }];
        break;
      }
      case "--fail-on-broadening": opts.failOnBroadening = gatedEnvironments(value()); break;
      case "--help": case "-h": opts.help = true; break;
      default: throw new Error(`Unknown argument ${JSON.stringify(arg)}.\n\n${USAGE}`);
    }
  }
  if (opts.base && opts.baseOut) throw new Error(`Give --base or --base-out, not both.\n\n${USAGE}`);
  return opts;
}

/** Runs the review; returns the process exit code. */
export function runReview(opts: ReviewOptions, write: (text: string) => void = (t) => process.stdout.write(t)): number {
  if (opts.help) {
    write(`${USAGE}\n`);
    return 0;
  }
  try {
    return review(opts, write);
  } finally {
    cleanupTemp();
  }
}

function review(opts: ReviewOptions, write: (text: string) => void): number {
  const base = opts.baseOut ? undefined : opts.base ? { ref: opts.base, label: describeRef(opts.base) } : defaultBase();
  const baseDir = opts.baseOut ?? synthesizeRevision(base!.ref);
  const headDir = opts.headOut ?? synthesizeWorkingTree();
  const head = readSynthesized(headDir);
  const plans = (opts.plans ?? []).map(({ stack, file }) => {
    const json = readPlan(file);
    const id = stack ?? stackOfPlan(file, json, head);
    const synthesized = head.get(id);
    if (!synthesized) throw new Error(`--plan names ${id}, which the head does not have. Fix: use one of ${[...head.keys()].join(", ")}.`);
    return [id, planOf(file, json, synthesized)] as const;
  });
  const report = withPlans(
    buildReview(readSynthesized(baseDir), head, {
      base: base ? base.label : opts.baseOut!,
      head: opts.headOut ?? "working tree",
    }),
    new Map(plans),
  );
  const gate: Gate | undefined = opts.failOnBroadening.length ? gateOf(report.stacks, opts.failOnBroadening) : undefined;
  const json = JSON.stringify(gate ? { ...report, gate } : report, null, 2) + "\n";
  const text = opts.json ? json : toMarkdown(report, undefined, gate);
  if (opts.jsonOut) fs.writeFileSync(opts.jsonOut, json);
  if (opts.fullOut) fs.writeFileSync(opts.fullOut, toMarkdown(report, Number.POSITIVE_INFINITY, gate));
  if (opts.out) fs.writeFileSync(opts.out, text);
  else write(text);
  if (gate?.items.length) {
    const broad = report.broadeningIn.filter((env) => gate.environments.includes(env));
    const outages = report.outagesIn.filter((env) => gate.environments.includes(env));
    const what = [broad.length ? `access broadens in ${broad.join(", ")}` : "", outages.length ? `apps, servers, groups, policies or rules are destroyed or replaced in ${outages.join(", ")}` : ""].filter(Boolean).join("; ");
    process.stderr.write(`Needs approval (--fail-on-broadening): ${what}. A reviewer with rights to approve it must look at the report; the approval covers gate digest ${gate.digest}.\n`);
    return 2;
  }
  return 0;
}


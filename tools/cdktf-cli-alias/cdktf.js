#!/usr/bin/env node
// `npx cdktf …` runs CDK Terrain's CLI (cdktn-cli, a drop-in rename of cdktf-cli that reads the
// same cdktf.json and cdktf.out and needs no native pseudo-terminal module), the version the
// project pins. README, "cdktf status". For the daily loop it also:
// - adds --no-color when output is not a terminal (a log or CI), so no escape codes land there;
// - synthesizes only the environments of the stacks named (`cdktf diff okta-dev` → dev), so
//   the run prints that environment's guardrail findings and nothing of staging or prod;
// - tells the app that the CLI prints each finding (as a construct annotation), so the app
//   prints only its summary line per stack.
"use strict";
const path = require("path");

const STACK_COMMANDS = new Set(["diff", "plan", "deploy", "apply", "destroy", "output", "outputs", "watch", "synth", "synthesize"]);

/** Options of the CLI that take a value in the next argument. */
const VALUE_OPTIONS = new Set(["--output", "-o", "--app", "-a", "--var", "--var-file", "--parallelism", "--outputs-file", "--target", "--log-level", "--migrate-state"]);

/** The environments named by stack arguments (okta-dev, okta-bootstrap-dev), or undefined. */
function environmentsOf(args) {
  const command = args.find((a) => !a.startsWith("-"));
  if (!STACK_COMMANDS.has(command)) return undefined;
  const stacks = args.slice(args.indexOf(command) + 1).filter((a, i, rest) => !a.startsWith("-") && !(i > 0 && VALUE_OPTIONS.has(rest[i - 1])));
  const envs = stacks.map((s) => /^okta-(?:bootstrap-)?([a-z0-9][a-z0-9-]*)$/.exec(s)?.[1]);
  return stacks.length && envs.every(Boolean) ? [...new Set(envs)].join(",") : undefined;
}

const args = process.argv.slice(2);
if (!process.stdout.isTTY && !args.includes("--no-color") && args.some((a) => STACK_COMMANDS.has(a))) process.argv.push("--no-color");
const envs = environmentsOf(args);
if (envs && !process.env.OKTA_ENVIRONMENTS) process.env.OKTA_ENVIRONMENTS = envs;
process.env.OKTA_FINDINGS_BY_CLI = "1";
const project = path.resolve(__dirname, "..", "..");
// Node's on-disk cache of compiled code (Node >= 22.1), in the folder `npm run synth` keeps its
// own (.build/, git-ignored): the CLI is one large bundle Node compiled afresh on every
// command, about 0.7 s of CPU each. NODE_COMPILE_CACHE chooses another folder,
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
require("module").enableCompileCache?.(process.env.NODE_COMPILE_CACHE || path.join(project, ".build", "compile-cache"));
const pkg = require.resolve("cdktn-cli/package.json", { paths: [process.cwd(), project] });
require(path.join(path.dirname(pkg), "bundle", "bin", "cdktn.js"));

import { App, DISABLE_STACK_TRACE_IN_METADATA } from "cdktf";
import { OrgConfig } from "../config/types";
import { validateOrgConfig } from "../config/validate";
import { isEnvironmentName } from "../constructs/environment";
import { ErrorEntry, OktaConfigErrors, collectConfigErrors } from "../constructs/validation";
import { renderProblems } from "./config-errors";
import { configFor } from "../config";
import { OktaBootstrapStack } from "./okta-bootstrap-stack";
import { OktaOrgStack } from "./okta-org-stack";

export interface OrgAppOptions {
  /** Where cdktf writes. @default - cdktf's own choice (CDKTF_OUTDIR or cdktf.out) */
  readonly outdir?: string;
}

export interface OrgApp {
  readonly app: App;
  /** One main stack per environment (okta-<env>). */
  readonly stacks: OktaOrgStack[];
  /** One bootstrap stack per environment (okta-bootstrap-<env>), built after its main stack is complete. */
  readonly bootstrapStacks: OktaBootstrapStack[];
}

/**
 * Builds the cdktf App with a main and a bootstrap stack per environment config. Every config
 * is first checked against the schema of its TypeScript type (config/validate.ts), then every
 * environment is built even when an earlier one fails, so one run lists every problem of every
 * environment; nothing is built when any config is malformed.
 */
export function buildOrgApp(configs: readonly OrgConfig[], options: OrgAppOptions = {}): OrgApp {
  const render = configProblemRenderer(configs);
  checkOrgConfigs(configs, render);
  return buildCheckedOrgApp(configs, options, render);
}

/**
 * How config problems of these configs are printed: placed at file and line for the configs
 * config/ exports as they are, the same problem in several environments once.
 */
export function configProblemRenderer(configs: readonly OrgConfig[]): (entries: readonly ErrorEntry[]) => string {
  const fromFiles = new Set(configs.filter((c) => isEnvironmentName(c?.environment) && configFor(c.environment) === c).map((c) => c.environment as string));
  return (entries) => renderProblems(entries, (env) => env !== undefined && fromFiles.has(env));
}

/** Checks every config against its schema, and that no environment is configured twice; throws every problem at once. */
export function checkOrgConfigs(configs: readonly OrgConfig[], render = configProblemRenderer(configs)): void {
  const sections: ErrorEntry[] = [];
  const seen = new Set<string>();
  configs.forEach((config, i) => {
    const env = (config as { environment?: unknown })?.environment;
    const label = isEnvironmentName(env) ? `okta-${env} config` : `config[${i}]`;
    const problems = validateOrgConfig(config, label);
    if (isEnvironmentName(env) && seen.has(env)) problems.push({ path: `${label}.environment`, what: "is configured twice", value: env, fix: "give each environment one config." });
    if (isEnvironmentName(env)) seen.add(env);
    for (const { path, ...problem } of problems) sections.push({ kind: "config", path, problem });
  });
  if (sections.length) throw new OktaConfigErrors(sections, render);
}

/** buildOrgApp for configs checkOrgConfigs has passed. */
export function buildCheckedOrgApp(configs: readonly OrgConfig[], options: OrgAppOptions, render = configProblemRenderer(configs)): OrgApp {
  const sections: ErrorEntry[] = [];
  // Each guardrail finding is an annotation, and cdktf captured a stack trace for each (a tenth
  // of a second per thousand apps): it only ever pointed into guardrails/index.ts.
  const app = new App({ outdir: options.outdir, skipValidation: false, context: { [DISABLE_STACK_TRACE_IN_METADATA]: true } });
  const mains = new Map<OrgConfig, OktaOrgStack>();
  for (const config of configs) collectConfigErrors(sections, () => mains.set(config, new OktaOrgStack(app, config)));
  const bootstrapStacks: OktaBootstrapStack[] = [];
  // After every main stack: each bootstrap stack derives its scopes from a finished main stack.
  for (const [config, main] of mains) collectConfigErrors(sections, () => bootstrapStacks.push(new OktaBootstrapStack(app, config, main)));
  const stacks = [...mains.values()];
  if (sections.length) throw new OktaConfigErrors(sections, render);
  return { app, stacks, bootstrapStacks };
}

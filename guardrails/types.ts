import { EnvironmentName } from "../constructs/environment";

export type Level = "error" | "warning" | "info";

/** A synthesized Terraform block as Terraform will receive it (snake_case, tokens resolved). */
export interface ResourceView {
  /** Terraform type, e.g. `okta_app_oauth`; the provider block is `provider.okta`. */
  readonly type: string;
  /** Terraform logical id. */
  readonly id: string;
  /** Construct path, e.g. `okta-prod/portal/App`. */
  readonly path: string;
  readonly attrs: Readonly<Record<string, unknown>>;
}

/** What a rule may look at besides the resource itself. */
export interface RuleContext {
  readonly environment: EnvironmentName;
  /** Every resource (and the provider block) of the stack. */
  readonly resources: readonly ResourceView[];
  /** okta_auth_server audiences of every stack in the app, by construct path. */
  readonly audiencesInApp: ReadonlyMap<string, readonly string[]>;
  /** okta.* scopes automation may hold (OKTA-18). */
  readonly allowedOktaApiScopes: readonly string[];
  /** Environment variables at synth time (OKTA-18 looks for an API token). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** App resources marked sensitive (a sensitive tier's, or by config), by construct path → why (OKTA-22, OKTA-23). @default - none */
  readonly sensitiveApps?: ReadonlyMap<string, string>;
}

/** One violation a rule found; `level` overrides the rule's level for this environment. */
export interface Hit {
  readonly detail: string;
  readonly level?: Level;
}

/** A guardrail rule: one small pure function over one resource. */
export interface Rule {
  /** Stable id, e.g. `OKTA-05`. Never reused for another meaning. */
  readonly id: string;
  /** One line: what the rule forbids. */
  readonly title: string;
  /** Why it matters, for the reviewer. */
  readonly why: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** Where the requirement comes from. */
  readonly source: string;
  /** Level per environment. */
  readonly levels: Readonly<Record<EnvironmentName, Level>>;
  /** Environments where a suppression is ignored, and why. */
  readonly unsuppressible?: { readonly in: readonly EnvironmentName[]; readonly why: string };
  /** Resource types the rule looks at. */
  readonly appliesTo: readonly string[];
  readonly check: (resource: ResourceView, context: RuleContext) => Hit[];
}

export interface Finding {
  readonly rule: string;
  readonly title: string;
  readonly level: Level;
  readonly resourceType: string;
  readonly resource: string;
  readonly path: string;
  readonly detail: string;
  readonly fix: string;
  readonly source: string;
  /** Set when a suppression silenced the finding. */
  readonly suppressed?: { readonly reason: string; readonly at: string };
  /** Set when a suppression was ignored (rule not suppressible here). */
  readonly suppressionIgnored?: string;
}

/** Levels in dev/staging/prod order, for compact rule tables. */
export function levels(dev: Level, staging: Level, prod: Level): Record<EnvironmentName, Level> {
  return { dev, staging, prod };
}

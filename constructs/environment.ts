import { IConstruct } from "constructs";

/** The environments an org is deployed to, in promotion order. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

const CONTEXT_KEY = "okta-as-code:environment";

export function isEnvironmentName(value: unknown): value is EnvironmentName {
  return typeof value === "string" && (ENVIRONMENTS as readonly string[]).includes(value);
}

/**
 * Marks a scope (normally a stack) as belonging to one environment. Constructs below it
 * read it to apply per-environment rules (https only outside dev, prevent_destroy and no
 * implicit/password grants in prod).
 */
export function setEnvironment(scope: IConstruct, environment: EnvironmentName): void {
  if (!isEnvironmentName(environment)) {
    throw new Error(
      `${scope.node.path}: unknown environment ${JSON.stringify(environment)}. ` +
        `Fix: use one of ${ENVIRONMENTS.join(", ")}.`,
    );
  }
  scope.node.setContext(CONTEXT_KEY, environment);
}

/**
 * The environment a construct lives in. There is deliberately no default: guessing "dev"
 * would silently relax the https and grant rules for a prod stack.
 */
export function environmentOf(scope: IConstruct): EnvironmentName {
  const value = scope.node.tryGetContext(CONTEXT_KEY);
  if (!isEnvironmentName(value)) {
    throw new Error(
      `${scope.node.path}: no Okta environment is set for this construct (got ${JSON.stringify(value)}). ` +
        `Fix: create it inside an OktaOrgStack, or call setEnvironment(stack, "dev" | "staging" | "prod") on its stack.`,
    );
  }
  return value;
}

import { ENVIRONMENTS, EnvironmentName, isEnvironmentName } from "../constructs/environment";
import { dev } from "./dev";
import { prod } from "./prod";
import { staging } from "./staging";
import { OrgConfig } from "./types";

export * from "./types";

const CONFIGS: Record<EnvironmentName, OrgConfig> = { dev, staging, prod };

/** The config of one environment; a clear error for a name that is not one. */
export function configFor(name: string): OrgConfig {
  if (!isEnvironmentName(name)) {
    throw new Error(`Unknown environment ${JSON.stringify(name)}. Fix: use one of ${ENVIRONMENTS.join(", ")}.`);
  }
  return CONFIGS[name];
}

/**
 * The environments to synthesize: all of them, or a comma-separated list (e.g. from
 * OKTA_ENVIRONMENTS=dev,prod), in promotion order.
 */
export function selectEnvironments(list?: string): OrgConfig[] {
  if (list === undefined || list.trim() === "") return ENVIRONMENTS.map((e) => CONFIGS[e]);
  const names = list.split(",").map((n) => n.trim()).filter(Boolean);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) {
    throw new Error(`OKTA_ENVIRONMENTS names ${[...new Set(twice)].join(", ")} twice: got ${JSON.stringify(list)}. Fix: list each environment once, e.g. dev,prod.`);
  }
  return names.map(configFor);
}

import { exampleOrg } from "./example-org";

/**
 * Prod: https only; Terraform may use at most 30% of the org's rate limit so a deploy never
 * starves real sign-ins.
 */
export const prod = exampleOrg("prod", { maxApiCapacity: 30 });

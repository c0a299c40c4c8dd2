import { OKTA_12, OKTA_13, OKTA_14, OKTA_15, OKTA_16 } from "./rules/auth-server";
import { OKTA_10, OKTA_11, OKTA_18 } from "./rules/clients";
import { OKTA_01, OKTA_02, OKTA_03, OKTA_04, OKTA_08, OKTA_09 } from "./rules/grants";
import { OKTA_05, OKTA_06, OKTA_07, OKTA_17 } from "./rules/redirects";
import { OKTA_19, OKTA_20, OKTA_21, OKTA_22, OKTA_23, OKTA_24 } from "./rules/sign-on";
import { Rule } from "./types";

/** The Okta security pack: RFC 9700, Okta's own guidance and sign-in assurance (OKTA-19..24), in id order. */
export const OKTA_OAUTH_PACK: readonly Rule[] = [
  OKTA_01, OKTA_02, OKTA_03, OKTA_04, OKTA_05, OKTA_06, OKTA_07, OKTA_08, OKTA_09,
  OKTA_10, OKTA_11, OKTA_12, OKTA_13, OKTA_14, OKTA_15, OKTA_16, OKTA_17, OKTA_18,
  OKTA_19, OKTA_20, OKTA_21, OKTA_22, OKTA_23, OKTA_24,
];

/** okta.* scopes automation may hold by default: what this project's stacks manage, plus reads. */
export const DEFAULT_ALLOWED_OKTA_API_SCOPES: readonly string[] = [
  "apps", "groups", "authorizationServers", "trustedOrigins", "policies", "networkZones", "appGrants",
].flatMap((area) => [`okta.${area}.manage`, `okta.${area}.read`]).concat(["okta.users.read"]);

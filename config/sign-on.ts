import { EnvironmentName } from "../constructs/environment";
import { ASSURANCE } from "../constructs/assurance";
import { OrgConfig } from "./types";

/**
 * How people sign in to the example org's apps (authentication policies, docs/authentication-policies.md):
 * - prod: two factors, one a possession factor; apps of the gold tier (sensitive) need a
 *   phishing-resistant factor and are asked again after an hour; the billing console is open
 *   only from the corporate network;
 * - staging: the same rules with plain two factors, so a tester without a security key gets in;
 * - dev: the password alone, from anywhere.
 * Every policy's catch-all denies: each way in is a rule here.
 */
export function signOn(environment: EnvironmentName): Pick<OrgConfig, "networkZones" | "authenticationPolicies" | "defaultAuthenticationPolicy"> {
  const standard = environment === "dev" ? ASSURANCE.passwordOnly : ASSURANCE.passwordAndPossession;
  const sensitive = environment === "prod" ? { ...ASSURANCE.phishingResistant, reauthenticateIn: "PT1H" } : environment === "staging" ? ASSURANCE.passwordAndPossession : ASSURANCE.passwordOnly;
  return {
    networkZones: [
      // The office's egress addresses (documentation ranges, RFC 5737): replace with yours.
      { name: "Corporate network", type: "IP", gateways: ["203.0.113.0/24", "198.51.100.10-198.51.100.20"] },
    ],
    authenticationPolicies: {
      standard: {
        name: "Standard sign-in",
        description: "Everyone signs in with the password and a factor they have",
        rules: [{ name: "Everyone", priority: 1, access: "ALLOW", assurance: standard }],
      },
      sensitive: {
        name: "Sensitive apps",
        description: "Gold-tier apps: a phishing-resistant factor in prod",
        rules: [{ name: "Subscribers", priority: 1, access: "ALLOW", assurance: sensitive }],
      },
      "corporate-only": {
        name: "Corporate network only",
        description: "The billing console: from the corporate network, never from outside",
        rules: [
          environment === "dev"
            ? { name: "Anywhere in dev", priority: 1, access: "ALLOW", assurance: sensitive }
            : { name: "From the office", priority: 1, access: "ALLOW", assurance: sensitive, zones: { in: ["Corporate network"] } },
        ],
      },
    },
    defaultAuthenticationPolicy: "standard",
  };
}

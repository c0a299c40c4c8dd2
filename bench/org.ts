import { AppConfig, OrgConfig } from "../config/types";
import { EXAMPLE_SERVICE_KEY } from "../config/teams/api-center";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "../config/terraform-keys";

/**
 * An org of n apps for the benchmark, spread across SpaApp, WebApp and ServiceApp, each with
 * what it brings in a real org: trusted origins, group assignments, policy rules.
 */
export function benchOrg(n: number): OrgConfig {
  const apps: AppConfig[] = [];
  let servicePriority = 0;
  for (let i = 0; i < n; i++) {
    const host = `https://app${i}.example.com`;
    switch (i % 3) {
      case 0:
        apps.push({ kind: "spa", id: `spa-${i}`, label: `SPA ${i}`, redirectUris: [`${host}/login/callback`], baseUris: [host], assignTo: ["silverSubscribers"], apis: ["apiCenter"] });
        break;
      case 1:
        apps.push({ kind: "web", id: `web-${i}`, label: `Web ${i}`, redirectUris: [`${host}/callback`], assignTo: ["silverSubscribers", "goldSubscribers"], apis: ["apiCenter"], authentication: { method: "private_key_jwt", jwks: [EXAMPLE_SERVICE_KEY] } });
        break;
      default:
        apps.push({ kind: "service", id: `svc-${i}`, label: `Service ${i}`, tiers: ["silver"], rulePriority: ++servicePriority, authentication: { method: "private_key_jwt", jwks: [EXAMPLE_SERVICE_KEY] } });
    }
  }
  return { environment: "staging", apiCenter: { audience: "api://bench" }, apps, bootstrap: { jwks: [TERRAFORM_KEYS.staging], planJwks: [TERRAFORM_PLAN_KEYS.staging] } };
}

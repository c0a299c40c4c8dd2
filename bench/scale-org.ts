import { AppConfig, ApiConfig, AuthenticationPolicyConfig, OrgConfig } from "../config/types";
import { ASSURANCE } from "../constructs/assurance";
import { EnvironmentName } from "../constructs/environment";
import { EXAMPLE_SERVICE_KEY } from "../config/teams/api-center";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "../config/terraform-keys";

/**
 * An org of `teams` teams, `apis` APIs (besides API Center) and `apps` apps, for one
 * environment: each team owns apps of every kind, each user-facing app calls one API (or none),
 * each service requests a tier of one API, every API has two tiers and a groups claim, and
 * every user-facing app has an authentication policy of its own (two rules, one from a zone).
 */
export function scaleOrg(environment: EnvironmentName, teams = 20, apis = 10, apps = 1000, policies = true): OrgConfig {
  const apiConfigs: Record<string, ApiConfig> = {};
  for (let a = 0; a < apis; a++) {
    apiConfigs[`api${a}`] = {
      name: `API ${a}`,
      audience: `api://api${a}-${environment}`,
      tiers: {
        read: { scope: `api${a}:read`, groupName: `api${a}-readers`, resource: `/api${a}`, priority: 1 },
        write: { scope: `api${a}:write`, groupName: `api${a}-writers`, resource: `/api${a}/edit`, priority: 2 },
      },
      claims: [{ name: "api_groups", kind: "groups", filter: { regex: `^api${a}-.*` } }],
    };
  }
  const list: AppConfig[] = [];
  const servicePriority = new Map<string, number>();
  for (let i = 0; i < apps; i++) {
    const owner = `team${i % teams}`;
    const api = `api${i % apis}`;
    const host = `https://app${i}.${environment}.example.com`;
    switch (i % 4) {
      case 0:
        list.push({ kind: "spa", id: `spa-${i}`, owner, label: `SPA ${i}`, redirectUris: [`${host}/cb`], baseUris: [host], assignTo: [`${api}-readers`], apis: [api] });
        break;
      case 1:
        list.push({ kind: "web", id: `web-${i}`, owner, label: `Web ${i}`, redirectUris: [`${host}/cb`], assignTo: [`${api}-readers`, `${api}-writers`], apis: [api], authentication: { method: "private_key_jwt", jwks: [EXAMPLE_SERVICE_KEY] } });
        break;
      case 2: {
        const priority = (servicePriority.get(api) ?? 0) + 1;
        servicePriority.set(api, priority);
        list.push({ kind: "service", id: `svc-${i}`, owner, label: `Service ${i}`, scopesFrom: { [api]: { tiers: ["read"], priority } }, authentication: { method: "private_key_jwt", jwks: [EXAMPLE_SERVICE_KEY] } });
        break;
      }
      default:
        list.push({ kind: "bookmark", id: `bm-${i}`, owner, label: `Bookmark ${i}`, url: host, assignTo: "everyone" });
    }
  }
  const signOn: Record<string, AuthenticationPolicyConfig> = {};
  const withPolicies = list.map((app, i): AppConfig => {
    if (app.kind === "service" || !policies) return app;
    const api = `api${i % apis}`;
    signOn[app.id] = {
      name: `Sign-in ${app.id}`,
      rules: [
        { name: "Writers from the office", priority: 1, access: "ALLOW", assurance: ASSURANCE.phishingResistant, groups: [`${api}-writers`], zones: { in: ["Office"] } },
        { name: "Readers", priority: 2, access: "ALLOW", assurance: ASSURANCE.passwordAndPossession, groups: [`${api}-readers`] },
      ],
    };
    return { ...app, authenticationPolicy: app.id };
  });
  return {
    environment,
    apiCenter: { audience: `api://scale-${environment}` },
    apis: apiConfigs,
    apps: withPolicies,
    ...(policies ? { networkZones: [{ name: "Office", type: "IP" as const, gateways: ["203.0.113.0/24"] }], authenticationPolicies: signOn } : {}),
    bootstrap: { jwks: [TERRAFORM_KEYS[environment]], planJwks: [TERRAFORM_PLAN_KEYS[environment]] },
  };
}

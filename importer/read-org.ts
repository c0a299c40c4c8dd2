import { OktaApiError, OktaClient } from "./okta-client";
import { OktaAccessPolicy, OktaAccessRule, OktaClientRole, OktaNetworkZone, OktaApp, OktaAppGroup, OktaGrant, OktaAuthServer, OktaClaim, OktaGroupObject, OktaGroupRule, OktaPolicy, OktaPolicyRule, OktaScope, OktaTrustedOrigin, OktaUserType, OrgSnapshot, ServerSnapshot } from "./okta-objects";

const PAGE = "limit=200";

/**
 * Reads what the import maps, GET only: apps with their group assignments, groups, group
 * rules, custom authorization servers with scopes, claims, policies and rules, trusted
 * origins, authentication policies with their rules, and network zones. Per-object calls run with the client's concurrency. Secrets Okta may answer (an
 * OIDC app's client_secret, an SWA app's shared password) are dropped as they arrive.
 */
export async function readOrg(client: OktaClient): Promise<OrgSnapshot> {
  const [apps, groups, groupRules, servers, trustedOrigins, policies, zones] = await Promise.all([
    client.list<OktaApp>(`/api/v1/apps?${PAGE}`),
    client.list<OktaGroupObject>(`/api/v1/groups?${PAGE}`),
    client.list<OktaGroupRule>(`/api/v1/groups/rules?${PAGE}`),
    client.list<OktaAuthServer>(`/api/v1/authorizationServers?${PAGE}`),
    client.list<OktaTrustedOrigin>(`/api/v1/trustedOrigins?${PAGE}`),
    client.list<OktaAccessPolicy>("/api/v1/policies?type=ACCESS_POLICY"),
    client.list<OktaNetworkZone>(`/api/v1/zones?${PAGE}`),
  ]);
  checkIds("/api/v1/policies?type=ACCESS_POLICY", policies);
  checkIds("/api/v1/zones", zones);
  checkIds("/api/v1/apps", apps);
  checkIds("/api/v1/groups", groups);
  checkIds("/api/v1/groups/rules", groupRules);
  checkIds("/api/v1/authorizationServers", servers);
  checkIds("/api/v1/trustedOrigins", trustedOrigins);
  const appGroups: Record<string, readonly OktaAppGroup[]> = {};
  await Promise.all(
    apps.map(async (app) => {
      appGroups[app.id] = await client.list<OktaAppGroup>(`/api/v1/apps/${app.id}/groups?${PAGE}`);
      checkIds(`/api/v1/apps/${app.id}/groups`, appGroups[app.id]);
    }),
  );
  // Service apps holding okta.* grants are Terraform's or privileged: the bootstrap stack's, not ours.
  const grants: Record<string, readonly OktaGrant[]> = {};
  await Promise.all(
    apps
      .filter((a) => a.settings?.oauthClient?.application_type === "service")
      .map(async (app) => {
        grants[app.id] = await client.list<OktaGrant>(`/api/v1/apps/${app.id}/grants`);
      }),
  );
  // Their admin roles, so the bootstrap stack can adopt them: unreadable roles (no okta.roles.read)
  // leave the app unadopted, with the reason, never the whole import.
  const clientRoles: Record<string, readonly OktaClientRole[] | string> = {};
  await Promise.all(
    apps
      .filter((a) => (grants[a.id] ?? []).some((g) => g.status !== "REVOKED"))
      .map(async (app) => {
        const clientId = app.credentials?.oauthClient?.client_id ?? app.id;
        try {
          clientRoles[app.id] = await client.list<OktaClientRole>(`/oauth2/v1/clients/${encodeURIComponent(clientId)}/roles`);
        } catch (e) {
          if (!(e instanceof OktaApiError) || e.status === 0) throw e;
          clientRoles[app.id] = e.message;
        }
      }),
  );
  const authServers: ServerSnapshot[] = await Promise.all(servers.map((server) => readServer(client, server)));
  const accessPolicies = await Promise.all(
    policies.map(async (policy) => {
      const rules = await client.list<OktaAccessRule>(`/api/v1/policies/${policy.id}/rules`);
      checkIds(`/api/v1/policies/${policy.id}/rules`, rules);
      return { policy, rules };
    }),
  );
  // User types only when a rule names one (rules hold their ids; config names them): one call,
  // and an org without such rules needs no okta.userTypes.read. Unreadable, those policies stay
  // in Okta with the reason, never the whole import.
  let userTypes: readonly OktaUserType[] | string | undefined;
  if (accessPolicies.some((p) => p.rules.some((r) => (r.conditions?.userType?.include ?? []).length || (r.conditions?.userType?.exclude ?? []).length))) {
    try {
      const list = await client.list<OktaUserType>("/api/v1/meta/types/user");
      checkIds("/api/v1/meta/types/user", list);
      userTypes = list;
    } catch (e) {
      if (!(e instanceof OktaApiError) || e.status === 0) throw e;
      userTypes = e.message;
    }
  }
  return { apps: apps.map(withoutSecrets), appGroups, groups, groupRules, authServers, trustedOrigins, grants, accessPolicies, zones, clientRoles, ...(userTypes !== undefined ? { userTypes } : {}) };
}

async function readServer(client: OktaClient, server: OktaAuthServer): Promise<ServerSnapshot> {
  const base = `/api/v1/authorizationServers/${server.id}`;
  const [scopes, claims, policies] = await Promise.all([
    client.list<OktaScope>(`${base}/scopes`),
    client.list<OktaClaim>(`${base}/claims`),
    client.list<OktaPolicy>(`${base}/policies`),
  ]);
  checkIds(`${base}/scopes`, scopes);
  checkIds(`${base}/claims`, claims);
  checkIds(`${base}/policies`, policies);
  const withRules = await Promise.all(
    policies.map(async (policy) => {
      const rules = await client.list<OktaPolicyRule>(`${base}/policies/${policy.id}/rules`);
      checkIds(`${base}/policies/${policy.id}/rules`, rules);
      return { policy, rules };
    }),
  );
  return { server, scopes, claims, policies: withRules };
}

/** Every object of a list must carry an id, or nothing can be imported from it. */
function checkIds(path: string, items: readonly unknown[]): void {
  const bad = items.findIndex((i) => typeof (i as { id?: unknown })?.id !== "string");
  if (bad >= 0) throw new Error(`GET ${path}: item ${bad} has no id (${JSON.stringify(items[bad])?.slice(0, 80)}). Fix: check --org-url points at an Okta org's management API.`);
}

const SECRET_KEYS = new Set(["client_secret", "password", "sharedPassword", "d", "p", "q", "dp", "dq", "qi"]);

function withoutSecrets<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v) => (SECRET_KEYS.has(key) ? undefined : v)) as T;
}

/**
 * What Terraform's own identities need in an org, derived from the Okta API calls the okta
 * provider makes for the resource and data-source types a stack synthesizes
 * (constructs/okta-api-operations.ts): the okta.* scopes of those calls, and the narrowest
 * standard admin roles that allow them. A type without an entry fails synth, so a new kind of
 * resource cannot ship without someone deciding (and reviewing) the access it needs.
 */
import { OKTA_API_OPERATIONS } from "./okta-api-operations";
import { ownEntry } from "./own-entry";

/** Okta's standard admin role types (okta_app_oauth_role_assignment.type). */
export type AdminRole = "READ_ONLY_ADMIN" | "APP_ADMIN" | "API_ACCESS_MANAGEMENT_ADMIN" | "USER_ADMIN" | "ORG_ADMIN" | "SUPER_ADMIN";

/**
 * The narrowest standard role whose permissions include each scope's calls (Okta's standard
 * admin role tables). Read scopes get READ_ONLY_ADMIN unless a role held anyway covers them.
 * Granting okta.* scopes to apps and assigning admin roles are Super Admin acts in Okta
 * ("Only the Super Admin role has permissions to grant scopes to an app").
 */
const SCOPE_ROLE: Readonly<Record<string, AdminRole>> = {
  "okta.apps.manage": "APP_ADMIN",
  "okta.apps.read": "READ_ONLY_ADMIN",
  "okta.authorizationServers.manage": "API_ACCESS_MANAGEMENT_ADMIN",
  "okta.authorizationServers.read": "READ_ONLY_ADMIN",
  "okta.groups.manage": "USER_ADMIN",
  "okta.groups.read": "READ_ONLY_ADMIN",
  "okta.users.read": "READ_ONLY_ADMIN",
  // Security › API settings: Okta's role tables give no narrower standard role than org admin.
  "okta.trustedOrigins.manage": "ORG_ADMIN",
  "okta.trustedOrigins.read": "READ_ONLY_ADMIN",
  "okta.policies.manage": "ORG_ADMIN",
  "okta.policies.read": "READ_ONLY_ADMIN",
  // Security › Networks: as policies, no narrower standard role than org admin.
  "okta.networkZones.manage": "ORG_ADMIN",
  "okta.networkZones.read": "READ_ONLY_ADMIN",
  "okta.appGrants.manage": "SUPER_ADMIN",
  "okta.appGrants.read": "READ_ONLY_ADMIN",
  "okta.roles.manage": "SUPER_ADMIN",
  "okta.roles.read": "READ_ONLY_ADMIN",
  "okta.userTypes.read": "READ_ONLY_ADMIN",
};

/**
 * What `npm run import` reads with the plan identity besides what plans read: every app,
 * group, authorization server and trusted origin, and each service app's okta.* grants
 * (GET /api/v1/apps/{id}/grants), which tell privileged identities apart. All reads, so the
 * plan identity stays read-only.
 */
export const IMPORT_READ_SCOPES: readonly string[] = ["okta.appGrants.read", "okta.apps.read", "okta.authorizationServers.read", "okta.groups.read", "okta.networkZones.read", "okta.policies.read", "okta.roles.read", "okta.trustedOrigins.read", "okta.userTypes.read"];

/** Which scopes each role's permissions cover, to drop a role another one already implies. */
function covers(role: AdminRole, scope: string): boolean {
  const area = scope.replace(/^okta\.|\.(read|manage)$/g, "");
  const read = scope.endsWith(".read");
  switch (role) {
    case "SUPER_ADMIN":
      return true;
    case "ORG_ADMIN":
      // Counted only for what Okta's tables clearly give org admins; apps and authorization
      // servers keep their own narrower roles, so removing trusted origins cannot widen them.
      return area !== "appGrants" && area !== "roles" && (read || ["groups", "users", "trustedOrigins", "policies", "networkZones"].includes(area));
    case "READ_ONLY_ADMIN":
      return read;
    case "APP_ADMIN":
      return area === "apps";
    case "API_ACCESS_MANAGEMENT_ADMIN":
      return area === "authorizationServers";
    case "USER_ADMIN":
      return area === "groups" || area === "users";
  }
}

export interface ManagementAccess {
  /** Sorted okta.* scopes every call of a plan and an apply needs (read-after-write included). */
  readonly scopes: readonly string[];
  /** The narrowest sorted set of admin roles that covers `scopes`. */
  readonly roles: readonly AdminRole[];
  /** Sorted okta.* scopes a plan (refresh) needs: only reads. */
  readonly planScopes: readonly string[];
  /** Which types' calls asked for each scope (for the README and reviews). */
  readonly scopeSources: Readonly<Record<string, readonly string[]>>;
  /** Types with no entry in the table: synth must fail on these. */
  readonly unknownTypes: readonly string[];
}

/** Derives the access a stack's resource and data-source types need. Pure. */
export function managementAccessFor(types: { readonly resources: Iterable<string>; readonly dataSources: Iterable<string> }): ManagementAccess {
  const sources = new Map<string, Set<string>>();
  const plan = new Set<string>();
  const unknown: string[] = [];
  const keys = [...new Set(types.resources), ...[...new Set(types.dataSources)].map((t) => `data.${t}`)];
  for (const key of keys) {
    const ops = ownEntry(OKTA_API_OPERATIONS, key);
    if (!ops) {
      unknown.push(key);
      continue;
    }
    for (const [, scope] of ops.plan) plan.add(scope);
    for (const [, scope] of [...ops.plan, ...ops.apply]) sources.set(scope, (sources.get(scope) ?? new Set()).add(key));
  }
  const scopes = [...sources.keys()].sort();
  return {
    scopes,
    roles: rolesFor(scopes),
    planScopes: [...plan].sort(),
    scopeSources: Object.fromEntries(scopes.map((s) => [s, [...sources.get(s)!].sort()])),
    unknownTypes: unknown.sort(),
  };
}

/**
 * The narrowest standard roles whose permissions cover the scopes: each scope's own role,
 * then any role whose scopes another chosen role already covers is dropped (ORG_ADMIN covers
 * USER_ADMIN's groups and every read).
 */
export function rolesFor(scopes: readonly string[]): AdminRole[] {
  const byRole = new Map<AdminRole, string[]>();
  for (const scope of scopes) {
    const role = ownEntry(SCOPE_ROLE, scope);
    if (!role) throw new Error(`No admin role is known for ${scope}. Fix: add it to SCOPE_ROLE in constructs/management-access.ts.`);
    byRole.set(role, [...(byRole.get(role) ?? []), scope]);
  }
  // Narrow roles first, so a narrow role is dropped in favour of a broad one held anyway.
  const order: AdminRole[] = ["READ_ONLY_ADMIN", "USER_ADMIN", "APP_ADMIN", "API_ACCESS_MANAGEMENT_ADMIN", "ORG_ADMIN", "SUPER_ADMIN"];
  const kept = new Set(byRole.keys());
  for (const role of order) {
    if (!kept.has(role)) continue;
    const others = [...kept].filter((r) => r !== role);
    if (byRole.get(role)!.every((scope) => others.some((other) => covers(other, scope)))) kept.delete(role);
  }
  return [...kept].sort();
}

/** Whether a scope is a known Okta management scope (okta.<area>.read|manage). */
export function isKnownOktaScope(scope: string): boolean {
  return scope in SCOPE_ROLE;
}

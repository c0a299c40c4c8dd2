/**
 * What Terraform's own identity needs in an org: the okta.* management scopes (OAuth for
 * Okta's API, seed 004) and the admin roles, derived from the resource types a stack
 * synthesizes. The tables are the whole truth: a type not listed here fails synth, so adding
 * a new kind of resource forces someone to decide (and review) the access it needs.
 */

/** Okta's standard admin role types (okta_app_oauth_role_assignment.type). */
export type AdminRole = "APP_ADMIN" | "API_ACCESS_MANAGEMENT_ADMIN" | "USER_ADMIN" | "ORG_ADMIN";

interface Access {
  /** The okta.* scope the provider's API calls for this type need. */
  readonly scope?: string;
  /** The narrowest standard admin role that may make those calls. */
  readonly role?: AdminRole;
}

const APPS: Access = { scope: "okta.apps.manage", role: "APP_ADMIN" };
// Authorization servers and everything under /api/v1/authorizationServers (scopes, claims,
// policies and their rules) are one API area with one scope; okta.policies.manage is for
// org policies (okta_policy_*), which live elsewhere.
const AUTH_SERVERS: Access = { scope: "okta.authorizationServers.manage", role: "API_ACCESS_MANAGEMENT_ADMIN" };
const ORG_POLICIES: Access = { scope: "okta.policies.manage", role: "ORG_ADMIN" };

/** Terraform resource type → what managing it takes. */
export const RESOURCE_ACCESS: Readonly<Record<string, Access>> = {
  okta_app_oauth: APPS,
  okta_app_saml: APPS,
  okta_app_saml_app_settings: APPS,
  okta_app_swa: APPS,
  okta_app_auto_login: APPS,
  okta_app_bookmark: APPS,
  okta_app_basic_auth: APPS,
  okta_app_three_field: APPS,
  // /api/v1/apps/{id}/groups: an app endpoint.
  okta_app_group_assignment: APPS,
  // Granting okta.* scopes to an app is a grant, with its own scope.
  okta_app_oauth_api_scope: { scope: "okta.appGrants.manage", role: "APP_ADMIN" },
  okta_auth_server: AUTH_SERVERS,
  okta_auth_server_scope: AUTH_SERVERS,
  okta_auth_server_claim: AUTH_SERVERS,
  okta_auth_server_policy: AUTH_SERVERS,
  okta_auth_server_policy_rule: AUTH_SERVERS,
  // Group admins (USER_ADMIN) manage groups; org admins can too.
  okta_group: { scope: "okta.groups.manage", role: "USER_ADMIN" },
  // Security > API settings: Okta's role tables give no narrower standard role than org admin.
  okta_trusted_origin: { scope: "okta.trustedOrigins.manage", role: "ORG_ADMIN" },
  okta_policy_password: ORG_POLICIES,
  okta_policy_rule_password: ORG_POLICIES,
  okta_policy_signon: ORG_POLICIES,
  okta_policy_rule_signon: ORG_POLICIES,
};

/** Data source type → what reading it takes. */
export const DATA_SOURCE_ACCESS: Readonly<Record<string, Access>> = {
  okta_everyone_group: { scope: "okta.groups.read" },
  okta_group: { scope: "okta.groups.read" },
  // /.well-known/okta-organization is public.
  okta_org_metadata: {},
};

/** A role whose rights include another's: granting both would only add noise. */
const ROLE_IMPLIES: Readonly<Partial<Record<AdminRole, readonly AdminRole[]>>> = {
  ORG_ADMIN: ["USER_ADMIN"],
};

export interface ManagementAccess {
  /** Sorted okta.* scopes; a `.read` scope is dropped when its `.manage` is present. */
  readonly scopes: readonly string[];
  /** Sorted admin roles, without those another role in the list already implies. */
  readonly roles: readonly AdminRole[];
  /** Which resource types asked for each scope (for the README and reviews). */
  readonly scopeSources: Readonly<Record<string, readonly string[]>>;
  /** Types with no entry in the tables: synth must fail on these. */
  readonly unknownTypes: readonly string[];
}

/** Derives the access a stack's resource and data source types need. Pure. */
export function managementAccessFor(types: { readonly resources: Iterable<string>; readonly dataSources: Iterable<string> }): ManagementAccess {
  const sources = new Map<string, Set<string>>();
  const roles = new Set<AdminRole>();
  const unknown: string[] = [];
  const use = (access: Access | undefined, label: string) => {
    if (!access) {
      unknown.push(label);
      return;
    }
    if (access.scope) sources.set(access.scope, (sources.get(access.scope) ?? new Set()).add(label));
    if (access.role) roles.add(access.role);
  };
  for (const type of new Set(types.resources)) use(RESOURCE_ACCESS[type], type);
  for (const type of new Set(types.dataSources)) use(DATA_SOURCE_ACCESS[type], `data.${type}`);
  for (const scope of [...sources.keys()]) {
    if (scope.endsWith(".read") && sources.has(scope.replace(/\.read$/, ".manage"))) {
      const manage = sources.get(scope.replace(/\.read$/, ".manage"))!;
      sources.get(scope)!.forEach((s) => manage.add(s));
      sources.delete(scope);
    }
  }
  for (const role of [...roles]) for (const implied of ROLE_IMPLIES[role] ?? []) roles.delete(implied);
  const scopes = [...sources.keys()].sort();
  return {
    scopes,
    roles: [...roles].sort(),
    scopeSources: Object.fromEntries(scopes.map((s) => [s, [...sources.get(s)!].sort()])),
    unknownTypes: unknown.sort(),
  };
}

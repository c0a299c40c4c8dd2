/**
 * The Okta API calls the okta provider 6.12.0 makes per resource and data-source type, and the
 * OAuth scope each call needs: what Terraform's own identities must hold. `plan` is what a
 * refresh reads (the read-only plan identity); `apply` is what create, update and delete add
 * (read-after-write is in `plan` and so needed by apply too).
 *
 * Source: terraform-provider-okta v6.12.0 (okta/services/idaas/resource_*.go, data_source_*.go)
 * mapped to Okta's management OpenAPI spec 2026.06.3 (each operation's oauth2 scope), as
 * tabulated in the team's okta-provider-api-scopes notes (copied 2026-11-27). Calls with no
 * scope are left out: GET /.well-known/okta-organization is public, and the internal
 * groups_claim API is only called with an SSWS API token, never with OAuth.
 *
 * Conditional calls are listed as needed: e.g. every non-service app create or update on an
 * Identity Engine org lists access policies (okta.policies.read) and assigns one (provider
 * #2375), unless skip_authentication_policy is set.
 */
export type ApiOperation = readonly [operation: string, scope: string];

export interface TypeOperations {
  readonly plan: readonly ApiOperation[];
  readonly apply: readonly ApiOperation[];
}

/** Resource type, or `data.<type>` for a data source → the calls the provider makes. */
export const OKTA_API_OPERATIONS: Readonly<Record<string, TypeOperations>> = {
  "okta_app_oauth": {
    plan: [
      ["GET /api/v1/apps/{appId}", "okta.apps.read"],
    ],
    apply: [
      ["POST /api/v1/apps?activate={bool}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/logo", "okta.apps.manage"],
      ["GET /api/v1/policies?type=ACCESS_POLICY", "okta.policies.read"],
      ["PUT /api/v1/apps/{appId}/policies/{policyId}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/deactivate", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/activate", "okta.apps.manage"],
      ["PUT /api/v1/apps/{appId}", "okta.apps.manage"],
      ["DELETE /api/v1/apps/{appId}", "okta.apps.manage"],
    ],
  },
  "okta_app_saml": {
    plan: [
      ["GET /api/v1/apps/{appId}", "okta.apps.read"],
      ["GET /api/v1/apps/{appId}/sso/saml/metadata?kid={kid}", "okta.apps.read"],
      ["GET /api/v1/apps/{appId}/credentials/keys", "okta.apps.read"],
    ],
    apply: [
      ["POST /api/v1/apps?activate={bool}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/credentials/keys/generate?validityYears={n}", "okta.apps.manage"],
      ["PUT /api/v1/apps/{appId}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/logo", "okta.apps.manage"],
      ["GET /api/v1/policies?type=ACCESS_POLICY", "okta.policies.read"],
      ["PUT /api/v1/apps/{appId}/policies/{policyId}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/deactivate", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/activate", "okta.apps.manage"],
      ["DELETE /api/v1/apps/{appId}", "okta.apps.manage"],
    ],
  },
  "okta_app_bookmark": {
    plan: [
      ["GET /api/v1/apps/{appId}", "okta.apps.read"],
    ],
    apply: [
      ["POST /api/v1/apps?activate={bool}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/logo", "okta.apps.manage"],
      ["GET /api/v1/policies?type=ACCESS_POLICY", "okta.policies.read"],
      ["PUT /api/v1/apps/{appId}/policies/{policyId}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/deactivate", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/activate", "okta.apps.manage"],
      ["PUT /api/v1/apps/{appId}", "okta.apps.manage"],
      ["DELETE /api/v1/apps/{appId}", "okta.apps.manage"],
    ],
  },
  "okta_app_swa": {
    plan: [
      ["GET /api/v1/apps/{appId}", "okta.apps.read"],
    ],
    apply: [
      ["POST /api/v1/apps?activate={bool}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/logo", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/deactivate", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/activate", "okta.apps.manage"],
      ["PUT /api/v1/apps/{appId}", "okta.apps.manage"],
      ["DELETE /api/v1/apps/{appId}", "okta.apps.manage"],
    ],
  },
  "okta_app_auto_login": {
    plan: [
      ["GET /api/v1/apps/{appId}", "okta.apps.read"],
    ],
    apply: [
      ["POST /api/v1/apps?activate={bool}", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/logo", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/deactivate", "okta.apps.manage"],
      ["POST /api/v1/apps/{appId}/lifecycle/activate", "okta.apps.manage"],
      ["PUT /api/v1/apps/{appId}", "okta.apps.manage"],
      ["DELETE /api/v1/apps/{appId}", "okta.apps.manage"],
    ],
  },
  "okta_app_group_assignment": {
    plan: [
      ["GET /api/v1/apps/{appId}/groups/{groupId}", "okta.apps.read"],
    ],
    apply: [
      ["PUT /api/v1/apps/{appId}/groups/{groupId}", "okta.apps.manage"],
      ["DELETE /api/v1/apps/{appId}/groups/{groupId}", "okta.apps.manage"],
    ],
  },
  "okta_app_oauth_api_scope": {
    plan: [
      ["GET /api/v1/apps/{appId}/grants", "okta.appGrants.read"],
    ],
    apply: [
      ["POST /api/v1/apps/{appId}/grants", "okta.appGrants.manage"],
      ["DELETE /api/v1/apps/{appId}/grants/{grantId}", "okta.appGrants.manage"],
    ],
  },
  "okta_app_oauth_role_assignment": {
    plan: [
      ["GET /oauth2/v1/clients/{clientId}/roles/{roleAssignmentId}", "okta.roles.read"],
    ],
    apply: [
      ["POST /oauth2/v1/clients/{clientId}/roles", "okta.roles.manage"],
      ["DELETE /oauth2/v1/clients/{clientId}/roles/{roleAssignmentId}", "okta.roles.manage"],
    ],
  },
  "okta_trusted_origin": {
    plan: [
      ["GET /api/v1/trustedOrigins/{trustedOriginId}", "okta.trustedOrigins.read"],
    ],
    apply: [
      ["POST /api/v1/trustedOrigins", "okta.trustedOrigins.manage"],
      ["POST /api/v1/trustedOrigins/{trustedOriginId}/lifecycle/activate", "okta.trustedOrigins.manage"],
      ["POST /api/v1/trustedOrigins/{trustedOriginId}/lifecycle/deactivate", "okta.trustedOrigins.manage"],
      ["PUT /api/v1/trustedOrigins/{trustedOriginId}", "okta.trustedOrigins.manage"],
      ["DELETE /api/v1/trustedOrigins/{trustedOriginId}", "okta.trustedOrigins.manage"],
    ],
  },
  "okta_auth_server": {
    plan: [
      ["GET /api/v1/authorizationServers/{authServerId}", "okta.authorizationServers.read"],
    ],
    apply: [
      ["POST /api/v1/authorizationServers", "okta.authorizationServers.manage"],
      ["PUT /api/v1/authorizationServers/{authServerId}", "okta.authorizationServers.manage"],
      ["POST /api/v1/authorizationServers/{authServerId}/lifecycle/activate", "okta.authorizationServers.manage"],
      ["POST /api/v1/authorizationServers/{authServerId}/lifecycle/deactivate", "okta.authorizationServers.manage"],
      ["DELETE /api/v1/authorizationServers/{authServerId}", "okta.authorizationServers.manage"],
    ],
  },
  "okta_auth_server_scope": {
    plan: [
      ["GET /api/v1/authorizationServers/{authServerId}/scopes/{scopeId}", "okta.authorizationServers.read"],
    ],
    apply: [
      ["POST /api/v1/authorizationServers/{authServerId}/scopes", "okta.authorizationServers.manage"],
      ["PUT /api/v1/authorizationServers/{authServerId}/scopes/{scopeId}", "okta.authorizationServers.manage"],
      ["DELETE /api/v1/authorizationServers/{authServerId}/scopes/{scopeId}", "okta.authorizationServers.manage"],
    ],
  },
  "okta_auth_server_claim": {
    plan: [
      ["GET /api/v1/authorizationServers/{authServerId}/claims/{claimId}", "okta.authorizationServers.read"],
    ],
    apply: [
      ["POST /api/v1/authorizationServers/{authServerId}/claims", "okta.authorizationServers.manage"],
      ["PUT /api/v1/authorizationServers/{authServerId}/claims/{claimId}", "okta.authorizationServers.manage"],
      ["DELETE /api/v1/authorizationServers/{authServerId}/claims/{claimId}", "okta.authorizationServers.manage"],
    ],
  },
  "okta_auth_server_policy": {
    plan: [
      ["GET /api/v1/authorizationServers/{authServerId}/policies/{policyId}", "okta.authorizationServers.read"],
    ],
    apply: [
      ["POST /api/v1/authorizationServers/{authServerId}/policies", "okta.authorizationServers.manage"],
      ["PUT /api/v1/authorizationServers/{authServerId}/policies/{policyId}", "okta.authorizationServers.manage"],
      ["POST /api/v1/authorizationServers/{authServerId}/policies/{policyId}/lifecycle/activate", "okta.authorizationServers.manage"],
      ["POST /api/v1/authorizationServers/{authServerId}/policies/{policyId}/lifecycle/deactivate", "okta.authorizationServers.manage"],
      ["DELETE /api/v1/authorizationServers/{authServerId}/policies/{policyId}", "okta.authorizationServers.manage"],
    ],
  },
  "okta_auth_server_policy_rule": {
    plan: [
      ["GET /api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}", "okta.authorizationServers.read"],
    ],
    apply: [
      ["POST /api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules", "okta.authorizationServers.manage"],
      ["PUT /api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}", "okta.authorizationServers.manage"],
      ["POST /api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}/lifecycle/activate", "okta.authorizationServers.manage"],
      ["POST /api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}/lifecycle/deactivate", "okta.authorizationServers.manage"],
      ["DELETE /api/v1/authorizationServers/{authServerId}/policies/{policyId}/rules/{ruleId}", "okta.authorizationServers.manage"],
    ],
  },
  "okta_group": {
    plan: [
      ["GET /api/v1/groups/{groupId}", "okta.groups.read"],
    ],
    apply: [
      ["POST /api/v1/groups", "okta.groups.manage"],
      ["PUT /api/v1/groups/{groupId}", "okta.groups.manage"],
      ["DELETE /api/v1/groups/{groupId}", "okta.groups.manage"],
    ],
  },
  "okta_group_rule": {
    plan: [
      ["GET /api/v1/groups/rules/{groupRuleId}", "okta.groups.read"],
    ],
    apply: [
      ["POST /api/v1/groups/rules", "okta.groups.manage"],
      ["POST /api/v1/groups/rules/{groupRuleId}/lifecycle/activate", "okta.groups.manage"],
      ["POST /api/v1/groups/rules/{groupRuleId}/lifecycle/deactivate", "okta.groups.manage"],
      ["PUT /api/v1/groups/rules/{groupRuleId}", "okta.groups.manage"],
      ["DELETE /api/v1/groups/rules/{groupRuleId}?removeUsers={bool}", "okta.groups.manage"],
    ],
  },
  "okta_app_signon_policy": {
    plan: [
      ["GET /api/v1/policies/{policyId}", "okta.policies.read"],
      ["GET /api/v1/policies/{policyId}/rules", "okta.policies.read"],
    ],
    apply: [
      ["POST /api/v1/policies", "okta.policies.manage"],
      ["PUT /api/v1/policies/{policyId}/rules/{ruleId}", "okta.policies.manage"],
      ["PUT /api/v1/policies/{policyId}", "okta.policies.manage"],
      // Delete moves every app still on the policy to the org's default policy first (provider
      // resource_okta_app_signon_policy.go Delete): it lists every app and assigns each.
      ["GET /api/v1/policies?type=ACCESS_POLICY", "okta.policies.read"],
      ["GET /api/v1/apps?limit=200", "okta.apps.read"],
      ["PUT /api/v1/apps/{appId}/policies/{policyId}", "okta.apps.manage"],
      ["DELETE /api/v1/policies/{policyId}", "okta.policies.manage"],
    ],
  },
  "okta_app_signon_policy_rule": {
    plan: [
      ["GET /api/v1/policies/{policyId}/rules/{ruleId}", "okta.policies.read"],
    ],
    apply: [
      ["POST /api/v1/policies/{policyId}/rules", "okta.policies.manage"],
      ["PUT /api/v1/policies/{policyId}/rules/{ruleId}", "okta.policies.manage"],
      ["POST /api/v1/policies/{policyId}/rules/{ruleId}/lifecycle/activate", "okta.policies.manage"],
      ["POST /api/v1/policies/{policyId}/rules/{ruleId}/lifecycle/deactivate", "okta.policies.manage"],
      ["DELETE /api/v1/policies/{policyId}/rules/{ruleId}", "okta.policies.manage"],
    ],
  },
  // Not in the copied per-resource table: from the provider source (resource_okta_network_zone.go,
  // resource_okta_app_access_policy_assignment.go) and the Management API spec's scopes for the
  // Network Zone and Application Policies operations.
  "okta_network_zone": {
    plan: [
      ["GET /api/v1/zones/{zoneId}", "okta.networkZones.read"],
    ],
    apply: [
      ["POST /api/v1/zones", "okta.networkZones.manage"],
      ["PUT /api/v1/zones/{zoneId}", "okta.networkZones.manage"],
      ["POST /api/v1/zones/{zoneId}/lifecycle/activate", "okta.networkZones.manage"],
      ["POST /api/v1/zones/{zoneId}/lifecycle/deactivate", "okta.networkZones.manage"],
      ["DELETE /api/v1/zones/{zoneId}", "okta.networkZones.manage"],
    ],
  },
  "okta_app_access_policy_assignment": {
    plan: [
      ["GET /api/v1/apps/{appId}", "okta.apps.read"],
    ],
    apply: [
      ["PUT /api/v1/apps/{appId}/policies/{policyId}", "okta.apps.manage"],
    ],
  },
  "data.okta_org_metadata": {
    plan: [
    ],
    apply: [
    ],
  },
  // Not in the copied per-resource table: the provider's docs (a lookup by name or id) and the
  // recorded traffic of a rule test that reads user types (the list call, GET
  // /api/v1/meta/types/user); the scope is the Management API spec's for User Types.
  "data.okta_user_type": {
    plan: [
      ["GET /api/v1/meta/types/user", "okta.userTypes.read"],
    ],
    apply: [
    ],
  },
  "data.okta_everyone_group": {
    plan: [
      ["GET /api/v1/groups?q=Everyone", "okta.groups.read"],
      ["GET /api/v1/groups/{groupId}/users", "okta.groups.read"],
    ],
    apply: [
    ],
  },
};

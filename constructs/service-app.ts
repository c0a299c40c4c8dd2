import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { AppOauthApiScope } from "@cdktf/provider-okta/lib/app-oauth-api-scope";
import { AppOauthRoleAssignment } from "@cdktf/provider-okta/lib/app-oauth-role-assignment";
import { DataOktaOrgMetadata } from "@cdktf/provider-okta/lib/data-okta-org-metadata";
import { AdminRole, isKnownOktaScope, rolesFor } from "./management-access";
import { ClientAuthentication, OAuthApp } from "./oauth-app";
import { IServiceClient } from "./oauth-client";
import { Problems, isToken } from "./validation";
import { OIDC_USER_SCOPES } from "./vocabulary";

export interface ServiceAppProps {
  /** The app's name in the Admin Console; unique per stack. */
  readonly label: string;
  /**
   * Custom scopes of an authorization server this service requests with client
   * credentials, e.g. `http://myapp.com/scp/silver`. They are granted by the server's
   * policy (`ApiCenterAuthServer.addServiceClient`), not here. Never openid, profile or
   * email: there is no user in this flow (seed 003 f).
   */
  readonly scopes: readonly string[];
  /**
   * Okta management API scopes (`okta.groups.read`, …) granted to the app
   * (okta_app_oauth_api_scope), with the narrowest standard admin role that allows their calls
   * (okta_app_oauth_role_assignment: without a role every call is 403), so automation needs no
   * long-lived API token (seed 004). Okta requires private_key_jwt for these, and only a Super
   * Admin may grant them: such an app belongs in a stack a Super Admin applies
   * (okta-bootstrap-<env>), never in the main stack.
   * @default - none
   */
  readonly oktaApiScopes?: readonly string[];
  /**
   * How the service authenticates at the token endpoint.
   * @default { method: "client_secret_basic" } (seed 003 f); prefer private_key_jwt
   */
  readonly authentication?: ClientAuthentication;
  /**
   * Manage the client secret in Terraform state and expose it as a sensitive output.
   * @default false
   */
  readonly manageClientSecret?: boolean;
  /**
   * A client id chosen in config instead of Okta's generated one, so another stack's policies
   * can name this client without reading this stack's state.
   * @default - Okta generates one
   */
  readonly clientId?: string;
}

const OKTA_API_SCOPE = /^okta\.[A-Za-z]+\.(read|manage)$/;

/**
 * A machine-to-machine client (seed 003 f): a `service` app with client_credentials only.
 */
export class ServiceApp extends OAuthApp implements IServiceClient {
  /** The custom scopes this service requests. */
  readonly scopes: readonly string[];
  /** The okta.* management scope grant, when oktaApiScopes were given. */
  readonly oktaApiScopeGrant?: AppOauthApiScope;
  /** The admin roles its okta.* scopes need. */
  readonly adminRoles: readonly AdminRole[] = [];

  constructor(scope: Construct, id: string, props: ServiceAppProps) {
    const problems = new Problems();
    const authentication = props.authentication ?? { method: "client_secret_basic" };
    if (props.scopes.length === 0 && !props.oktaApiScopes?.length) {
      problems.add("a service app must request at least one scope", props.scopes, "list the custom scopes it needs, e.g. http://myapp.com/scp/silver.");
    }
    for (const requested of props.scopes) {
      if (OIDC_USER_SCOPES.includes(requested) || requested === "offline_access") {
        problems.add(
          `a service app cannot request "${requested}": the client credentials flow has no user, so OpenID Connect scopes and refresh tokens do not apply (seed 003 f)`,
          requested,
          "request only custom scopes of the authorization server.",
        );
      } else if (requested.startsWith("okta.")) {
        problems.add(`"${requested}" is an Okta management scope, not an authorization-server scope`, requested, "move it to oktaApiScopes.");
      }
    }
    for (const apiScope of props.oktaApiScopes ?? []) {
      if (!isToken(apiScope) && (!OKTA_API_SCOPE.test(apiScope) || !isKnownOktaScope(apiScope))) {
        problems.add("oktaApiScopes entry is not an Okta management scope this project knows", apiScope, "use a scope like okta.groups.read or okta.apps.manage (constructs/management-access.ts lists them).");
      }
    }
    const known = (props.oktaApiScopes ?? []).filter((x) => !isToken(x) && isKnownOktaScope(x));
    const superScopes = known.filter((x) => rolesFor([x]).includes("SUPER_ADMIN"));
    if (superScopes.length) {
      problems.add("these okta.* scopes need the Super Admin role, which no app is given here", superScopes, "use narrower scopes; role assignment and scope grants stay with a person who is Super Admin.");
    }
    if (props.oktaApiScopes?.length && authentication.method !== "private_key_jwt") {
      problems.add(
        "an app granted Okta management scopes must authenticate with private_key_jwt",
        authentication.method,
        'set authentication: { method: "private_key_jwt", jwks: [...] } (Okta rejects secrets for its management API).',
      );
    }
    super(scope, id, problems, {
      label: props.label,
      type: "service",
      grantTypes: ["client_credentials"],
      // No /authorize request in this flow, so no response types (and nothing for OKTA-01 to flag).
      responseTypes: [],
      pkceRequired: false,
      authentication: authentication.method,
      jwks: authentication.method === "private_key_jwt" ? authentication.jwks : undefined,
      jwksUri: authentication.method === "private_key_jwt" ? authentication.jwksUri : undefined,
      manageClientSecret: props.manageClientSecret,
      clientId: props.clientId,
    });
    this.scopes = [...props.scopes];
    if (props.oktaApiScopes?.length) {
      this.oktaApiScopeGrant = new AppOauthApiScope(this, "OktaApiScopes", {
        appId: this.appId,
        issuer: orgUrl(this),
        scopes: [...props.oktaApiScopes].sort(),
      });
      this.adminRoles = rolesFor(props.oktaApiScopes);
      for (const role of this.adminRoles) {
        // Without a role the app can call nothing: orgs give service apps no admin role by default.
        new AppOauthRoleAssignment(this, `Role-${role}`, { clientId: this.clientId, type: role });
      }
    }
  }

  /** The config id, which names this client's policy on the servers it calls. */
  get id(): string {
    return this.node.id;
  }
}

const orgMetadata = new WeakMap<TerraformStack, DataOktaOrgMetadata>();

/** The org's URL, read from Okta at plan time so no domain is hard-coded in config. */
function orgUrl(scope: Construct): string {
  const stack = TerraformStack.of(scope);
  let data = orgMetadata.get(stack);
  if (!data) {
    data = new DataOktaOrgMetadata(stack, "OrgMetadata", {});
    orgMetadata.set(stack, data);
  }
  return data.domains.organization;
}

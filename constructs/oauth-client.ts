import { AppAssignment } from "./app-assignments";
import { GrantType, RuleGrantType, USER_RULE_GRANTS } from "./vocabulary";

/**
 * An OAuth client an authorization-server policy can name: an OAuthApp of this stack, or a
 * client created elsewhere and known here by its client id (a privileged service app, which
 * the okta-bootstrap-<env> stack creates because only a Super Admin may grant okta.* scopes).
 */
export interface IOAuthClient {
  /** The client id policies list (a token for apps of this stack, a literal otherwise). */
  readonly clientId: string;
  readonly label: string;
  /** A stable key that orders clients in a policy's list (construct path, or the config id). */
  readonly key: string;
  readonly grantTypes: readonly GrantType[];
  /** Who may sign in; undefined for machine clients, which have no users. */
  readonly assignedTo?: AppAssignment;
}

/** A client_credentials client and the custom scopes it requests. */
export interface IServiceClient extends IOAuthClient {
  /** The config id, which names its policy: changing it replaces the policy. */
  readonly id: string;
  readonly scopes: readonly string[];
}

/** The user grants a client uses, i.e. what its policy's rules must allow. */
export function userRuleGrants(client: IOAuthClient): RuleGrantType[] {
  return USER_RULE_GRANTS.filter((g) => client.grantTypes.includes(g));
}

/** Whether the client asks for refresh tokens (its rules must then allow offline_access). */
export function usesRefreshTokens(client: IOAuthClient): boolean {
  return client.grantTypes.includes("refresh_token");
}

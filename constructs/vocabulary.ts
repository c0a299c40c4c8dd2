/**
 * Okta's fixed vocabularies, as the okta provider 4.20 spells them.
 *
 * These are unions, not free strings, so a typo is a compile error rather than a
 * failure half-way through `terraform apply` (the provider checks almost none of
 * them before it calls the Okta API).
 */

/** `okta_app_oauth.type`. Changing it replaces the app (new client id). */
export type OAuthAppType = "browser" | "web" | "native" | "service";

/** Grant types an app may hold (`okta_app_oauth.grant_types`). */
export type GrantType =
  | "authorization_code"
  | "refresh_token"
  | "client_credentials"
  | "interaction_code"
  | "implicit"
  | "password";

/**
 * Grant types an authorization-server policy rule can allow
 * (`okta_auth_server_policy_rule.grant_type_whitelist`). `refresh_token` is not one:
 * a rule that allows a user grant also governs the refresh tokens it issues.
 */
export type RuleGrantType = Exclude<GrantType, "refresh_token">;

/** `okta_app_oauth.response_types`. */
export type ResponseType = "code" | "token" | "id_token";

/** `okta_app_oauth.token_endpoint_auth_method`. */
export type TokenEndpointAuthMethod =
  | "none"
  | "client_secret_basic"
  | "client_secret_post"
  | "client_secret_jwt"
  | "private_key_jwt";

/** `okta_app_oauth.refresh_token_rotation`. */
export type RefreshTokenRotation = "ROTATE" | "STATIC";

/** `okta_trusted_origin.scopes`. */
export type TrustedOriginScope = "CORS" | "REDIRECT" | "IFRAME_EMBED";

/**
 * Scopes that only make sense with a user present. The client credentials flow has no
 * user, so a service app can never ask for them (seed 003 f, "Creating Custom Scopes").
 */
export const OIDC_USER_SCOPES: readonly string[] = ["openid", "profile", "email", "address", "phone"];

/** The scope that lets a rule issue refresh tokens. */
export const OFFLINE_ACCESS = "offline_access";

/**
 * Grants that carry a user, i.e. the ones a tier rule (matched on the user's groups)
 * governs. client_credentials has no user and is granted by its own rule.
 */
export const USER_RULE_GRANTS: readonly RuleGrantType[] = [
  "authorization_code",
  "interaction_code",
  "implicit",
  "password",
];

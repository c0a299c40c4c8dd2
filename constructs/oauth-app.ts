import { Construct } from "constructs";
import { AppOauth, AppOauthJwks } from "@cdktf/provider-okta/lib/app-oauth";
import { AppGroupAssignment } from "@cdktf/provider-okta/lib/app-group-assignment";
import { AppAssignment, assignGroups, checkAssignment } from "./app-assignments";
import { environmentOf } from "./environment";
import { claimLabel } from "./labels";
import { checkRedirectUri } from "./uri";
import { Problems, checkRange } from "./validation";
import { IOAuthClient } from "./oauth-client";
import { GrantType, OAuthAppType, RefreshTokenRotation, ResponseType, TokenEndpointAuthMethod } from "./vocabulary";

/** A public JSON Web Key (RSA or EC). Never a private key: only public members exist here. */
export interface PublicJwk {
  readonly kid: string;
  readonly kty: "RSA" | "EC";
  /** RSA modulus. */
  readonly n?: string;
  /** RSA exponent. */
  readonly e?: string;
  /** EC x coordinate. */
  readonly x?: string;
  /** EC y coordinate. */
  readonly y?: string;
}

/** How a confidential client authenticates at the token endpoint. */
export type ClientAuthentication =
  | { readonly method: "client_secret_basic" }
  | { readonly method: "private_key_jwt"; readonly jwks?: readonly PublicJwk[]; readonly jwksUri?: string };

/** Everything an app kind decides about its OAuth client; the base applies it. */
export interface OAuthClientSettings {
  readonly label: string;
  readonly type: OAuthAppType;
  readonly grantTypes: readonly GrantType[];
  readonly responseTypes: readonly ResponseType[];
  readonly pkceRequired: boolean;
  readonly authentication: TokenEndpointAuthMethod;
  readonly redirectUris?: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
  readonly allowCustomScheme?: boolean;
  readonly refreshTokenRotation?: RefreshTokenRotation;
  readonly refreshTokenLeewaySeconds?: number;
  readonly jwks?: readonly PublicJwk[];
  readonly jwksUri?: string;
  readonly manageClientSecret?: boolean;
  readonly loginUri?: string;
  /** Who may sign in; undefined for machine clients, which have no users. */
  readonly assignTo?: AppAssignment;
  /**
   * A client id chosen here instead of Okta's generated one, so another stack can name the
   * client without reading this one's state (privileged service apps).
   */
  readonly clientId?: string;
}

/** Grace period Okta's console uses for refresh token rotation (seed 000). */
export const DEFAULT_REFRESH_TOKEN_LEEWAY_SECONDS = 30;

/**
 * Shared base of SpaApp, WebApp, NativeApp and ServiceApp: one okta_app_oauth with every
 * security-relevant attribute set explicitly (the provider sends surprising values for
 * unset ones), plus one group assignment per group.
 */
export abstract class OAuthApp extends Construct implements IOAuthClient {
  /** The OAuth client id (known at apply time). */
  readonly clientId: string;
  /** The Okta app id, for assignments and grants. */
  readonly appId: string;
  readonly label: string;
  readonly appType: OAuthAppType;
  readonly grantTypes: readonly GrantType[];
  /** The client secret, only for apps that opted in to managing it in Terraform state. */
  readonly clientSecret?: string;
  readonly resource: AppOauth;
  readonly assignments: readonly AppGroupAssignment[];
  readonly assignedTo?: AppAssignment;

  protected constructor(scope: Construct, id: string, problems: Problems, settings: OAuthClientSettings) {
    super(scope, id);
    const environment = environmentOf(this);
    const grants = settings.grantTypes;
    claimLabel(problems, this, this.node.path, settings.label);
    for (const [field, uris] of [
      ["redirectUris", settings.redirectUris ?? []],
      ["postLogoutRedirectUris", settings.postLogoutRedirectUris ?? []],
    ] as const) {
      uris.forEach((uri, i) => checkRedirectUri(problems, `${field}[${i}]`, uri, { allowCustomScheme: settings.allowCustomScheme }));
    }
    if (settings.loginUri !== undefined) checkRedirectUri(problems, "loginUri", settings.loginUri);
    if (grants.includes("authorization_code") && (settings.redirectUris ?? []).length === 0) {
      problems.add("an app with the authorization code grant needs at least one redirect URI", [], "list the sign-in redirect URIs (seed 000).");
    }
    for (const risky of ["implicit", "password"] as const) {
      if (grants.includes(risky) && environment === "prod") {
        problems.add(
          `the ${risky} grant is not allowed in prod`,
          risky,
          risky === "implicit"
            ? "use authorization code with PKCE (RFC 9700 §2.1.2); implicit may be declared outside prod only."
            : "use authorization code with PKCE (RFC 9700 §2.4); the password grant may be declared outside prod only.",
        );
      }
    }
    const usesRefresh = grants.includes("refresh_token");
    if (usesRefresh) {
      checkRange(problems, "refreshTokenLeewaySeconds", settings.refreshTokenLeewaySeconds, 0, 60, "Okta's grace period for rotation");
    }
    if (settings.authentication === "private_key_jwt" && !settings.jwks?.length && !settings.jwksUri) {
      problems.add("private_key_jwt needs the client's public keys", settings.jwks, "set jwks (public keys only) or jwksUri.");
    }
    if (settings.jwksUri !== undefined) checkRedirectUri(problems, "jwksUri", settings.jwksUri);
    for (const key of settings.jwks ?? []) {
      if ("d" in key || "p" in key || "q" in key) {
        problems.add("jwks contains private key material", key.kid, "publish only the public key (kty, kid, n/e or x/y); keep the private key out of the repo.");
      }
    }
    if (settings.assignTo !== undefined || settings.type !== "service") checkAssignment(problems, settings.assignTo);
    problems.throwIfAny(this);

    this.label = settings.label;
    this.appType = settings.type;
    this.grantTypes = grants;
    const omitSecret = !settings.manageClientSecret;
    this.resource = new AppOauth(this, "App", {
      label: settings.label,
      type: settings.type,
      // Always explicit: an empty list on a browser app sends every allowed grant.
      grantTypes: [...grants],
      responseTypes: settings.responseTypes.length ? [...settings.responseTypes] : undefined,
      // Always explicit: on update the provider sends false for an unset value.
      pkceRequired: settings.pkceRequired,
      tokenEndpointAuthMethod: settings.authentication,
      redirectUris: settings.redirectUris?.length ? [...settings.redirectUris] : undefined,
      postLogoutRedirectUris: settings.postLogoutRedirectUris?.length ? [...settings.postLogoutRedirectUris] : undefined,
      // Exact redirect matching only (RFC 9700 §2.1).
      wildcardRedirect: settings.type === "service" ? undefined : "DISABLED",
      loginMode: settings.loginUri ? "SPEC" : "DISABLED",
      loginUri: settings.loginUri,
      // The provider defaults hide_web to true: with an initiate-login URI the dashboard tile
      // is the way users start sign-in there, so show it.
      hideWeb: settings.loginUri ? false : undefined,
      clientId: settings.clientId,
      // The provider defaults to STATIC; Okta's own SPA default is ROTATE.
      refreshTokenRotation: usesRefresh ? (settings.refreshTokenRotation ?? "ROTATE") : undefined,
      refreshTokenLeeway: usesRefresh ? (settings.refreshTokenLeewaySeconds ?? DEFAULT_REFRESH_TOKEN_LEEWAY_SECONDS) : undefined,
      jwks: settings.jwks?.map((k): AppOauthJwks => ({ kid: k.kid, kty: k.kty, n: k.n, e: k.e, x: k.x, y: k.y })),
      jwksUri: settings.jwksUri,
      // Keep the secret out of Terraform state unless the app opts in; flipping this later
      // replaces the app (provider #1461), so it is decided once, here.
      omitSecret,
    });
    if (settings.type === "service") {
      // Provider 6.12 skips the access-policy assignment for service apps on create only; on
      // update it lists and assigns one again unless told not to (resource_okta_app_oauth.go).
      // The 4.20 bindings lack the attribute; the 6.12 schema has it (terraform/).
      this.resource.addOverride("skip_authentication_policy", true);
    }
    this.clientId = this.resource.clientId;
    this.assignedTo = settings.assignTo;
    this.appId = this.resource.id;
    if (settings.manageClientSecret) this.clientSecret = this.resource.clientSecret;
    this.assignments = settings.assignTo === undefined ? [] : assignGroups(this, this.appId, settings.assignTo);
  }

  /** Orders clients in a policy's client list. */
  get key(): string {
    return this.node.path;
  }
}

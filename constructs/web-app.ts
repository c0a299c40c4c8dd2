import { Construct } from "constructs";
import { AppAssignment } from "./app-assignments";
import { ClientAuthentication, OAuthApp } from "./oauth-app";
import { Problems } from "./validation";
import { GrantType, ResponseType } from "./vocabulary";

export interface WebAppProps {
  /** The name users see on their dashboard; unique per stack. */
  readonly label: string;
  /** Sign-in redirect URIs, matched exactly. */
  readonly redirectUris: readonly string[];
  /**
   * Where Okta may send the browser after sign-out.
   * @default - none
   */
  readonly postLogoutRedirectUris?: readonly string[];
  /**
   * Initiate login URI (login_mode SPEC).
   * @default - none; login_mode DISABLED
   */
  readonly loginUri?: string;
  /** Who may sign in: "everyone" or a list of groups. */
  readonly assignTo: AppAssignment;
  /**
   * How the server authenticates at the token endpoint. private_key_jwt (asymmetric, RFC
   * 9700 §2.5) is preferred: nothing secret is shared with Okta.
   * @default { method: "client_secret_basic" } (seed 003 b)
   */
  readonly authentication?: ClientAuthentication;
  /**
   * Manage the client secret in Terraform state and expose it as a sensitive output. Off by
   * default: the secret then never enters state (omit_secret). Choose once: changing it
   * later replaces the app and its client id (provider #1461).
   * @default false
   */
  readonly manageClientSecret?: boolean;
  /**
   * Adds the refresh token grant (rotating).
   * @default false
   */
  readonly refreshTokens?: boolean;
  /**
   * Rotation grace period in seconds (0–60), when refreshTokens is on.
   * @default 30
   */
  readonly refreshTokenLeewaySeconds?: number;
  /**
   * Require PKCE even though the app is confidential (RFC 9700 §2.1.1 recommends it:
   * it stops code injection).
   * @default true
   */
  readonly pkceRequired?: boolean;
  /**
   * Adds the Interaction Code grant for the embedded Sign-In Widget (seed 001).
   * @default false
   */
  readonly embeddedWidget?: boolean;
  /**
   * Adds the implicit (hybrid) grant with token and id_token responses (seed 002's original
   * client). Refused in prod; flagged by guardrail OKTA-01.
   * @default false
   */
  readonly allowImplicitGrant?: boolean;
}

/**
 * A server-side web application (seed 003 b): a confidential `web` client using the
 * authorization code flow, authenticating with a client secret or a private key.
 */
export class WebApp extends OAuthApp {
  constructor(scope: Construct, id: string, props: WebAppProps) {
    const authentication = props.authentication ?? { method: "client_secret_basic" };
    const grantTypes: GrantType[] = ["authorization_code"];
    const responseTypes: ResponseType[] = ["code"];
    if (props.refreshTokens) grantTypes.push("refresh_token");
    if (props.embeddedWidget) grantTypes.push("interaction_code");
    if (props.allowImplicitGrant) {
      grantTypes.push("implicit");
      responseTypes.push("token", "id_token");
    }
    super(scope, id, new Problems(), {
      label: props.label,
      type: "web",
      grantTypes,
      responseTypes,
      pkceRequired: props.pkceRequired ?? true,
      authentication: authentication.method,
      jwks: authentication.method === "private_key_jwt" ? authentication.jwks : undefined,
      jwksUri: authentication.method === "private_key_jwt" ? authentication.jwksUri : undefined,
      manageClientSecret: props.manageClientSecret,
      redirectUris: props.redirectUris,
      postLogoutRedirectUris: props.postLogoutRedirectUris,
      loginUri: props.loginUri,
      refreshTokenLeewaySeconds: props.refreshTokenLeewaySeconds,
      assignTo: props.assignTo,
    });
  }
}

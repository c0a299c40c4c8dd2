import { Construct } from "constructs";
import { AppAssignment } from "./app-assignments";
import { OAuthApp } from "./oauth-app";
import { Problems } from "./validation";
import { GrantType } from "./vocabulary";

export interface NativeAppProps {
  /** The name users see on their dashboard; unique per stack. */
  readonly label: string;
  /**
   * Sign-in redirect URIs: a private-use reverse-domain scheme
   * (`com.example.app:/callback`, RFC 8252 §7.1), https, or an http loopback IP
   * (`http://127.0.0.1:7890/callback`, RFC 8252 §7.3).
   */
  readonly redirectUris: readonly string[];
  /**
   * Where Okta may send the app after sign-out.
   * @default - none
   */
  readonly postLogoutRedirectUris?: readonly string[];
  /** Who may sign in: "everyone" or a list of groups. */
  readonly assignTo: AppAssignment;
  /**
   * Adds the refresh token grant (rotating, since the app is a public client).
   * @default false
   */
  readonly refreshTokens?: boolean;
  /**
   * Rotation grace period in seconds (0–60), when refreshTokens is on.
   * @default 30
   */
  readonly refreshTokenLeewaySeconds?: number;
  /**
   * Adds the Interaction Code grant for the embedded Sign-In Widget (seed 001).
   * @default false
   */
  readonly embeddedWidget?: boolean;
  /**
   * Makes this a "trusted application" (seed 003 e): adds the resource owner password grant
   * and, as the seed requires, client authentication with a secret. Refused in prod and
   * flagged by guardrail OKTA-02 everywhere (RFC 9700 §2.4: MUST NOT be used).
   * @default false
   */
  readonly allowPasswordGrant?: boolean;
  /**
   * With allowPasswordGrant: manage the client secret in Terraform state and expose it as a
   * sensitive output, as WebApp can. Choose once: changing it replaces the app (#1461).
   * @default false
   */
  readonly manageClientSecret?: boolean;
}

/**
 * A native or mobile application (seed 003 d): a public `native` client using the
 * authorization code flow with PKCE. The provider accepts the password grant only on native
 * apps, which is why the trusted-app variant lives here.
 */
export class NativeApp extends OAuthApp {
  constructor(scope: Construct, id: string, props: NativeAppProps) {
    const grantTypes: GrantType[] = ["authorization_code"];
    if (props.refreshTokens) grantTypes.push("refresh_token");
    if (props.embeddedWidget) grantTypes.push("interaction_code");
    if (props.allowPasswordGrant) grantTypes.push("password");
    const problems = new Problems();
    if (props.manageClientSecret && !props.allowPasswordGrant) {
      problems.add("manageClientSecret needs a secret: only a trusted app (allowPasswordGrant) has one", props.manageClientSecret, "drop manageClientSecret; a public native app authenticates with PKCE, not a secret.");
    }
    super(scope, id, problems, {
      label: props.label,
      type: "native",
      grantTypes,
      responseTypes: ["code"],
      pkceRequired: true,
      authentication: props.allowPasswordGrant ? "client_secret_basic" : "none",
      redirectUris: props.redirectUris,
      postLogoutRedirectUris: props.postLogoutRedirectUris,
      allowCustomScheme: true,
      refreshTokenRotation: "ROTATE",
      refreshTokenLeewaySeconds: props.refreshTokenLeewaySeconds,
      manageClientSecret: props.manageClientSecret,
      assignTo: props.assignTo,
    });
  }
}

import { Construct } from "constructs";
import { TrustedOrigin } from "@cdktf/provider-okta/lib/trusted-origin";
import { AppAssignment } from "./app-assignments";
import { OAuthApp } from "./oauth-app";
import { TrustedOrigins } from "./trusted-origins";
import { checkOrigin } from "./uri";
import { Problems } from "./validation";
import { GrantType, ResponseType } from "./vocabulary";

export interface SpaAppProps {
  /** The name users see on their dashboard; unique per stack. */
  readonly label: string;
  /** Sign-in redirect URIs, matched exactly (seed 000). */
  readonly redirectUris: readonly string[];
  /**
   * Where Okta may send the browser after sign-out.
   * @default - none
   */
  readonly postLogoutRedirectUris?: readonly string[];
  /**
   * Base URIs (origins) the SPA is served from. Each becomes a trusted origin with CORS and
   * REDIRECT, which the SPA needs to call Okta's APIs from the browser (seed 000, "Enable
   * Trusted Origins").
   */
  readonly baseUris: readonly string[];
  /**
   * Initiate login URI: Okta starts sign-in here, e.g. after a password reset
   * (login_mode SPEC).
   * @default - none; login_mode DISABLED
   */
  readonly loginUri?: string;
  /**
   * Grace period in seconds during which a rotated refresh token still works (0–60).
   * @default 30 (Okta's console default)
   */
  readonly refreshTokenLeewaySeconds?: number;
  /** Who may sign in: "everyone" or a list of groups. */
  readonly assignTo: AppAssignment;
  /**
   * The app signs in through the embedded Sign-In Widget: adds the Interaction Code grant
   * (seed 001). The org setting "Embedded widget sign-in support" must also be on.
   * @default false
   */
  readonly embeddedWidget?: boolean;
  /**
   * Adds the implicit (hybrid) grant with token and id_token responses, as seed 002's
   * original client does. Refused in prod; flagged by guardrail OKTA-01 everywhere.
   * @default false
   */
  readonly allowImplicitGrant?: boolean;
}

/**
 * A single-page application (seed 000): a public `browser` client using authorization code
 * with PKCE and rotating refresh tokens, and trusted origins for its base URIs.
 */
export class SpaApp extends OAuthApp {
  /** The trusted origins this SPA relies on. */
  readonly trustedOrigins: readonly TrustedOrigin[];

  constructor(scope: Construct, id: string, props: SpaAppProps) {
    const problems = new Problems();
    props.baseUris.forEach((origin, i) => checkOrigin(problems, `baseUris[${i}]`, origin));
    if (props.baseUris.length === 0) {
      problems.add("a SPA needs at least one base URI", [], "list the origins the SPA is served from, e.g. https://app.example.com.");
    }
    const grantTypes: GrantType[] = ["authorization_code", "refresh_token"];
    const responseTypes: ResponseType[] = ["code"];
    if (props.embeddedWidget) grantTypes.push("interaction_code");
    if (props.allowImplicitGrant) {
      grantTypes.push("implicit");
      responseTypes.push("token", "id_token");
    }
    super(scope, id, problems, {
      label: props.label,
      type: "browser",
      grantTypes,
      responseTypes,
      // A public client cannot keep a secret: PKCE is what binds the code to it (RFC 9700 §2.1.1).
      pkceRequired: true,
      authentication: "none",
      redirectUris: props.redirectUris,
      postLogoutRedirectUris: props.postLogoutRedirectUris,
      loginUri: props.loginUri,
      refreshTokenRotation: "ROTATE",
      refreshTokenLeewaySeconds: props.refreshTokenLeewaySeconds,
      assignTo: props.assignTo,
    });
    const registry = TrustedOrigins.of(this);
    this.trustedOrigins = props.baseUris.map((origin) => registry.trust(origin, ["CORS", "REDIRECT"]));
  }
}

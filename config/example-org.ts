import { EnvironmentName } from "../constructs/environment";
import { PublicJwk } from "../constructs/oauth-app";
import { OrgConfig, ProviderSettings } from "./types";

/** Where each example app is served in one environment. */
export interface ExampleOrgUrls {
  readonly portal: string;
  readonly apiCenterClient: string;
  readonly billing: string;
  readonly widget: string;
}

/**
 * Public half of the example service key, for private_key_jwt. Only public members (kty,
 * kid, n, e): the private key was never committed. Replace it with your service's own key.
 */
export const EXAMPLE_SERVICE_KEY: PublicJwk = {
  kid: "reports-service-2026",
  kty: "RSA",
  e: "AQAB",
  n: "uGxVDgHEQm-BWxblJlrlROMctu3mEOaPyskhjMqIjRQpfeML2gxImjb2l6QHy8a31tF9fWmwRhqeIVa20E62FEsZJ-h2XRg0DhxL6ZIXqTM-pplkJqY0Gih6eJ5mc2Pqb6l6vmHXa7dJv_IDh4YM6Frv_9qDUnJsjHuXCb1Sl2XEH5xOdnE-I1g5NMD5w_7ak311I5xi77auB5bMUImhRJK6H2a5EqTUnYpCKI0HMcQLSe73Obi9HdpaKoecSmLCQzJKvUZC-Vj0FWCgU9uFB5qshpGyRkuEe0-vAbXLAFVUYMMuhBo9S3jfSNgdaZZXr0RN0CCneosPQC3yPdYk0w",
};

/**
 * The example org every environment deploys: the seeds, in their secure form (seed 002's
 * implicit client uses authorization code with PKCE here; see README to declare implicit
 * outside prod). Environments differ only in URLs, audience and provider settings.
 */
export function exampleOrg(environment: EnvironmentName, urls: ExampleOrgUrls, provider?: ProviderSettings): OrgConfig {
  return {
    environment,
    provider,
    apiCenter: {
      name: "API Center",
      audience: `api://api-center-${environment}`,
      // tiers: SEED_002_TIERS by default (silver → /planets, gold → /moons).
    },
    apps: [
      // Seed 000: a single-page app, authorization code + PKCE, rotating refresh tokens.
      {
        kind: "spa",
        id: "portal",
        label: "Customer Portal",
        redirectUris: [`${urls.portal}/login/callback`],
        postLogoutRedirectUris: [`${urls.portal}/`],
        baseUris: [urls.portal],
        loginUri: `${urls.portal}/login`,
        assignTo: "everyone",
      },
      // Seed 002: the API Center client, assigned to the subscriber groups.
      {
        kind: "spa",
        id: "api-center-client",
        label: "API Center Client",
        redirectUris: [`${urls.apiCenterClient}/apigee`],
        baseUris: [urls.apiCenterClient],
        assignTo: ["silverSubscribers", "goldSubscribers"],
      },
      // Seed 003 b: a server-side web app with a confidential client.
      {
        kind: "web",
        id: "billing",
        label: "Billing",
        redirectUris: [`${urls.billing}/authorization-code/callback`],
        postLogoutRedirectUris: [`${urls.billing}/`],
        refreshTokens: true,
        assignTo: ["goldSubscribers"],
      },
      // Seed 003 d: a native app with a private-use redirect scheme.
      {
        kind: "native",
        id: "mobile",
        label: "API Center Mobile",
        redirectUris: ["com.example.apicenter:/callback"],
        postLogoutRedirectUris: ["com.example.apicenter:/logout"],
        refreshTokens: true,
        assignTo: ["silverSubscribers", "goldSubscribers"],
      },
      // Seed 001: an app signing in through the embedded widget (Interaction Code).
      {
        kind: "spa",
        id: "widget-login",
        label: "Embedded Sign-In",
        redirectUris: [`${urls.widget}/login/callback`],
        baseUris: [urls.widget],
        embeddedWidget: true,
        assignTo: ["silverSubscribers"],
      },
      // Seed 003 f + seed 004: a service reading silver data, and groups through the
      // management API, with a private key instead of a long-lived API token.
      {
        kind: "service",
        id: "reports-service",
        label: "Reports Service",
        tiers: ["silver"],
        rulePriority: 1,
        oktaApiScopes: ["okta.groups.read"],
        authentication: { method: "private_key_jwt", jwks: [EXAMPLE_SERVICE_KEY] },
      },
    ],
  };
}

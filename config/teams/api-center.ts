import { EnvironmentName } from "../../constructs/environment";
import { PublicJwk } from "../../constructs/oauth-app";
import { TeamConfig } from "./types";

/** Where the team's apps are served, per environment. */
const URLS: Record<EnvironmentName, { readonly apiCenterClient: string }> = {
  dev: { apiCenterClient: "http://localhost:3090" },
  staging: { apiCenterClient: "https://api-center.staging.example.com" },
  prod: { apiCenterClient: "https://api-center.example.com" },
};

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

/** The team: its name (each app's owner) and who reviews changes to this file. */
export const API_CENTER_TEAM = { name: "api-center", codeowners: "@example-org/api-center" } as const;

export function apiCenterTeam(environment: EnvironmentName): TeamConfig {
  const urls = URLS[environment];
  return {
    ...API_CENTER_TEAM,
    apps: [
      // Seed 002: the API Center client, assigned to the subscriber groups.
      {
        kind: "spa",
        id: "api-center-client",
        label: "API Center Client",
        redirectUris: [`${urls.apiCenterClient}/apigee`],
        apis: ["apiCenter"],
        baseUris: [urls.apiCenterClient],
        assignTo: ["silverSubscribers", "goldSubscribers"],
        // Gold subscribers sign in here: a sensitive tier's app.
        authenticationPolicy: "sensitive",
      },
      // Seed 003 d: a native app with a private-use redirect scheme.
      {
        kind: "native",
        id: "mobile",
        label: "API Center Mobile",
        redirectUris: ["com.example.apicenter:/callback"],
        apis: ["apiCenter"],
        postLogoutRedirectUris: ["com.example.apicenter:/logout"],
        refreshTokens: true,
        assignTo: ["silverSubscribers", "goldSubscribers"],
        authenticationPolicy: "sensitive",
      },
      // Seed 003 f + seed 004: a service reading silver data, and groups through the
      // management API, with a private key instead of a long-lived API token. Its okta.*
      // scopes make it privileged: okta-bootstrap-<env> (applied by a Super Admin) creates it
      // with a fixed client id, which the API Center's policy names.
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

import { EnvironmentName } from "../../constructs/environment";
import { EXAMPLE_SERVICE_KEY } from "../example-org";
import { ExampleOrgUrls } from "../example-org";
import { TeamConfig } from "./types";

/** The team: its name (each app's owner) and who reviews changes to this file. */
export const API_CENTER_TEAM = { name: "api-center", codeowners: "@example-org/api-center" } as const;

export function apiCenterTeam(_environment: EnvironmentName, urls: ExampleOrgUrls): TeamConfig {
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

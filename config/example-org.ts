import { EnvironmentName } from "../constructs/environment";
import { PublicJwk } from "../constructs/oauth-app";
import { OrgConfig, ProviderSettings } from "./types";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "./terraform-keys";

/** Where each example app is served in one environment. */
export interface ExampleOrgUrls {
  readonly portal: string;
  readonly apiCenterClient: string;
  readonly billing: string;
  readonly widget: string;
  /** The expenses tool, a SAML service provider. */
  readonly expenses: string;
  /** The status page the bookmark links to. */
  readonly statusPage: string;
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

/** Public half of the billing sync service's key (private_key_jwt); the private key was never committed. */
export const BILLING_SYNC_KEY: PublicJwk = {
  kid: "billing-sync-2026",
  kty: "RSA",
  e: "AQAB",
  n: "j-8XjChEits9xuaJthP1H2BtyO8bEVgGC47WqeRFsixEjEjkvEkz_wUTjwjDlcJ7ys7V9irRhFsacOUak5KOZueirR75tLOVIagaaPw2w7vqSfchkPnobEVw6pjMZ0-t6Uj_GwxM40awV1iT9nnaXFUG5e9U-vZOy9rugdhlLPAA0oFCEPlt0R3Nxqj_TsTRQvWvyu-ct7Tb87v-SF2_TsoDW0gi8zR2DtdYuvo3xNR-6KtRz_EENDrKi9YwiONuBpH1U0S_o7T79RT-BP_ntXtdNxnE3zKG0i9lNM8SHmx2agcwJ4QiRKaqiFZi40flRhtR-kU3zg5wqSRw-elglQ",
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
    groups: [
      { name: "financeTeam", description: "Finance: signs in to Expenses" },
      { name: "onCallEngineers", description: "On-call rota: PagerDuty and the status page" },
    ],
    // Seed 004: Terraform's own identity, created by okta-bootstrap-<env>.
    bootstrap: { jwks: [TERRAFORM_KEYS[environment]], planJwks: [TERRAFORM_PLAN_KEYS[environment]] },
    apps: [
      // Seed 000: a single-page app, authorization code + PKCE, rotating refresh tokens. It
      // calls no API, so it signs in at the org authorization server: everyone can sign in.
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
        apis: ["apiCenter"],
        baseUris: [urls.apiCenterClient],
        assignTo: ["silverSubscribers", "goldSubscribers"],
      },
      // Seed 003 b: a server-side web app with a confidential client.
      {
        kind: "web",
        id: "billing",
        label: "Billing",
        redirectUris: [`${urls.billing}/authorization-code/callback`],
        apis: ["apiCenter"],
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
        apis: ["apiCenter"],
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
        apis: ["apiCenter"],
        baseUris: [urls.widget],
        embeddedWidget: true,
        assignTo: ["silverSubscribers"],
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
      // Seed 003 f: a second service, on the gold tier. Each service has a policy of its own,
      // so neither can request the other's scope.
      {
        kind: "service",
        id: "billing-sync",
        label: "Billing Sync",
        tiers: ["gold"],
        rulePriority: 2,
        authentication: { method: "private_key_jwt", jwks: [BILLING_SYNC_KEY] },
      },
      // Seed 004: a custom SAML 2.0 integration with a group attribute statement.
      {
        kind: "saml",
        id: "expenses",
        label: "Expenses",
        ssoUrl: `${urls.expenses}/saml/acs`,
        audience: `${urls.expenses}/saml/metadata`,
        nameIdFormat: "emailAddress",
        nameIdTemplate: "${user.email}",
        attributes: [
          { name: "email", values: ["user.email"] },
          { name: "displayName", values: ["user.displayName"] },
        ],
        groupAttribute: { name: "groups", filter: { regex: "^financeTeam$" } },
        assignTo: ["financeTeam"],
      },
      // Seed 004: a prebuilt OIN integration, its settings typed and checked.
      {
        kind: "oin",
        id: "pagerduty",
        label: "PagerDuty",
        catalog: { app: "pagerduty", settings: { subdomain: environment === "prod" ? "example" : `example-${environment}` } },
        assignTo: ["onCallEngineers"],
      },
      // Seed 004: a bookmark tile.
      {
        kind: "bookmark",
        id: "status-page",
        label: "Status Page",
        url: urls.statusPage,
        assignTo: ["onCallEngineers"],
      },
    ],
  };
}

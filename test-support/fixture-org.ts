import { EnvironmentName } from "../constructs/environment";
import { PublicJwk } from "../constructs/oauth-app";
import { OrgConfig, ProviderSettings } from "../config/types";

/**
 * The org that construct, stack, guardrail and review tests build: a frozen copy of the seed
 * example as it stood when the suite was split (2026-11-27), so a team replacing
 * config/example-org.ts with its own org breaks none of those tests. Tests of the org in
 * config/ (environments.snapshot, org-invariants, terraform-stacks) read config/ instead and
 * assert what the config itself implies. Public keys only; their private halves were never kept.
 */

/** Where each fixture app is served in one environment. */
interface FixtureOrgUrls {
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
export const FIXTURE_SERVICE_KEY: PublicJwk = {
  kid: "reports-service-2026",
  kty: "RSA",
  e: "AQAB",
  n: "uGxVDgHEQm-BWxblJlrlROMctu3mEOaPyskhjMqIjRQpfeML2gxImjb2l6QHy8a31tF9fWmwRhqeIVa20E62FEsZJ-h2XRg0DhxL6ZIXqTM-pplkJqY0Gih6eJ5mc2Pqb6l6vmHXa7dJv_IDh4YM6Frv_9qDUnJsjHuXCb1Sl2XEH5xOdnE-I1g5NMD5w_7ak311I5xi77auB5bMUImhRJK6H2a5EqTUnYpCKI0HMcQLSe73Obi9HdpaKoecSmLCQzJKvUZC-Vj0FWCgU9uFB5qshpGyRkuEe0-vAbXLAFVUYMMuhBo9S3jfSNgdaZZXr0RN0CCneosPQC3yPdYk0w",
};

/** Public half of the billing sync service's key (private_key_jwt); the private key was never committed. */
const BILLING_SYNC_KEY: PublicJwk = {
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
function fixtureOrg(environment: EnvironmentName, urls: FixtureOrgUrls, provider?: ProviderSettings): OrgConfig {
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
    bootstrap: { jwks: [FIXTURE_TERRAFORM_KEYS[environment]], planJwks: [FIXTURE_PLAN_KEYS[environment]] },
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
        authentication: { method: "private_key_jwt", jwks: [FIXTURE_SERVICE_KEY] },
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

const FIXTURE_TERRAFORM_KEYS: Record<EnvironmentName, PublicJwk> = {
  dev: {
    kid: "terraform-okta-dev-2026",
    kty: "RSA",
    e: "AQAB",
    n: "rFnB4Qz1v1fFsVTuoHFsxowiCgUjHTjg7Eb6C7nAMwU73Z2EHgW54A5Swp8_C6g3frja0SQcMn2UR1eGyw9uMC_Jpz6Mw1u_2lSH13Pjpi2N1BXFOg4cQjXfnfd8s56m6MEUXVh1zUzdT81jeR24zHkuzKu_HU_-g5rqhf-n2-QwYfU6CdVVx1Y_mzoATn2c0UzSPwM_ICgroTnbCSo9w10PvWfXMmoHw7mlPWdoslkwzDmwPgqLU3KN4EAYhZgPnrDVZyDYQKBnEsxmHw5SqVx7qIMBoIrqp_2SKkR5RE7y9iOd1Ddfbwwil7Re5Pj55KAqt2_PHzow3o6s4ZJBDQ",
  },
  staging: {
    kid: "terraform-okta-staging-2026",
    kty: "RSA",
    e: "AQAB",
    n: "pPoGVCp7vwwSnTiY9ZOfAd5YkPLbLHJAP_eOQ_jKJt3KIHQXnl7-Z_Y3GchejV8f-RIrS03Xoa9RrfX1ZW_UzfzHJrdfGYrJsCfHC86YcFv-aAAhCeHnorZTCOzzjiczaJbqAFaSg7-yvmJvaEUMbj8MiPumnySgIqa-5c8QxwzW-_p9x9CdtVOt9PXHOu5FuyEjwvpKI5uenPq-tAX6pKQnZCzUwu9hTCRkjrfrvUsDF4eWFgLriKQVRZVlaK9_pF_42iaaY2pmk_ipwh6uLCE06pNb3xCWH94CQX7FRsDIC4w_3mQrr1DF7MKGbuS8hP9KeHeBIcxG0aF-yX53VQ",
  },
  prod: {
    kid: "terraform-okta-prod-2026",
    kty: "RSA",
    e: "AQAB",
    n: "t7hVVN-CLM6Gn3_x2JcFEGqDgOdhbx_2UuNJv_p5zHiN2X2Aq7YME4tmvwAbQkv4RoWrz8w9dK6-1khFaFmhLLvDlyHQfBmDt8E4-j7UfU7QAwdrBYvjHOBRhifLzMEF4At25BSkvzEutZfINrp0dwrMmnrvCNrQ_ZbOdh9sbhLaP9plsz51uWh5jN5pFb_JHTu0kHkZxfu3BxlRYcy99vBlKQt6wLqLFUBU-lFkZqnkuve4JOU_ouLmvZNKI_DUU3Vaasocw9-Nsy9hsAuoUy4ZY39Wc7AyoTJg24vVb-4lmSRiP4QII67RdDjljRGc94pd6G1JIUWDGT-M1s0hyw",
  },
};

/**
 * Public halves of Terraform's read-only plan keys, one per environment (the plan identity of
 * okta-bootstrap-<env>). A different key from the deploy key, held only by the
 * okta-<env>-plan GitHub Environment, so a pull request's plan can never use the deploy key.
 */
const FIXTURE_PLAN_KEYS: Record<EnvironmentName, PublicJwk> = {
  dev: {
    kid: "terraform-plan-okta-dev-2026",
    kty: "RSA",
    e: "AQAB",
    n: "qWajuZ2yAIsfxCTiuHRbgxd_Qqb5LkOmBh06BqX-Mz1OOMAJJwvFnAJDGsktSp1ZnTNvMnQaUVzJ2YgTfpUNdnQwp_1d2Xoi37UBFYJ-_8Cy4rwnOdYu9L8hRmPCjrCzYwSoxHc4ANigdsmGpj61lMKt24t6hv0gytq6yKOcsuNlUTBYetqeOsxBCavUMKli3fljCYevcSYdf49c7PU-YdN6VpmCmbWGDnVo8YzZgZ0QOPOOGWcrpI59BNyQaOsGhJ78RHw2XRxW1jAAT8fgSMEv3dXzmSu8_cI-Ptg6gAN_ALnALfcb1vhCKUTzS5TBoniZeAOBSDWVFmCp2YL0Ww",
  },
  staging: {
    kid: "terraform-plan-okta-staging-2026",
    kty: "RSA",
    e: "AQAB",
    n: "re4y3-Vy9hL5-el65MSNjtts1HWmBoV3eULNtufNpjOJmBNzyzQKHEzulUAojJRPJSWtzeMBrObrgehQINtKcvSp831AW7fiHa0QLBI985GaW6yQWe8zmy3mRhDNtuM4THyWkYVzMPsOXb9hpe63grtX3kj5120jdm7AFTSwXoh9AJ5ZGndXYQR9MkpoGUyoMwnC8aoef0OzNQnSGtQFkJbm47NhN9J888sTroiI8eY0jo9V8CWNGtFzaFdCgQpRIQ8HFrffZHLZ1QhCwVMCn_4qKI2nqpQxa_Xz7Cgnosclunm7tJPAmFnvq3KCmq7Y0xus5RkGxpNUozDcOANz7Q",
  },
  prod: {
    kid: "terraform-plan-okta-prod-2026",
    kty: "RSA",
    e: "AQAB",
    n: "kF0doezB3trMGoSnerYtOMVz1dHZs88QmQHsw_kw8-GPWaLa5rqFXATRJSueG7vWmB5sffANXb10IMrOPaDD6vElKyPB_pPI0gCaIf_pwWdTvffaJP6MaI2VwFA7w1UYDlW71VV0bejvmtojPgOqXGT7f_r77U-11ryatSmzs46f1lVlhF9SIrUErbgMyy93vNJbegaTPz7ZT3tw1mTWj5NWVH03XRHtFVyQJiqGAJt0RHu_iWAkvzU5flRb4Cf-lGja6wRyuLSEe6j6hCNS0eZ80BhtdUZNQLM7XO0Ph16dHULTI6xyB4rpae1-3zUI1g3WIxUDv9GlEEhYxQHUZw",
  },
};

const URLS: Record<EnvironmentName, FixtureOrgUrls> = {
  dev: {
    portal: "http://localhost:8080",
    apiCenterClient: "http://localhost:3090",
    billing: "http://localhost:3000",
    widget: "http://localhost:8081",
    expenses: "http://localhost:4000",
    statusPage: "https://status.dev.example.com",
  },
  staging: {
    portal: "https://portal.staging.example.com",
    apiCenterClient: "https://api-center.staging.example.com",
    billing: "https://billing.staging.example.com",
    widget: "https://signin.staging.example.com",
    expenses: "https://expenses.staging.example.com",
    statusPage: "https://status.staging.example.com",
  },
  prod: {
    portal: "https://portal.example.com",
    apiCenterClient: "https://api-center.example.com",
    billing: "https://billing.example.com",
    widget: "https://signin.example.com",
    expenses: "https://expenses.example.com",
    statusPage: "https://status.example.com",
  },
};

const CONFIGS: Record<EnvironmentName, OrgConfig> = {
  dev: fixtureOrg("dev", URLS.dev, { maxApiCapacity: 80 }),
  staging: fixtureOrg("staging", URLS.staging),
  prod: fixtureOrg("prod", URLS.prod, { maxApiCapacity: 30 }),
};

/** The fixture org of one environment. */
export function fixtureConfig(environment: string): OrgConfig {
  const config = CONFIGS[environment as EnvironmentName];
  if (!config) throw new Error(`no fixture environment ${environment}`);
  return config;
}

/** The fixture org of every environment, or of a comma-separated list. */
export function fixtureEnvironments(list?: string): OrgConfig[] {
  const names = list ? list.split(",").map((n) => n.trim()) : ["dev", "staging", "prod"];
  return names.map(fixtureConfig);
}

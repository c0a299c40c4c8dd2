import { EnvironmentName } from "../constructs/environment";
import { PublicJwk } from "../constructs/oauth-app";
import { OrgConfig, ProviderSettings } from "./types";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "./terraform-keys";
import { composeTeams } from "./teams/types";
import { apiCenterTeam } from "./teams/api-center";
import { customerExperienceTeam } from "./teams/customer-experience";
import { financeTeam } from "./teams/finance";

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
    // Each team's apps, groups, APIs and group rules live in config/teams/<team>.ts; .github/CODEOWNERS
    // is generated from them (npm run codeowners).
    ...composeTeams([customerExperienceTeam(environment, urls), apiCenterTeam(environment, urls), financeTeam(environment, urls)]),
    // Seed 004: Terraform's own identity, created by okta-bootstrap-<env>.
    bootstrap: { jwks: [TERRAFORM_KEYS[environment]], planJwks: [TERRAFORM_PLAN_KEYS[environment]] },
  };
}

import { EnvironmentName } from "../constructs/environment";
import { OrgConfig, ProviderSettings } from "./types";
import { TERRAFORM_KEYS, TERRAFORM_PLAN_KEYS } from "./terraform-keys";
import { composeTeams } from "./teams/types";
import { apiCenterTeam } from "./teams/api-center";
import { customerExperienceTeam } from "./teams/customer-experience";
import { financeTeam } from "./teams/finance";
import { signOn } from "./sign-on";

/**
 * The example org every environment deploys: the seeds, in their secure form (seed 002's
 * implicit client uses authorization code with PKCE here; see README to declare implicit
 * outside prod). Environments differ only in URLs, audience and provider settings.
 */
export function exampleOrg(environment: EnvironmentName, provider?: ProviderSettings): OrgConfig {
  return {
    environment,
    provider,
    apiCenter: {
      name: "API Center",
      audience: `api://api-center-${environment}`,
      // tiers: SEED_002_TIERS by default (silver → /planets, gold → /moons).
    },
    // Each team's apps, groups, APIs, group rules and URLs per environment live in
    // config/teams/<team>.ts, which imports nothing from here; .github/CODEOWNERS
    // is generated from them (npm run codeowners).
    ...composeTeams([customerExperienceTeam(environment), apiCenterTeam(environment), financeTeam(environment)]),
    // Who may sign in, and how: network zones and authentication policies (config/sign-on.ts).
    ...signOn(environment),
    // Seed 004: Terraform's own identity, created by okta-bootstrap-<env>.
    bootstrap: { jwks: [TERRAFORM_KEYS[environment]], planJwks: [TERRAFORM_PLAN_KEYS[environment]] },
  };
}

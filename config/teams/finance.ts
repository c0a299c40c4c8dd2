import { EnvironmentName } from "../../constructs/environment";
import { PublicJwk } from "../../constructs/oauth-app";
import { TeamConfig } from "./types";

/** Where the team's apps are served, per environment. */
const URLS: Record<EnvironmentName, { readonly billing: string; readonly payments: string; readonly expenses: string }> = {
  dev: { billing: "http://localhost:3000", payments: "http://localhost:3000", expenses: "http://localhost:4000" },
  staging: { billing: "https://billing.staging.example.com", payments: "https://payments.staging.example.com", expenses: "https://expenses.staging.example.com" },
  prod: { billing: "https://billing.example.com", payments: "https://payments.example.com", expenses: "https://expenses.example.com" },
};

/** Public half of the billing sync service's key (private_key_jwt); the private key was never committed. */
export const BILLING_SYNC_KEY: PublicJwk = {
  kid: "billing-sync-2026",
  kty: "RSA",
  e: "AQAB",
  n: "j-8XjChEits9xuaJthP1H2BtyO8bEVgGC47WqeRFsixEjEjkvEkz_wUTjwjDlcJ7ys7V9irRhFsacOUak5KOZueirR75tLOVIagaaPw2w7vqSfchkPnobEVw6pjMZ0-t6Uj_GwxM40awV1iT9nnaXFUG5e9U-vZOy9rugdhlLPAA0oFCEPlt0R3Nxqj_TsTRQvWvyu-ct7Tb87v-SF2_TsoDW0gi8zR2DtdYuvo3xNR-6KtRz_EENDrKi9YwiONuBpH1U0S_o7T79RT-BP_ntXtdNxnE3zKG0i9lNM8SHmx2agcwJ4QiRKaqiFZi40flRhtR-kU3zg5wqSRw-elglQ",
};

/** Public half of the payments console's key (private_key_jwt); the private key was never committed. */
const PAYMENTS_CONSOLE_KEY: PublicJwk = { kid: "payments-console-2026", kty: "RSA", e: "AQAB", n: "s43I43VlRTKP8o8gcLyCtvadl1aZAE-ILUvavXJQhTk1LFPUbuHgtu5ejZk5GeqlocHu68ozuzy25L6E4cuJrJNsSi-FiZNmNPcYuEcEZve44Jci7TurGL9P7rLY3qz41NKQsaD4T2VLdPgEKha8AuxQh2A5oyMIn6nJEFeVZCKzEvZx4scCgb-MQO20_JqvE1IcjK1F26j1gDLr_LL1CxOoU-AccoxowdRgVnPq3eJX2ULNoIO_BZwMNB7gKMeSGVtmutkqfT2ULiGUeL-jctLTK_bRAPLQC0zWX8E9mvTMkr1HPQ8iS0aFZewKO7MEyrxhU2U6hXMO6PWFEFCctQ" };

/** The team: its name (each app's owner) and who reviews changes to this file. */
export const FINANCE_TEAM = { name: "finance", codeowners: "@example-org/finance" } as const;

export function financeTeam(environment: EnvironmentName): TeamConfig {
  const urls = URLS[environment];
  return {
    ...FINANCE_TEAM,
    groups: [{ name: "financeTeam", description: "Finance: signs in to Expenses (filled by the Finance department rule)" }],
    // Membership by rule: Okta adds everyone whose profile says Finance.
    groupRules: [{ name: "Finance department", group: "financeTeam", expression: 'user.department == "Finance"' }],
    // A second API beside API Center: payments, its own audience, scope and groups claim.
    apis: {
      payments: {
        name: "Payments",
        audience: `api://payments-${environment}`,
        tiers: { viewer: { scope: "payments:read", groupName: "paymentsViewers", resource: "/payments", priority: 1 } },
        claims: [{ name: "payment_groups", kind: "groups", filter: { regex: "^payments.*" } }],
      },
    },
    apps: [
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
        // The billing console: only from the office.
        authenticationPolicy: "corporate-only",
      },
      // Seed 003 f: a second service, on the gold tier. Each service has a policy of its own,
      // so neither can request the other's scope.
      {
        kind: "service",
        id: "billing-sync",
        label: "Billing Sync",
        tiers: ["gold"],
        rulePriority: 2,
        // And the payments API's viewer scope: its own policy there too.
        scopesFrom: { payments: { tiers: ["viewer"], priority: 1 } },
        authentication: { method: "private_key_jwt", jwks: [BILLING_SYNC_KEY] },
      },
      // Seed 004: a custom SAML 2.0 integration with a group attribute statement.
      {
        kind: "saml",
        id: "expenses",
        label: "Expenses",
        ssoUrl: `${urls.expenses}/saml/acs`,
        // Its EU instance posts to a second ACS URL: the SP asks for index 1.
        acsEndpoints: [`${urls.expenses}/saml/acs`, `${urls.expenses}/saml/acs/eu`],
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
      // Calls the payments API only, so it signs in at the payments server.
      {
        kind: "web",
        id: "payments-console",
        label: "Payments Console",
        redirectUris: [`${urls.payments}/callback`],
        apis: ["payments"],
        authentication: { method: "private_key_jwt", jwks: [PAYMENTS_CONSOLE_KEY] },
        assignTo: ["paymentsViewers"],
      },
    ],
  };
}

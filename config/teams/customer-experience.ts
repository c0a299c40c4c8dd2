import { EnvironmentName } from "../../constructs/environment";
import { TeamConfig } from "./types";

/** Where the team's apps are served, per environment. */
const URLS: Record<EnvironmentName, { readonly portal: string; readonly widget: string; readonly statusPage: string }> = {
  dev: { portal: "http://localhost:8080", widget: "http://localhost:8081", statusPage: "https://status.dev.example.com" },
  staging: { portal: "https://portal.staging.example.com", widget: "https://signin.staging.example.com", statusPage: "https://status.staging.example.com" },
  prod: { portal: "https://portal.example.com", widget: "https://signin.example.com", statusPage: "https://status.example.com" },
};

/** The team: its name (each app's owner) and who reviews changes to this file. */
export const CUSTOMER_EXPERIENCE_TEAM = { name: "customer-experience", codeowners: "@example-org/customer-experience" } as const;

export function customerExperienceTeam(environment: EnvironmentName): TeamConfig {
  const urls = URLS[environment];
  return {
    ...CUSTOMER_EXPERIENCE_TEAM,
    groups: [{ name: "onCallEngineers", description: "On-call rota: PagerDuty and the status page" }],
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
      // Seed 004: a bookmark tile.
      {
        kind: "bookmark",
        id: "status-page",
        label: "Status Page",
        url: urls.statusPage,
        assignTo: ["onCallEngineers"],
      },
      // Seed 004: a prebuilt OIN integration, its settings typed and checked.
      {
        kind: "oin",
        id: "pagerduty",
        label: "PagerDuty",
        catalog: { app: "pagerduty", settings: { subdomain: environment === "prod" ? "example" : `example-${environment}` } },
        assignTo: ["onCallEngineers"],
      },
    ],
  };
}

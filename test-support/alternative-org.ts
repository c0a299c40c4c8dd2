import { EnvironmentName } from "../constructs/environment";
import { PublicJwk } from "../constructs/oauth-app";
import { OrgConfig } from "../config/types";

/**
 * A second org, different from the seed example in every way that matters (its own tiers and
 * scopes, apps on the org server and on the API, a privileged and a plain service, SAML and a
 * bookmark), run through the same org-invariant suite as config/: proof that replacing
 * config/example-org.ts with a team's own org needs no test edits beyond snapshots.
 * Public keys only, generated for this fixture; the private halves were never kept.
 */
const key = (kid: string, n: string): PublicJwk => ({ kid, kty: "RSA", e: "AQAB", n });
const DEPLOY = key("acme-terraform", "12v0XmRb39lof6dupose6OT049dZ3UGTDXz-eq0wJVZ2R7zG3OznFfrmDR_Nd82G2G9lJLit-TnB6IcMXYtSDUOxYLdiqeCv-H-gcbDWMvR6mlLNQI3ajRf3Ak02KCWzI9W4Ira6y8z5gGC3ZCDZyQLoBrDbcNrXqlhgEWCfhpKbSE2RzNjxWq2rFYx3SXQri7E07vsYUFtQ7JHf1iXkLrvvZOIGwSsps9mnlQhsQdx-KcDDxoXk9oi93cP62XZMmv4C4wVSyPimEX3-mHh-cNrHWaV2Zfla87xRAzIoGsmhYvZfd9U4yzZJJ5WCHFOmoYqrOXS5aKWu_ySM4Cy2kw");
const PLAN = key("acme-terraform-plan", "o7DcTw--O7BY1aFvEPwIiCN5dZcrSFpnHH4ct2TBzacZd6ROGxhbZMFCTDZzo-pakHskevDuZBJP9ol1_OkTg2-gWMXFHBmF3zqU0_0tqt9rWgUAn3Sj_R-ikqfWmh2Nc-AWQF8zPJbldYA1JAtgsm2YLmLkT6AtG7nbrAzQy5_7H5ztq8EQEcPXWVaKNAqhcsAmNRuNsSy2tuLsXE0F7SBHM_I7xYnr8wGOrZhY2MiiSXZq6BZfRsETTj9-PbuMQ7FZzTM0QWX49ZDKEWyVBomnSbkm0qNzOdv9P2390mjo-A6wpiB3HPkbKkDz-GfuzHr7Kgh-m2qShniztuhr5w");
const SYNC = key("acme-hr-sync", "y5J-pABhcmjGFLYXSyRvtT1Ow-oGdhtwLLVE14j8nXqMfvsGUTaAqXr9KUT1DoXp9Y1ObcnIdC8HhclxIB7IKp265M8rQq5z5-059MsZickTVHr8fAf4TuXoz8zFcWXjGqY5Q8ltp82jiMCj9ceKOWjehBflZcsODcj97AGt7rbtJsRYsmjz_gMWA8ZQhjnM39HsTh8qZJG4-wNwkkEBoXoAfudwRdkW-otTDC5p-6zwHsOAnsu9DEP9WFRKHXc292pAW2ACV0C1qp2ed84ffYiyr6YnZnNV13sN3HeEr0ZZDJpJPWg-s6eHGROAA1kVY4bWAVc4Wdjj2Nr195V5tw");
const AUDIT = key("acme-audit", "vPRL6O5NkyP1ri72qizuLgy7zHP_ar1EXJr4U6JnrUyhe7XGtRxyM_2eiVLCuxq3iL19JN5B_WCyhb-iBjiHqBIj3odQ1Uoj0G5GXGtJCHpUTXketcRv5johd8te_bCqKpUyyKaFR7FFihhTptLzS1j76VthRDj3rnvP3cSiVsILryu1es9AGQKH6H7O0sSFZZliq5fCHsV6ObQKfgv4f9BeKwwbc2ENFkKeIkXRx_IhKf5iDgrw49j8M-PveaRuH5NXWxoyhR6OEXcq5aI0OlLZD13UrYfTAzZct7vRzxM_snsjr0WkA86y1MkYVJjUST-YsSfRvWhErzDpnHUfgw");

function host(environment: EnvironmentName, name: string): string {
  return environment === "prod" ? `https://${name}.acme.test` : `https://${name}.${environment}.acme.test`;
}

export function alternativeOrg(environment: EnvironmentName): OrgConfig {
  return {
    environment,
    apiCenter: {
      name: "HR API",
      audience: `api://hr-${environment}`,
      oidcScopes: ["openid", "email"],
      tiers: {
        basic: { scope: "hr:read", groupName: "hr-readers", resource: "/employees", priority: 1 },
        pro: { scope: "hr:write", groupName: "hr-editors", resource: "/employees/edit", priority: 2, tokenLifetimes: { accessTokenMinutes: 15 } },
      },
    },
    groups: [{ name: "all-staff" }, { name: "payroll" }],
    bootstrap: { jwks: [DEPLOY], planJwks: [PLAN], label: "Terraform (acme)" },
    apps: [
      { kind: "spa", id: "intranet", label: "Intranet", redirectUris: [`${host(environment, "intranet")}/cb`], baseUris: [host(environment, "intranet")], assignTo: ["all-staff"] },
      { kind: "web", id: "hr-portal", label: "HR Portal", redirectUris: [`${host(environment, "hr")}/oidc/cb`], assignTo: ["hr-readers", "hr-editors"], apis: ["apiCenter"], authentication: { method: "private_key_jwt", jwks: [SYNC] } },
      { kind: "native", id: "hr-mobile", label: "HR Mobile", redirectUris: ["test.acme.hr:/cb"], refreshTokens: true, assignTo: ["hr-readers"], apis: ["apiCenter"] },
      { kind: "service", id: "hr-sync", label: "HR Sync", tiers: ["pro"], rulePriority: 1, authentication: { method: "private_key_jwt", jwks: [SYNC] } },
      { kind: "service", id: "audit", label: "Audit Export", tiers: ["basic"], rulePriority: 2, oktaApiScopes: ["okta.apps.read"], authentication: { method: "private_key_jwt", jwks: [AUDIT] } },
      { kind: "saml", id: "payroll", label: "Payroll", ssoUrl: `${host(environment, "payroll")}/acs`, audience: "urn:acme:payroll", assignTo: ["payroll"] },
      { kind: "bookmark", id: "handbook", label: "Handbook", url: host(environment, "handbook"), assignTo: "everyone" },
    ],
  };
}

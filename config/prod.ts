import { exampleOrg } from "./example-org";

/**
 * Prod: https only; Terraform may use at most 30% of the org's rate limit so a deploy never
 * starves real sign-ins.
 */
export const prod = exampleOrg(
  "prod",
  {
    portal: "https://portal.example.com",
    apiCenterClient: "https://api-center.example.com",
    billing: "https://billing.example.com",
    widget: "https://signin.example.com",
    expenses: "https://expenses.example.com",
    statusPage: "https://status.example.com",
  },
  { maxApiCapacity: 30 },
);

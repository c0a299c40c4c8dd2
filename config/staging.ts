import { exampleOrg } from "./example-org";

/** Staging: https only, production-like hosts. */
export const staging = exampleOrg("staging", {
  portal: "https://portal.staging.example.com",
  apiCenterClient: "https://api-center.staging.example.com",
  billing: "https://billing.staging.example.com",
  widget: "https://signin.staging.example.com",
  expenses: "https://expenses.staging.example.com",
  statusPage: "https://status.staging.example.com",
});

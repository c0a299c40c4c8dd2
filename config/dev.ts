import { exampleOrg } from "./example-org";

/** Dev: local servers on loopback http, a larger share of the (small) dev org's rate limit. */
export const dev = exampleOrg(
  "dev",
  {
    portal: "http://localhost:8080",
    apiCenterClient: "http://localhost:3090",
    billing: "http://localhost:3000",
    widget: "http://localhost:8081",
    expenses: "http://localhost:4000",
    statusPage: "https://status.dev.example.com",
  },
  { maxApiCapacity: 80 },
);

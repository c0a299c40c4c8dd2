import { API_CENTER_TEAM } from "./api-center";
import { CUSTOMER_EXPERIENCE_TEAM } from "./customer-experience";
import { FINANCE_TEAM } from "./finance";

export * from "./types";

/**
 * Every team and its file, for .github/CODEOWNERS (npm run codeowners writes it; a test fails
 * when the committed file is not what this generates).
 */
export const TEAMS: readonly { readonly name: string; readonly codeowners: string; readonly file: string }[] = [
  { ...API_CENTER_TEAM, file: "config/teams/api-center.ts" },
  { ...CUSTOMER_EXPERIENCE_TEAM, file: "config/teams/customer-experience.ts" },
  { ...FINANCE_TEAM, file: "config/teams/finance.ts" },
];

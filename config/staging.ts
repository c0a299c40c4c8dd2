import { exampleOrg } from "./example-org";

/** Staging: https only, production-like hosts (each team file says where). */
export const staging = exampleOrg("staging");

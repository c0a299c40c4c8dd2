import { exampleOrg } from "./example-org";

/** Dev: apps on local servers (each team file says where), a larger share of the (small) dev org's rate limit. */
export const dev = exampleOrg("dev", { maxApiCapacity: 80 });

import { App } from "cdktf";
import { OrgConfig } from "../config/types";
import { OktaOrgStack } from "./okta-org-stack";

export interface OrgAppOptions {
  /** Where cdktf writes. @default - cdktf's own choice (CDKTF_OUTDIR or cdktf.out) */
  readonly outdir?: string;
}

/** Builds the cdktf App with one OktaOrgStack per environment config. */
export function buildOrgApp(configs: readonly OrgConfig[], options: OrgAppOptions = {}): { app: App; stacks: OktaOrgStack[] } {
  const app = new App({ outdir: options.outdir, skipValidation: false });
  const stacks = configs.map((config) => new OktaOrgStack(app, config));
  return { app, stacks };
}

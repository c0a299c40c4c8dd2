import { App } from "cdktf";
import { OrgConfig } from "../config/types";
import { OktaBootstrapStack } from "./okta-bootstrap-stack";
import { OktaOrgStack } from "./okta-org-stack";

export interface OrgAppOptions {
  /** Where cdktf writes. @default - cdktf's own choice (CDKTF_OUTDIR or cdktf.out) */
  readonly outdir?: string;
}

export interface OrgApp {
  readonly app: App;
  /** One main stack per environment (okta-<env>). */
  readonly stacks: OktaOrgStack[];
  /** One bootstrap stack per environment (okta-bootstrap-<env>), built after its main stack is complete. */
  readonly bootstrapStacks: OktaBootstrapStack[];
}

/** Builds the cdktf App with a main and a bootstrap stack per environment config. */
export function buildOrgApp(configs: readonly OrgConfig[], options: OrgAppOptions = {}): OrgApp {
  const app = new App({ outdir: options.outdir, skipValidation: false });
  const stacks = configs.map((config) => new OktaOrgStack(app, config));
  const bootstrapStacks = configs.map((config, i) => new OktaBootstrapStack(app, config, stacks[i]));
  return { app, stacks, bootstrapStacks };
}

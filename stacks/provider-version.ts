import { TerraformStack } from "cdktf";
import { OktaProvider, OktaProviderConfig } from "@cdktf/provider-okta/lib/provider";

/**
 * The okta provider release line every stack runs on, written to
 * `terraform.required_providers.okta.version` of each stack's JSON.
 *
 * The bindings (@cdktf/provider-okta 14.1.1) were generated from provider 4.20.0 and would pin
 * exactly that, but 4.20.0 cannot create service apps on an Identity Engine org (provider
 * #2295, fixed in 5.2.0 by #2403), Terraform's own identity included. For the attributes our
 * JSON sets, 6.12.0 only adds (terraform/okta-6.12.0.schema.json is checked at every synth).
 * 6.14.0 shipped breaking changes by mistake; 7.0.0 changes okta_trusted_origin.
 * Moving it: docs/deploying.md, "Provider version".
 */
export const OKTA_PROVIDER_VERSION = ">= 6.12.0, != 6.14.0, < 7.0.0";

/** The okta provider of a stack, pinned to OKTA_PROVIDER_VERSION instead of the bindings' 4.20.0. */
export function oktaProvider(stack: TerraformStack, config: OktaProviderConfig): OktaProvider {
  const provider = new OktaProvider(stack, "okta", config);
  stack.addOverride("terraform.required_providers.okta.version", OKTA_PROVIDER_VERSION);
  return provider;
}

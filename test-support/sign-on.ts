import { TerraformStack } from "cdktf";
import { AuthenticationPolicy, AuthenticationPolicyProps } from "../constructs/authentication-policy";
import { NetworkZone } from "../constructs/network-zone";
import { OktaGroup } from "../constructs/okta-group";
import { blocksOf, dataBlocksOf } from "../review/stack-json";
import { SignOnModel, SignOnPolicy, signOnModelOf } from "../review/sign-on-model";
import { synthJson, testStack } from "./index";

/** A stack with groups admins, staff and contractors, zones Office and Blocked, and one policy. */
export interface SignOnFixture {
  readonly stack: TerraformStack;
  readonly policy: AuthenticationPolicy;
  readonly groups: { readonly admins: OktaGroup; readonly staff: OktaGroup; readonly contractors: OktaGroup };
  readonly zones: { readonly office: NetworkZone; readonly blocked: NetworkZone };
}

export function signOnFixture(props: Partial<AuthenticationPolicyProps> = {}, environment: "dev" | "staging" | "prod" = "dev"): SignOnFixture {
  const stack = testStack(environment);
  const group = (name: string) => new OktaGroup(stack, `Group-${name}`, { name });
  return {
    stack,
    policy: new AuthenticationPolicy(stack, "Policy", { name: "Apps", ...props }),
    groups: { admins: group("admins"), staff: group("staff"), contractors: group("contractors") },
    zones: {
      office: new NetworkZone(stack, "Office", { name: "Office", type: "IP", gateways: ["203.0.113.0/24"] }),
      blocked: new NetworkZone(stack, "Blocked", { name: "Blocked", type: "DYNAMIC", locations: ["KP"] }),
    },
  };
}

/** The sign-on model of the fixture's synthesized JSON, and its one policy. */
export function modelOf(f: SignOnFixture): { model: SignOnModel; policy: SignOnPolicy } {
  const json = synthJson(f.stack) as Record<string, unknown>;
  const model = signOnModelOf(blocksOf(json), dataBlocksOf(json));
  return { model, policy: [...model.policies.values()][0] };
}

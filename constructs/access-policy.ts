import { Construct } from "constructs";
import { Lazy } from "cdktf";
import { AuthServerPolicy } from "@cdktf/provider-okta/lib/auth-server-policy";
import { AuthServerPolicyRule } from "@cdktf/provider-okta/lib/auth-server-policy-rule";
import { IOAuthClient } from "./oauth-client";
import { PriorityChain } from "./priority-chain";
import { ResolvedLifetimes } from "./token-lifetimes";
import { OktaConfigError } from "./validation";
import { RuleGrantType } from "./vocabulary";

export interface AccessPolicyProps {
  readonly authServerId: string;
  /** Policy name, unique in its authorization server. */
  readonly name: string;
  readonly description: string;
}

export interface AccessRuleOptions {
  /** Rule name, unique in the policy. */
  readonly name: string;
  /**
   * Evaluation order inside the policy, 1 first. Explicit so that adding or reordering
   * code never reorders rules; the set must be 1..n without gaps (Okta renumbers gaps and
   * Terraform then fights it forever, provider #1198/#2151).
   */
  readonly priority: number;
  /** Grants the rule allows; may be computed at synth (a function). */
  readonly grantTypes: () => RuleGrantType[];
  /** Scopes the rule grants; may be computed at synth (a function). */
  readonly scopes: () => string[];
  /**
   * Group ids the rule applies to. Okta requires a people condition on every rule; for
   * client_credentials (no user) it is EVERYONE and the policy's client list is what restricts.
   */
  readonly groupIds: readonly string[];
  readonly lifetimes: ResolvedLifetimes;
}

/**
 * An access policy of a custom authorization server, restricted to the clients added to
 * it (RFC 9700 §2.3 least privilege: never ALL_CLIENTS), with rules at stable priorities.
 * Its own priority in the server is given by the server (`AuthorizationServer` chains them).
 */
export class AccessPolicy extends Construct {
  readonly policy: AuthServerPolicy;
  readonly name: string;
  private readonly clients: IOAuthClient[] = [];
  /** Client ids of apps created elsewhere (not managed by this config), kept in the client list. */
  private readonly clientIds: string[] = [];
  private readonly rules = new PriorityChain<AuthServerPolicyRule>();
  private readonly authServerId: string;

  /** @param props.priority the policy's priority in its server (may be a token resolved at synth) */
  constructor(scope: Construct, id: string, props: AccessPolicyProps & { readonly priority: number }) {
    super(scope, id);
    this.authServerId = props.authServerId;
    this.name = props.name;
    this.policy = new AuthServerPolicy(this, "Policy", {
      authServerId: props.authServerId,
      name: props.name,
      description: props.description,
      priority: props.priority,
      status: "ACTIVE",
      // Resolved at synth so clients may be added in any order; sorted for stable output.
      clientWhitelist: Lazy.listValue({
        produce: () => [...[...this.clients].sort((a, b) => a.key.localeCompare(b.key)).map((c) => c.clientId), ...[...this.clientIds].sort()],
      }),
    });
    this.node.addValidation({
      validate: () => {
        const errors: string[] = [];
        const gap = this.rules.gap();
        if (gap) {
          errors.push(
            `rule priorities must run 1..${gap.length} without gaps: got ${JSON.stringify(gap)}. ` +
              `Fix: renumber the rules of policy "${props.name}" so priorities are 1, 2, 3, …`,
          );
        }
        if (this.rules.size > 0 && this.clients.length === 0 && this.clientIds.length === 0) {
          errors.push(`policy "${props.name}" has rules but no clients: got []. Fix: add the apps that use this server as clients.`);
        }
        return errors;
      },
    });
  }

  /** The clients whose tokens this policy governs. */
  get clientApps(): readonly IOAuthClient[] {
    return this.clients;
  }

  addClient(client: IOAuthClient): void {
    if (!this.clients.includes(client)) this.clients.push(client);
  }

  /** Keeps a client this config does not manage (an app left in Okta by the import) in the list, by its id. */
  addClientId(clientId: string): void {
    if (!this.clientIds.includes(clientId)) this.clientIds.push(clientId);
  }

  /** Adds a rule at an explicit priority, chained after its predecessor. */
  addRule(id: string, options: AccessRuleOptions): AuthServerPolicyRule {
    const taken = this.rules.at(options.priority);
    if (!Number.isInteger(options.priority) || options.priority < 1 || taken) {
      throw new OktaConfigError(`${this.node.path}/${id}`, [
        {
          what: taken ? `priority ${options.priority} is already used by ${taken.node.path}` : "rule priority must be a whole number from 1",
          value: options.priority,
          fix: `give each rule of this policy its own priority, 1..n (next free: ${this.rules.nextFree()}).`,
        },
      ]);
    }
    const rule = new AuthServerPolicyRule(this, id, {
      authServerId: this.authServerId,
      policyId: this.policy.id,
      name: options.name,
      priority: options.priority,
      status: "ACTIVE",
      type: "RESOURCE_ACCESS",
      grantTypeWhitelist: Lazy.listValue({ produce: options.grantTypes }),
      scopeWhitelist: Lazy.listValue({ produce: options.scopes }),
      groupWhitelist: [...options.groupIds],
      ...options.lifetimes,
    });
    this.rules.add(options.priority, rule);
    return rule;
  }
}

import { Construct } from "constructs";
import { AuthServerScope } from "@cdktf/provider-okta/lib/auth-server-scope";
import { OktaGroup } from "./okta-group";
import { TokenLifetimes } from "./token-lifetimes";
import { Problems, isToken } from "./validation";
import { OIDC_USER_SCOPES, OFFLINE_ACCESS } from "./vocabulary";

/** One access tier of an API: a scope, the group whose members get it, and its rule. */
export interface AccessTierOptions {
  /** The custom scope, e.g. `http://myapp.com/scp/silver`. */
  readonly scope: string;
  /** The subscriber group, e.g. `silverSubscribers`. */
  readonly groupName: string;
  /** What the scope guards on the resource server, e.g. `/planets` (documentation and outputs). */
  readonly resource: string;
  /** Priority of the tier's rule in the user access policy (1..n, no gaps). */
  readonly priority: number;
  /**
   * Token lifetimes for this tier's rule.
   * @default - the server's lifetimes
   */
  readonly tokenLifetimes?: TokenLifetimes;
  /**
   * The tier guards something sensitive: apps its subscribers sign in to must, in prod, ask for
   * phishing-resistant factors (guardrail OKTA-22).
   * @default false
   */
  readonly sensitive?: boolean;
}

export interface AccessTierProps extends AccessTierOptions {
  readonly authServerId: string;
  /** The tier's name, e.g. `silver`. */
  readonly tierName: string;
}

/**
 * The scope and subscriber group of one tier (seed 002: silver guards `/planets`, gold
 * guards `/moons`). The server adds the rule that joins them.
 */
export class AccessTier extends Construct {
  readonly tierName: string;
  readonly scopeName: string;
  readonly resourcePath: string;
  readonly priority: number;
  readonly tokenLifetimes?: TokenLifetimes;
  readonly sensitive: boolean;
  readonly group: OktaGroup;
  readonly scopeResource: AuthServerScope;

  constructor(scope: Construct, id: string, props: AccessTierProps) {
    super(scope, id);
    const problems = new Problems();
    if (!/^[a-z][a-z0-9-]*$/.test(props.tierName)) {
      problems.add("tier name must be lower-case letters, digits or dashes", props.tierName, "name tiers like silver, gold, platinum.");
    }
    if (!isToken(props.scope) && (!props.scope || /\s/.test(props.scope) || props.scope.includes("*"))) {
      problems.add("tier scope must be a single scope name without spaces or wildcards", props.scope, "use e.g. http://myapp.com/scp/silver.");
    }
    if ([...OIDC_USER_SCOPES, OFFLINE_ACCESS].includes(props.scope)) {
      problems.add("tier scope must be a custom scope, not a reserved OpenID Connect scope", props.scope, "use a custom scope such as http://myapp.com/scp/silver.");
    }
    if (!props.resource) {
      problems.add("tier resource must say what the scope guards", props.resource, 'set resource, e.g. "/planets".');
    }
    problems.throwIfAny(this);
    this.tierName = props.tierName;
    this.scopeName = props.scope;
    this.resourcePath = props.resource;
    this.priority = props.priority;
    this.tokenLifetimes = props.tokenLifetimes;
    this.sensitive = props.sensitive ?? false;
    this.scopeResource = new AuthServerScope(this, "Scope", {
      authServerId: props.authServerId,
      name: props.scope,
      displayName: `${props.tierName} tier`,
      description: `Access to ${props.resource} (${props.tierName} tier)`,
      // First-party API: no consent screen; not advertised in discovery metadata.
      consent: "IMPLICIT",
      metadataPublish: "NO_CLIENTS",
    });
    this.group = new OktaGroup(this, "Subscribers", {
      name: props.groupName,
      description: `Subscribers of the ${props.tierName} tier: scope ${props.scope} (${props.resource})`,
    });
  }
}

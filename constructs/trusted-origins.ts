import { Construct } from "constructs";
import { Lazy, TerraformStack } from "cdktf";
import { TrustedOrigin } from "@cdktf/provider-okta/lib/trusted-origin";
import { slug } from "./app-assignments";
import { TrustedOriginScope } from "./vocabulary";

/**
 * The org's trusted origins (okta_trusted_origin), one per origin per stack. Okta keeps
 * trusted origins org-wide and unique, so two apps served from one origin share one
 * resource whose scopes are the union of what they need; declaring it twice would fail at
 * apply with a duplicate-origin error.
 */
export class TrustedOrigins extends Construct {
  /** The stack's registry, created on first use. */
  static of(scope: Construct): TrustedOrigins {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild("TrustedOrigins") as TrustedOrigins | undefined) ?? new TrustedOrigins(stack, "TrustedOrigins");
  }

  private readonly scopesByOrigin = new Map<string, Set<TrustedOriginScope>>();
  private readonly resources = new Map<string, TrustedOrigin>();

  /** Trusts an origin for the given scopes (merged with earlier requests) and returns it. */
  trust(origin: string, scopes: readonly TrustedOriginScope[]): TrustedOrigin {
    let wanted = this.scopesByOrigin.get(origin);
    if (!wanted) {
      wanted = new Set();
      this.scopesByOrigin.set(origin, wanted);
    }
    scopes.forEach((s) => wanted.add(s));
    let resource = this.resources.get(origin);
    if (!resource) {
      const set = wanted;
      resource = new TrustedOrigin(this, slug(origin), {
        name: origin,
        origin,
        // Sorted so the order of app declarations never shows up as a diff.
        scopes: Lazy.listValue({ produce: () => [...set].sort() }),
      });
      this.resources.set(origin, resource);
    }
    return resource;
  }
}

import { createHash } from "crypto";
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
  private readonly ids = new Map<string, string>();

  /** The construct id of an origin this registry trusts (the owners file names it by that). */
  constructIdOf(origin: string): string | undefined {
    return this.ids.get(origin);
  }

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
      // An id keeps letters, digits, _ and -: https://a.b.com and https://a-b.com give one slug.
      // The origin trusted first keeps it; a look-alike trusted later gets a hash of its own text.
      const base = slug(origin);
      const id = this.node.tryFindChild(base) ? `${base}-${createHash("sha256").update(origin).digest("hex").slice(0, 8)}` : base;
      this.ids.set(origin, id);
      resource = new TrustedOrigin(this, id, {
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

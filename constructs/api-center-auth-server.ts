import { Construct } from "constructs";
import { AccessTierOptions } from "./access-tier";
import { AuthorizationServer, AuthorizationServerProps } from "./authorization-server";

export { AuthorizationServer, AuthorizationServerProps, DEFAULT_OIDC_SCOPES, ServiceClientOptions } from "./authorization-server";

/**
 * Seed 002's tiers: users need `http://myapp.com/scp/silver` for `/planets` and
 * `http://myapp.com/scp/gold` for `/moons`, granted to `silverSubscribers` and
 * `goldSubscribers`.
 */
export const SEED_002_TIERS: Readonly<Record<string, AccessTierOptions>> = {
  silver: { scope: "http://myapp.com/scp/silver", groupName: "silverSubscribers", resource: "/planets", priority: 1 },
  gold: { scope: "http://myapp.com/scp/gold", groupName: "goldSubscribers", resource: "/moons", priority: 2, sensitive: true },
};

/** The API Center server's props: AuthorizationServer's, with seed 002's defaults. */
export type ApiCenterAuthServerProps = Omit<AuthorizationServerProps, "name" | "tiers"> & {
  /** @default "API Center" */
  readonly name?: string;
  /**
   * Access tiers by name. Adding a tier is one entry here.
   * @default SEED_002_TIERS (silver → /planets, gold → /moons)
   */
  readonly tiers?: Readonly<Record<string, AccessTierOptions>>;
};

/**
 * The custom authorization server of seed 002, API Center: an AuthorizationServer with tiers
 * silver (`/planets`) and gold (`/moons`) unless told otherwise.
 */
export class ApiCenterAuthServer extends AuthorizationServer {
  constructor(scope: Construct, id: string, props: ApiCenterAuthServerProps) {
    super(scope, id, {
      ...props,
      name: props.name ?? "API Center",
      description: props.description ?? "API Center authorization server (seed 002)",
      tiers: props.tiers ?? SEED_002_TIERS,
    });
  }
}

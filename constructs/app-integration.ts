import { Construct } from "constructs";
import { TerraformResource } from "cdktf";
import { AppGroupAssignment } from "@cdktf/provider-okta/lib/app-group-assignment";
import { AppAssignment, assignGroups, checkAssignment } from "./app-assignments";
import { EnvironmentName, environmentOf } from "./environment";
import { claimLabel } from "./labels";
import { Problems, isToken } from "./validation";

/** Props every non-OIDC app integration shares (SAML, OIN, SWA, bookmark). */
export interface AppIntegrationProps {
  /** The app's name on the End-User Dashboard and in the Admin Console; unique per stack. */
  readonly label: string;
  /**
   * Who may sign in: "everyone" or a list of groups. Required: there is no silent default
   * (seed 004: assign the app to users or groups).
   */
  readonly assignTo: AppAssignment;
}

/** The Okta resource an integration is, for outputs and the access view. */
export interface IntegrationResource {
  readonly id: string;
}

/**
 * Shared base of SamlApp, OinApp, SwaApp and BookmarkApp: a label unique per stack and one
 * okta_app_group_assignment per group, exactly as the OIDC apps do (constructs/oauth-app.ts).
 * Subclasses validate everything first, then call `create`, so a bad input writes nothing.
 */
export abstract class AppIntegration extends Construct {
  private created?: { appId: string; assignments: readonly AppGroupAssignment[] };
  readonly label: string;
  readonly environment: EnvironmentName;
  protected readonly problems = new Problems();

  protected constructor(scope: Construct, id: string, private readonly common: AppIntegrationProps) {
    super(scope, id);
    this.label = common.label;
    this.environment = environmentOf(this);
    claimLabel(this.problems, this, this.node.path, common.label);
    checkAssignment(this.problems, common.assignTo);
  }

  /** Throws every collected problem, or runs `build` and assigns the app to its groups. */
  protected create<T extends IntegrationResource>(build: () => T): T {
    this.problems.throwIfAny(this);
    const resource = build();
    this.created = { appId: resource.id, assignments: assignGroups(this, resource.id, this.common.assignTo) };
    return resource;
  }

  /** The Okta app id (known at apply time), for assignments and outputs. */
  get appId(): string {
    return this.requireCreated().appId;
  }

  /** One okta_app_group_assignment per assigned group. */
  get assignments(): readonly AppGroupAssignment[] {
    return this.requireCreated().assignments;
  }

  /** Okta's IdP metadata URL (public) for SAML-based apps; undefined for the others. */
  abstract readonly metadataUrl?: string;

  /** The app's Terraform resource (okta_app_saml, _swa, _auto_login or _bookmark). */
  abstract readonly resource: TerraformResource;

  private requireCreated() {
    if (!this.created) throw new Error(`${this.node.path}: the app was read before it was created (a bug in its construct).`);
    return this.created;
  }

  /**
   * An https URL an app signs users in at or posts assertions to. Plain http is accepted in
   * dev only (local service providers); staging and prod send credentials or assertions
   * over it, which RFC 9700 §2.6 and SAML's own bindings forbid.
   */
  protected checkUrl(field: string, url: string | undefined, required = true): void {
    if (url === undefined) {
      if (required) this.problems.add(`${field} is required`, url, `set ${field} to the app's https URL.`);
      return;
    }
    if (isToken(url)) return;
    if (url.includes("*")) {
      this.problems.add(`${field} contains a wildcard`, url, "write the exact URL.");
      return;
    }
    let parsed: URL | undefined;
    try {
      parsed = /^https?:\/\//i.test(url) ? new URL(url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed) {
      this.problems.add(`${field} is not an absolute http(s) URL`, url, "write the full URL, e.g. https://app.example.com/sso/saml.");
      return;
    }
    if (parsed.protocol === "http:" && this.environment !== "dev") {
      this.problems.add(`${field} uses http in ${this.environment}`, url, "use https; plain http is accepted in dev only.");
    }
  }
}

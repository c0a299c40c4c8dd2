import { Construct } from "constructs";
import { TerraformStack, TerraformVariable } from "cdktf";
import { AppSaml } from "@cdktf/provider-okta/lib/app-saml";
import { AppAutoLogin } from "@cdktf/provider-okta/lib/app-auto-login";
import { AppIntegration, AppIntegrationProps } from "./app-integration";
import { OinCatalogEntry, OinSignOnMode, resolveCatalogEntry, settingsJson } from "./oin-catalog";

export interface OinAppProps extends AppIntegrationProps {
  /**
   * The catalog app and its settings: `{ app: "pagerduty", settings: { subdomain: "acme" } }`
   * (typed), or `{ app: "<key>", signOnMode: "AUTO_LOGIN", settings: {...} }` for any other.
   */
  readonly catalog: OinCatalogEntry;
}

/**
 * A prebuilt integration from the Okta Integration Network (seed 004, "Add a Prebuilt App
 * Integration"): the catalog key as `preconfigured_app`, its settings as `app_settings_json`.
 * Okta has validated the protocol side, so only the settings are ours to check.
 */
export class OinApp extends AppIntegration {
  readonly resource: AppSaml | AppAutoLogin;
  readonly signOnMode: OinSignOnMode;
  readonly metadataUrl?: string;

  constructor(scope: Construct, id: string, props: OinAppProps) {
    super(scope, id, props);
    const { signOnMode, settings } = resolveCatalogEntry(this.problems, props.catalog);
    this.signOnMode = signOnMode;
    const common = { label: props.label, preconfiguredApp: props.catalog.app };
    const secrets = props.catalog.secretSettings ?? {};
    this.resource = this.create(() => {
      // Each secret a sensitive variable of the stack, named as config says: the deploy sets TF_VAR_<name>.
      for (const name of Object.values(secrets)) {
        const stack = TerraformStack.of(this);
        if (!stack.node.tryFindChild(`Secret-${name}`)) {
          new TerraformVariable(stack, `Secret-${name}`, { type: "string", sensitive: true, nullable: false, description: `A credential of ${props.label} (${props.catalog.app}): supplied by the deploy as TF_VAR_${name}` }).overrideLogicalId(name);
        }
      }
      switch (signOnMode) {
        case "SAML_2_0":
          return new AppSaml(this, "App", { ...common, appSettingsJson: settingsJson(settings, secrets) });
        case "AUTO_LOGIN":
          return new AppAutoLogin(this, "App", { ...common, appSettingsJson: settingsJson(settings, secrets) });
        case "BROWSER_PLUGIN":
          // resolveCatalogEntry has reported it, so create() threw before building anything.
          throw new Error(`${this.node.path}: BROWSER_PLUGIN reached create (a bug in OinApp).`);
      }
    });
    if (this.resource instanceof AppSaml) this.metadataUrl = this.resource.metadataUrl;
  }
}

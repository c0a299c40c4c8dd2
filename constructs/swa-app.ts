import { Construct } from "constructs";
import { AppSwa } from "@cdktf/provider-okta/lib/app-swa";
import { AppIntegration, AppIntegrationProps } from "./app-integration";

export interface SwaAppProps extends AppIntegrationProps {
  /** The app's sign-in page, where Okta's browser plug-in fills the form. */
  readonly url: string;
  /** CSS selector of the username field, e.g. `#username`. */
  readonly usernameField: string;
  /** CSS selector of the password field. */
  readonly passwordField: string;
  /** CSS selector of the sign-in button. */
  readonly buttonField: string;
  /**
   * Regular expression of the URLs the plug-in may fill credentials on.
   * @default - only the url itself
   */
  readonly urlRegex?: string;
}

/**
 * A custom Secure Web Authentication app (okta_app_swa, seed 004): Okta stores each user's
 * credentials and the browser plug-in submits the sign-in form. Use it only for apps that
 * support neither SAML nor OIDC. No shared username or password is offered: those would
 * put a credential into config and Terraform state.
 */
export class SwaApp extends AppIntegration {
  readonly resource: AppSwa;
  readonly metadataUrl = undefined;

  constructor(scope: Construct, id: string, props: SwaAppProps) {
    super(scope, id, props);
    this.checkUrl("url", props.url);
    for (const field of ["usernameField", "passwordField", "buttonField"] as const) {
      if (!props[field]?.trim()) this.problems.add(`${field} is required`, props[field], "give the CSS selector of the form field on the sign-in page.");
    }
    if (props.urlRegex !== undefined) {
      try {
        new RegExp(props.urlRegex);
      } catch (e) {
        this.problems.add(`urlRegex is invalid (${(e as Error).message})`, props.urlRegex, "write a valid regular expression anchored to your app's host.");
      }
    }
    this.resource = this.create(
      () =>
        new AppSwa(this, "App", {
          label: props.label,
          url: props.url,
          usernameField: props.usernameField,
          passwordField: props.passwordField,
          buttonField: props.buttonField,
          urlRegex: props.urlRegex,
        }),
    );
  }
}

import { Construct } from "constructs";
import { AppBookmark } from "@cdktf/provider-okta/lib/app-bookmark";
import { AppIntegration, AppIntegrationProps } from "./app-integration";

export interface BookmarkAppProps extends AppIntegrationProps {
  /** Where the dashboard tile links to. */
  readonly url: string;
}

/**
 * A bookmark app (okta_app_bookmark, seed 004): a dashboard tile linking to a URL, with no
 * sign-on of its own. Assignment still decides who sees the tile.
 */
export class BookmarkApp extends AppIntegration {
  readonly resource: AppBookmark;
  readonly metadataUrl = undefined;

  constructor(scope: Construct, id: string, props: BookmarkAppProps) {
    super(scope, id, props);
    this.checkUrl("url", props.url);
    this.resource = this.create(() => new AppBookmark(this, "App", { label: props.label, url: props.url }));
  }
}

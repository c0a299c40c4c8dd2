import { Construct } from "constructs";
import { AppGroupAssignment } from "@cdktf/provider-okta/lib/app-group-assignment";
import { IOktaGroup, everyoneGroup } from "./okta-group";
import { Problems } from "./validation";

/**
 * Who may sign in to an app: everyone in the org, or the listed groups (seed 000,
 * "Assignments"). Required on user-facing apps: there is no default, because the
 * console's "everyone" is exactly the kind of quiet broadening a review should see.
 */
export type AppAssignment = "everyone" | readonly IOktaGroup[];

/** A construct-id-safe form of a group name, stable as long as the name is. */
export function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/** What an explicit id of a named entry (a group, group rule or zone) may be: what slug writes. */
export const CONSTRUCT_KEY = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,98}[A-Za-z0-9_])?$/;

/**
 * A named entry's part of its construct id: its own `id`, else a slug of its name. Two names
 * may give one slug ("Eng Team", "Eng-Team"); config then gives one of them an id, since any
 * automatic choice could change the id of an object already deployed, which replaces it.
 */
export function constructKey(entry: { readonly name: string; readonly id?: string }): string {
  return entry.id ?? slug(entry.name);
}

export function checkAssignment(problems: Problems, assignTo: AppAssignment | undefined): void {
  if (assignTo === undefined) {
    problems.add("assignTo is required", assignTo, 'set assignTo: "everyone" or a list of groups (e.g. [tier.group]).');
    return;
  }
  if (assignTo !== "everyone" && assignTo.length === 0) {
    problems.add("assignTo is empty: nobody could sign in, and the app would look configured", [], 'assign the app to "everyone" or to at least one group.');
    return;
  }
  if (assignTo !== "everyone") {
    const seen = new Set<string>();
    for (const group of assignTo) {
      if (seen.has(group.groupName)) {
        problems.add("assignTo names a group twice", group.groupName, "list each group once.");
      }
      seen.add(group.groupName);
    }
  }
}

/**
 * One okta_app_group_assignment per app and group. The plural okta_app_group_assignments
 * owns the app's whole list and deletes assignments made by hand (provider issue #1871), so
 * it is never used. Ids are derived from the group name so reordering changes nothing.
 */
export function assignGroups(scope: Construct, appId: string, assignTo: AppAssignment): AppGroupAssignment[] {
  const groups = assignTo === "everyone" ? [everyoneGroup(scope)] : assignTo;
  return groups.map(
    (group) => new AppGroupAssignment(scope, `Assignment-${group.key ?? slug(group.groupName)}`, { appId, groupId: group.groupId }),
  );
}

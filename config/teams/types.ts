import { AppConfig, ApiConfig, OrgConfig } from "../types";

/** One team's part of the org: its apps (for every environment), and the groups, APIs and group rules it owns. */
export interface TeamConfig {
  /** The team's name: every app it declares carries it as `owner`. */
  readonly name: string;
  /** Who reviews changes to this team's file: a GitHub user or team, e.g. `@acme/payments`. */
  readonly codeowners: string;
  readonly apps: readonly AppConfig[];
  /** @default - none */
  readonly groups?: OrgConfig["groups"];
  /** @default - none */
  readonly apis?: Readonly<Record<string, ApiConfig>>;
  /** @default - none */
  readonly groupRules?: OrgConfig["groupRules"];
}

/** The org's apps, groups, APIs and group rules from its teams, each owned by its team (unless it names another owner). */
export function composeTeams(teams: readonly TeamConfig[]): Pick<OrgConfig, "apps" | "groups" | "apis" | "groupRules"> {
  return {
    apps: teams.flatMap((t) => t.apps.map((a) => ({ ...a, owner: a.owner ?? t.name }))),
    groups: teams.flatMap((t) => (t.groups ?? []).map((g) => ({ ...g, owner: g.owner ?? t.name }))),
    apis: Object.assign({}, ...teams.map((t) => Object.fromEntries(Object.entries(t.apis ?? {}).map(([id, api]) => [id, { ...api, owner: api.owner ?? t.name }])))),
    groupRules: teams.flatMap((t) => (t.groupRules ?? []).map((r) => ({ ...r, owner: r.owner ?? t.name }))),
  };
}

import * as fs from "fs";
import * as path from "path";
import { OktaApp, OktaAppGroup, OrgSnapshot, ServerSnapshot } from "../importer/okta-objects";

const DIR = path.join(__dirname, "okta-recordings");

interface Interaction {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly response: unknown;
}

/** The recordings copied into test-support/okta-recordings (see its README). */
export function recordingFiles(): string[] {
  return fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
}

/**
 * The org the recorded tests leave behind if nothing were deleted: per object, its last
 * successful GET (what Okta answered, unchanged), gathered into the lists Okta's list
 * endpoints would answer. Objects seen only in POST answers are left out, as Okta's GET shape
 * is what the import reads.
 */
export function recordedOrg(): OrgSnapshot {
  const last = new Map<string, unknown>();
  for (const file of recordingFiles()) {
    const { interactions } = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as { interactions: Interaction[] };
    for (const i of interactions) if (i.method === "GET" && i.status === 200) last.set(i.path.replace(/\?.*$/, ""), i.response);
  }
  const one = (re: RegExp) => [...last].filter(([p]) => re.test(p)).map(([p, body]) => ({ m: re.exec(p)!, body: body as any })); // eslint-disable-line @typescript-eslint/no-explicit-any
  const apps = one(/^\/api\/v1\/apps\/(\w{20})$/).map((x) => x.body as OktaApp);
  const appGroups: Record<string, OktaAppGroup[]> = Object.fromEntries(apps.map((a) => [a.id, []]));
  for (const { m, body } of one(/^\/api\/v1\/apps\/(\w{20})\/groups\/(\w{20})$/)) if (appGroups[m[1]]) appGroups[m[1]].push(body);
  const servers = new Map<string, ServerSnapshot & { scopes: any[]; claims: any[]; policies: any[] }>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const { m, body } of one(/^\/api\/v1\/authorizationServers\/(\w{20}|default)$/)) servers.set(m[1], { server: body, scopes: [], claims: [], policies: [] });
  for (const { m, body } of one(/^\/api\/v1\/authorizationServers\/(\w{20})\/scopes\/(\w{20})$/)) servers.get(m[1])?.scopes.push(body);
  for (const { m, body } of one(/^\/api\/v1\/authorizationServers\/(\w{20})\/claims\/(\w{20})$/)) servers.get(m[1])?.claims.push(body);
  for (const { m, body } of one(/^\/api\/v1\/authorizationServers\/(\w{20})\/policies\/(\w{20})$/)) servers.get(m[1])?.policies.push({ policy: body, rules: [] });
  for (const { m, body } of one(/^\/api\/v1\/authorizationServers\/(\w{20})\/policies\/(\w{20})\/rules\/(\w{20})$/)) {
    (servers.get(m[1])?.policies.find((p) => p.policy.id === m[2])?.rules as unknown[] | undefined)?.push(body);
  }
  return {
    apps,
    appGroups,
    groups: one(/^\/api\/v1\/groups\/(00g\w{17})$/).map((x) => x.body),
    groupRules: one(/^\/api\/v1\/groups\/rules\/(\w{20})$/).map((x) => x.body),
    authServers: [...servers.values()],
    trustedOrigins: one(/^\/api\/v1\/trustedOrigins\/(\w{20})$/).map((x) => x.body),
    grants: Object.fromEntries(apps.filter((a) => a.settings?.oauthClient?.application_type === "service").map((a) => [a.id, []])),
  };
}

import Ajv, { ValidateFunction } from "ajv";
import SCHEMA from "./okta-objects.schema.json";
import { ImportLog, ObjectKind } from "./import-report";
import { OrgSnapshot, ServerSnapshot } from "./okta-objects";

/**
 * Okta's answers differ by org, feature and API version. Each object is checked against the
 * shape the import reads (importer/okta-objects.schema.json, generated from okta-objects.ts by
 * npm run config-schema); one whose fields have unexpected types is not imported, and the
 * report says which field, instead of the mapping failing on it.
 */
const ajv = new Ajv({ allErrors: false, strict: false });
ajv.addSchema({ ...SCHEMA, $id: "okta" });
const validators = new Map<string, ValidateFunction>();
function validator(definition: string): ValidateFunction {
  let v = validators.get(definition);
  if (!v) {
    v = ajv.getSchema(`okta#/definitions/${definition}`)!;
    validators.set(definition, v);
  }
  return v;
}

/** The objects of a list that have the expected shape; the others are logged as not imported. */
function keep<T extends { id?: unknown }>(items: readonly T[], definition: string, kind: ObjectKind, log: ImportLog, nameOf: (item: T) => unknown): T[] {
  const check = validator(definition);
  return items.filter((item) => {
    if (check(item)) return true;
    const e = check.errors?.[0];
    const name = nameOf(item);
    const raw = item as { id?: unknown };
    const id = typeof raw?.id === "string" ? raw.id : "(no id)";
    log.add(kind, typeof name === "string" ? name : id, id, "not imported", `Okta answered an unexpected shape: ${e?.instancePath || "the object"} ${e?.message ?? "is invalid"}. Fix: report it with the object's JSON (GET it from the API); the import reads only what it can check`);
    return false;
  });
}

export function checkedSnapshot(s: OrgSnapshot, log: ImportLog): OrgSnapshot {
  const apps = keep(s.apps, "OktaApp", "app", log, (a) => a.label);
  const ids = new Set(apps.map((a) => a.id));
  return {
    apps,
    appGroups: Object.fromEntries(Object.entries(s.appGroups).filter(([app]) => ids.has(app)).map(([app, groups]) => [app, keep(groups, "OktaAppGroup", "assignment", log, (g) => g.id)])),
    groups: keep(s.groups, "OktaGroupObject", "group", log, (g) => g.profile?.name),
    groupRules: keep(s.groupRules, "OktaGroupRule", "group rule", log, (r) => r.name),
    authServers: s.authServers
      .filter((x) => keep([x.server], "OktaAuthServer", "authorization server", log, (v) => v.name).length === 1)
      .map(
        (x): ServerSnapshot => ({
          server: x.server,
          scopes: keep(x.scopes, "OktaScope", "scope", log, (v) => v.name),
          claims: keep(x.claims, "OktaClaim", "claim", log, (v) => v.name),
          policies: x.policies
            .filter((p) => keep([p.policy], "OktaPolicy", "policy", log, (v) => v.name).length === 1)
            .map((p) => ({ policy: p.policy, rules: keep(p.rules, "OktaPolicyRule", "rule", log, (v) => v.name) })),
        }),
      ),
    trustedOrigins: keep(s.trustedOrigins, "OktaTrustedOrigin", "trusted origin", log, (t) => t.name),
    grants: Object.fromEntries(Object.entries(s.grants).map(([app, grants]) => [app, keep(grants, "OktaGrant", "app", log, (g) => g.scopeId)])),
    accessPolicies: (Array.isArray(s.accessPolicies) ? s.accessPolicies : [])
      .filter((p) => keep([p?.policy], "OktaAccessPolicy", "authentication policy", log, (v) => v?.name).length === 1)
      .map((p) => ({ policy: p.policy, rules: keep(Array.isArray(p.rules) ? p.rules : [], "OktaAccessRule", "sign-on rule", log, (v) => v?.name) })),
    zones: keep(Array.isArray(s.zones) ? s.zones : [], "OktaNetworkZone", "network zone", log, (z) => z?.name),
    clientRoles: Object.fromEntries(
      Object.entries(s.clientRoles && typeof s.clientRoles === "object" ? s.clientRoles : {}).map(([app, roles]) => [app, typeof roles === "string" ? roles : keep(Array.isArray(roles) ? roles : [], "OktaClientRole", "admin role", log, (r) => r?.type)]),
    ),
    ...(s.userTypes === undefined ? {} : { userTypes: typeof s.userTypes === "string" ? s.userTypes : keep(Array.isArray(s.userTypes) ? s.userTypes : [], "OktaUserType", "user type", log, (t) => t?.name) }),
  };
}

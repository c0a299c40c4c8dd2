import * as fc from "fast-check";
import { configFor } from "../config";
import { OrgSnapshot } from "../importer/okta-objects";
import { deployed, importFromServer, synthStacks } from "../test-support/import";

// Issue 20: whatever an org holds, the import never aborts, its config synthesizes, and the
// first deploy changes nobody's access (the review's access model over every object, imported
// or not). Orgs are the example org as deployed (every supported kind of object), edited at
// random: more groups per app, hostile strings, objects the constructs refuse. Fixed seed and
// a bounded number of runs in npm test; IMPORT_PROPERTY_RUNS=300 for a longer search.
const RUNS = Number(process.env.IMPORT_PROPERTY_RUNS ?? 10);
jest.setTimeout(Math.max(60_000, RUNS * 5_000));

// The org is edited freely, as JSON: Okta's answers are plain data.
type Org = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const base = deployed(configFor("dev")).org as unknown as Org;

const HOSTILE = ["${user.login}", "a%{b}", "$${c}", "$$$${d}", 'quote " and \\ backslash', "ünïcödé ✓", "<!-- x --> @octocat ![i](https://e.example/p.png)", "tab\tand\nnewline"];

type Edit =
  | { kind: "assign"; app: number; group: number }
  | { kind: "label"; app: number; text: number }
  | { kind: "description"; group: number; text: number }
  | { kind: "newGroup"; text: number }
  | { kind: "junkRule"; group: number }
  | { kind: "twoGroupRule"; group: number }
  | { kind: "unassign"; app: number }
  | { kind: "lookAlike"; group: number; variant: number }
  | { kind: "digitLabel"; app: number; digit: number };

// A second name that differs from a group's only in what a construct id drops, as Okta allows.
const LOOK_ALIKES: readonly ((name: string) => string)[] = [(n) => `${n}!`, (n) => `.${n}`, (n) => `(${n})`, (n) => `${n} `.trim() + "-"];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("assign" as const), app: fc.nat(), group: fc.nat() }),
  fc.record({ kind: fc.constant("label" as const), app: fc.nat(), text: fc.nat() }),
  fc.record({ kind: fc.constant("description" as const), group: fc.nat(), text: fc.nat() }),
  fc.record({ kind: fc.constant("newGroup" as const), text: fc.nat() }),
  fc.record({ kind: fc.constant("junkRule" as const), group: fc.nat() }),
  fc.record({ kind: fc.constant("twoGroupRule" as const), group: fc.nat() }),
  fc.record({ kind: fc.constant("unassign" as const), app: fc.nat() }),
  fc.record({ kind: fc.constant("lookAlike" as const), group: fc.nat(), variant: fc.nat() }),
  fc.record({ kind: fc.constant("digitLabel" as const), app: fc.nat(), digit: fc.nat({ max: 9 }) }),
);

function apply(edits: readonly Edit[]): OrgSnapshot {
  const org = JSON.parse(JSON.stringify(base)) as Org;
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length];
  const oktaGroups = () => (org.groups as { type?: string }[]).filter((g) => g.type === "OKTA_GROUP");
  edits.forEach((e, n) => {
    if (e.kind === "assign") {
      const app = pick(org.apps, e.app) as { id: string };
      const group = pick(oktaGroups(), e.group) as { id: string };
      const list = (org.appGroups[app.id] ??= []);
      if (!list.some((g: { id: string }) => g.id === group.id)) list.push({ id: group.id });
    } else if (e.kind === "label") {
      const app = pick(org.apps, e.app) as { label: string };
      app.label = `${app.label} ${pick(HOSTILE, e.text).replace(/[\t\n]/g, " ")}`.slice(0, 100);
    } else if (e.kind === "description") {
      const group = pick(oktaGroups(), e.group) as { profile: { description?: string } };
      group.profile.description = `Team ${pick(HOSTILE, e.text)}`;
    } else if (e.kind === "newGroup") {
      org.groups.push({ id: `00gnew${String(n).padStart(14, "0")}`, type: "OKTA_GROUP", profile: { name: `new ${n} ${pick(HOSTILE, e.text).replace(/[\t\n]/g, " ")}`, description: pick(HOSTILE, e.text) } });
    } else if (e.kind === "junkRule") {
      const group = pick(oktaGroups(), e.group) as { id: string };
      org.groupRules.push({ id: `0prjunk${String(n).padStart(13, "0")}`, name: `Junk ${n}`, status: "ACTIVE", type: "group_rule", conditions: { expression: { type: "urn:okta:expression:1.0", value: 'user.department == "x' } }, actions: { assignUserToGroups: { groupIds: [group.id] } } });
    } else if (e.kind === "twoGroupRule") {
      const server = pick(org.authServers, e.group) as { policies: { rules: { conditions?: { people?: { groups?: { include?: string[] } } } }[] }[] };
      const rule = server.policies[0]?.rules[0];
      const group = pick(oktaGroups(), e.group) as { id: string };
      const include = rule?.conditions?.people?.groups?.include;
      if (include && !include.includes(group.id)) include.push(group.id);
    } else if (e.kind === "unassign") {
      const app = pick(org.apps, e.app) as { id: string };
      org.appGroups[app.id] = [];
    } else if (e.kind === "lookAlike") {
      const group = pick(oktaGroups(), e.group) as { profile: { name: string } };
      org.groups.push({ id: `00glike${String(n).padStart(13, "0")}`, type: "OKTA_GROUP", profile: { name: pick(LOOK_ALIKES, e.variant)(group.profile.name), description: null } });
    } else if (e.kind === "digitLabel") {
      // Apps of the Okta catalog such as 1Password and 8x8: a Terraform name may not start with a digit.
      const app = pick(org.apps, e.app) as { label: string };
      app.label = `${e.digit}${app.label}`.slice(0, 100);
    }
  });
  return org as unknown as OrgSnapshot;
}

describe("import of generated orgs (property)", () => {
  test("never aborts, writes config that synthesizes into names Terraform takes, and the first deploy changes no access", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 6 }), async (edits) => {
        const { run } = await importFromServer(apply(edits));
        // Terraform refuses a resource, data source or output name that does not start with a letter or _.
        for (const stack of synthStacks([run.adoption.config]).values()) {
          const s = stack as { resource?: Record<string, object>; data?: Record<string, object>; output?: object };
          const names = [...Object.values(s.resource ?? {}), ...Object.values(s.data ?? {})].flatMap((byName) => Object.keys(byName)).concat(Object.keys(s.output ?? {}));
          expect(names.filter((n) => !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(n))).toEqual([]);
        }
        const a = run.adoption.access;
        const changed = [a.grants, a.assignments, a.management, a.origins, a.claims].flatMap((d) => [...d.added.map((r) => ["+", r]), ...d.removed.map((r) => ["-", r])]);
        expect(changed).toEqual([]);
      }),
      { numRuns: RUNS, seed: 20, endOnFailure: true },
    );
  });
});

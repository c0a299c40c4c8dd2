import { CONSTRUCT_KEY, constructKey, slug } from "../constructs/app-assignments";
import { EnvironmentName } from "../constructs/environment";
import { OktaConfigErrors, Problem } from "../constructs/validation";
import { TERRAFORM_NAME } from "../terraform/names";

type KeyKind = "groups" | "groupRules" | "networkZones";
const PREFIX: Record<KeyKind, string> = { groups: "Group", groupRules: "GroupRule", networkZones: "Zone" };
const NOUN: Record<KeyKind, string> = { groups: "group", groupRules: "group rule", networkZones: "network zone" };

/**
 * The names config entries give a stack's constructs and Terraform, taken one entry at a time:
 * a second entry that would take a name already taken is reported at its config entry (file and
 * line), with the other, before constructs or Terraform meet it. Which of the two changes is
 * the user's choice, never synth's: a changed id replaces the object in Okta.
 */
export class ConstructNames {
  private readonly keys: Record<KeyKind, Map<string, string>> = { groups: new Map(), groupRules: new Map(), networkZones: new Map() };
  private readonly terraform = { app: new Map<string, string>(), api: new Map<string, string>() };

  constructor(private readonly environment: EnvironmentName) {}

  /** Keys (`<kind>\u0000<key>`) taken by something config does not declare as an entry: a tier's subscriber group. */
  private readonly reserved = new Set<string>();

  /** A key taken by something config does not declare as an entry: a tier's subscriber group, whose app assignments are `Assignment-<key>`. */
  reserve(kind: KeyKind, key: string, name: string): void {
    this.keys[kind].set(key, name);
    this.reserved.add(`${kind}\u0000${key}`);
  }

  /**
   * Takes the construct key of a group, group rule or zone (`Group-<key>`), or throws: two names
   * that give one key (`Eng Team`, `Eng-Team`) would give one construct id, which constructs
   * refuse with a message that names neither entry.
   */
  key(kind: KeyKind, index: number, entry: { readonly name: string; readonly id?: string }): true {
    const at = `okta-${this.environment} config.${kind}[${index}] (${JSON.stringify(entry.name)})`;
    const key = constructKey(entry);
    const other = this.keys[kind].get(key);
    const seeAlso = (name: string) => (kind === "groups" ? { seeAlso: { kind: "group" as const, key: name } } : kind === "groupRules" ? { seeAlso: { kind: "groupRule" as const, key: name } } : {});
    if (other !== undefined && other.toLowerCase() === entry.name.toLowerCase()) {
      // Groups and zones report their own twice; a group rule twice would reach constructs.
      if (kind === "groupRules") fail(`${at}.name`, { what: "group rule is declared twice (Okta group rule names are unique)", value: entry.name, fix: "declare each group rule once.", ...seeAlso(other) });
      return true;
    }
    const where = `${at}.${entry.id !== undefined ? "id" : "name"}`;
    if (other !== undefined && this.reserved.has(`${kind}\u0000${key}`)) {
      fail(where, {
        what: `gives the key ${key}, which tier group ${JSON.stringify(other)} has (an app assigned to both would get two Assignment-${key})`,
        value: entry.id ?? entry.name,
        fix: `give this group an id of its own, e.g. id: "${key}-2".`,
      });
    }
    if (other !== undefined) fail(where, { ...keyClash(PREFIX[kind], NOUN[kind], key, other, entry), ...seeAlso(other) });
    if (entry.id !== undefined && !CONSTRUCT_KEY.test(entry.id)) fail(`${at}.id`, invalidKey(entry.id));
    this.keys[kind].set(key, entry.name);
    return true;
  }

  /**
   * Takes the Terraform name of an app id or API key, or throws. It names Terraform resources
   * (`<id>_App_…`) and outputs (`<id>_client_id`, `<key>_api_id`): cdktf keeps its letters,
   * digits, _ and -, and Terraform refuses a name that does not then start with a letter or _
   * (every plan and apply fails). Two ids that keep the same characters ("a.b", "ab") write one
   * output name, and one app's output is silently lost. constructs writes a / in an id as --.
   */
  terraformName(at: string, what: string, id: string, kind: "app" | "api"): true {
    const name = id.replace(/\//g, "--").replace(/[^A-Za-z0-9_-]/g, "");
    const noun = kind === "app" ? "app" : "API";
    if (id.includes("/")) fail(at, { what: `${what} holds a /, which constructs writes as --`, value: id, fix: `write ${JSON.stringify(name)}: that is the construct id it already has, so nothing is replaced.` });
    if (name === "") fail(at, { what: `${what} keeps no letter, digit, _ or - for Terraform names (cdktf drops every other character), and Terraform needs a name`, value: id, fix: 'write an id of letters, digits, _ and - that starts with a letter, e.g. "my-app".' });
    if (!TERRAFORM_NAME.test(name)) {
      const suggestion = name.startsWith("-") ? `${kind}${name}` : `${kind}-${name}`;
      fail(at, { what: `${what} gives Terraform names that start with ${JSON.stringify(name.slice(0, 1))} (${name}_…), and Terraform names must start with a letter or _ (it would refuse every plan)`, value: id, fix: `start it with a letter, e.g. ${JSON.stringify(suggestion)}.` });
    }
    // Only an app's id is a construct id as it is (an API's is Api-<key>).
    if (kind === "app" && OBJECT_MEMBERS.has(id)) {
      fail(at, { what: `${what} is the name of a property every JavaScript object has (${id}), which the constructs library cannot give a construct: it reports the id as taken`, value: id, fix: `choose another id, e.g. ${JSON.stringify(`app-${id}`)}.` });
    }
    const other = this.terraform[kind].get(name);
    if (other !== undefined && other !== id) {
      fail(at, { what: `${what} gives the Terraform names of ${noun} ${JSON.stringify(other)} (${name}_…: Terraform names keep letters, digits, _ and - only), so one of their outputs would be lost`, value: id, fix: `give one of them an id that differs in letters, digits, _ or - (a new id replaces that ${noun} in Okta).` });
    }
    this.terraform[kind].set(name, id);
    return true;
  }
}

/**
 * Names the constructs library refuses as a construct id: it keeps a construct's children in a
 * plain object and asks `id in children`, which is true for `constructor`, `toString` and every
 * other member of Object.prototype ("There is already a Construct with name 'constructor'").
 * An Okta app labelled "Constructor" is imported as the id `constructor` unless avoided.
 */
export const OBJECT_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * The problem of an entry whose construct key (`<prefix>-<key>`) another entry, `other`, already
 * has: said where it is by the caller. Shared with the rules of a sign-on policy (sign-on.ts).
 */
export function keyClash(prefix: string, noun: string, key: string, other: string, entry: { readonly name: string; readonly id?: string }): Problem {
  const explicit = entry.id !== undefined;
  return {
    what: `gives the construct id ${prefix}-${key}, which ${noun} ${JSON.stringify(other)} has${explicit ? "" : ` (a construct id keeps letters, digits, _ and - only, so both names give ${key})`}`,
    value: explicit ? entry.id : entry.name,
    fix: `give one of the two an id of its own, e.g. id: "${key}-2". Keep the id of one already deployed: a changed id replaces the ${noun} in Okta.`,
  };
}

/** The problem of an explicit `id` that is not a construct key (CONSTRUCT_KEY): said where it is by the caller. */
export function invalidKey(id: string): Problem {
  return { what: "is not a construct id (letters, digits, _ and - only, not starting or ending with -, at most 100)", value: id, fix: `write it as slug of a name would, e.g. "${slug(id).slice(0, 100)}".` };
}

function fail(path: string, problem: Problem): never {
  throw new OktaConfigErrors([{ kind: "config", path, problem }]);
}

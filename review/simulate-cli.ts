import { isIP } from "net";
import { addressInEntry } from "../constructs/network-zone";
import { userTypeNameProblem } from "../constructs/user-type";
import { Args } from "./args";
import { Block, blocksOf, dataBlocksOf, parseReference, addressOf, readSynthesized } from "./stack-json";
import { SignOnModel, nameOf, signOnModelOf } from "./sign-on-model";
import { Device, SignInRequest, Simulation, simulate } from "./simulate";
import { synthesizeWorkingTree } from "./synth";
import { cleanupTemp } from "./temp";
import { unescapeLiteral } from "../terraform/interpolations";
import { appendAll } from "../constructs/append-all";

const USAGE = `Usage: npm run simulate -- <stack, e.g. okta-prod> --app <app id> --groups <group>[,<group>…] [options]

Which rule of the app's authentication policy decides a sign-in, offline, from the synthesized
stack (no Okta org needed): the rule that matches, the outcome, the factors it asks for, and why
each rule above it did not match.

  --app <id>          the app's id in config (or its label)
  --groups <a,b>      groups the user is in (Everyone is implied)
  --zone <zone|ip>    a zone name, or an IPv4 address matched against the IP zones' gateways
                      (default: from no declared zone)
  --registered        the device is registered (Okta Verify)
  --managed           the device is managed (implies registered)
  --platform <p>      MOBILE or DESKTOP, with an OS: MOBILE/IOS, DESKTOP/WINDOWS (default: not known)
  --risk <level>      LOW, MEDIUM or HIGH (default: not known)
  --user-type <name>  the user's type, by its Okta name (default: "user", Okta's default type)
  --json              the answer as JSON, for scripts
  --from <dir>        a synthesized cdktf.out (default: synthesize the working tree)`;

const OS = ["IOS", "ANDROID", "WINDOWS", "MACOS", "CHROMEOS", "OSX", "LINUX", "OTHER"];

interface Options {
  stack: string;
  app: string;
  groups: string[];
  zone?: string;
  device: Device;
  platform?: SignInRequest["platform"];
  risk?: SignInRequest["risk"];
  userType?: string;
  json: boolean;
  from?: string;
}

function parse(argv: readonly string[]): Options | "help" {
  const args = new Args(argv, USAGE);
  const o: Partial<Options> & { device: Device; json: boolean } = { device: "unregistered", json: false };
  for (let a = args.next(); a !== undefined; a = args.next()) {
    if (a === "--help" || a === "-h") return "help";
    else if (a === "--app") o.app = args.value(a);
    else if (a === "--groups") o.groups = args.value(a).split(",").map((g) => g.trim()).filter(Boolean);
    else if (a === "--zone") o.zone = args.value(a);
    else if (a === "--registered") o.device = o.device === "managed" ? "managed" : "registered";
    else if (a === "--managed") o.device = "managed";
    else if (a === "--platform") {
      const [type, os] = args.value(a).toUpperCase().split("/");
      if (type !== "MOBILE" && type !== "DESKTOP") throw new Error(`--platform must start with MOBILE or DESKTOP: got ${JSON.stringify(type)}.\n\n${USAGE}`);
      if (os !== undefined && !OS.includes(os)) throw new Error(`--platform's OS must be one of ${OS.join(", ")}: got ${JSON.stringify(os)}.\n\n${USAGE}`);
      o.platform = { type, ...(os ? { os } : {}) };
    } else if (a === "--risk") {
      const r = args.value(a).toUpperCase();
      if (r !== "LOW" && r !== "MEDIUM" && r !== "HIGH") throw new Error(`--risk must be LOW, MEDIUM or HIGH: got ${JSON.stringify(r)}.\n\n${USAGE}`);
      o.risk = r;
    } else if (a === "--user-type") {
      const t = args.value(a);
      if (userTypeNameProblem("--user-type", t)) throw new Error(`--user-type must be a user type's name (a letter, then letters, digits or _): got ${JSON.stringify(t)}.\n\n${USAGE}`);
      o.userType = t;
    } else if (a === "--json") o.json = true;
    else if (a === "--from") o.from = args.value(a);
    else if (!a.startsWith("--") && o.stack === undefined) o.stack = a;
    else throw new Error(`Unknown argument ${JSON.stringify(a)}.\n\n${USAGE}`);
  }
  if (!o.stack || !o.app || !o.groups) throw new Error(`${!o.stack ? "Name the stack" : !o.app ? "Give --app" : "Give --groups"}.\n\n${USAGE}`);
  return o as Options;
}

/** The app block an id or label names: its construct path is `<stack>/<id>/App`. */
function findApp(blocks: ReadonlyMap<string, Block>, model: SignOnModel, stack: string, app: string): Block {
  const apps = [...model.appPolicy.keys()].map((a) => blocks.get(a)!);
  const found = apps.find((b) => b.path.startsWith(`${stack}/${app}/`)) ?? apps.find((b) => typeof b.attrs.label === "string" && unescapeLiteral(b.attrs.label) === app);
  if (!found) throw new Error(`No app ${JSON.stringify(app)} users sign in to in ${stack}. Fix: use one of ${apps.map((b) => b.path.split("/")[1]).sort().join(", ")}.`);
  return found;
}

/** Zones a --zone value stands for: a zone by name, or the IP zones whose gateways hold the address. */
function zonesOf(model: SignOnModel, zone: string | undefined): string[] {
  if (zone === undefined) return [];
  const zones = [...model.zones.values()];
  if (isIP(zone)) return zones.filter((z) => z.gateways.some((g) => addressInEntry(zone, g))).map((z) => z.name);
  if (!zones.some((z) => z.name === zone)) throw new Error(`No network zone ${JSON.stringify(zone)} in this stack. Fix: use one of ${zones.map((z) => JSON.stringify(z.name)).join(", ") || "(none declared)"}, or an IP address.`);
  return [zone];
}

export function simulationText(stack: string, s: Simulation, request: SignInRequest): string {
  const out = [`${stack} › ${s.app}: policy "${s.policy}"`];
  out.push(`request: groups ${["Everyone", ...request.groups].join(", ")}; ${request.zones.length ? `from zone ${request.zones.map((z) => `"${z}"`).join(", ")}` : "from no declared zone"}; device ${request.device}; platform ${request.platform ? `${request.platform.type}${request.platform.os ? `/${request.platform.os}` : ""}` : "not known"}; risk ${request.risk ?? "not known"}${request.userType ? `; user type "${request.userType}"` : ""}`);
  for (const t of s.trace) out.push(`  ${t.priority}. "${t.rule}" (${t.access}): ${t.matched ? "matches" : `no match: ${t.why.join("; ")}`}`);
  if (s.outcome === "ALLOW") out.push(`Outcome: ALLOW${s.rule ? ` by "${s.rule}"` : ""}${s.assurance ? `, with ${s.assurance}; re-authenticate after ${s.reauthenticateIn}` : ""}`);
  else if (s.outcome === "DENY") out.push(`Outcome: DENY by "${s.rule}"`);
  else if (s.outcome === "UNKNOWN") out.push("Outcome: UNKNOWN: the app's policy is not in this config");
  else out.push("Outcome: NOT ASSIGNED: the user cannot sign in to this app");
  appendAll(out, s.notes.map((n) => `note: ${n}`));
  return out.join("\n") + "\n";
}

export function runSimulate(argv: readonly string[], write: (text: string) => void = (t) => process.stdout.write(t)): number {
  const o = parse(argv);
  if (o === "help") {
    write(`${USAGE}\n`);
    return 0;
  }
  try {
    const stacks = readSynthesized(o.from ?? synthesizeWorkingTree());
    const found = stacks.get(o.stack);
    if (!found) throw new Error(`No stack ${JSON.stringify(o.stack)}. Fix: use one of ${[...stacks.keys()].join(", ")}.`);
    const blocks = blocksOf(found.json);
    const model = signOnModelOf(blocks, dataBlocksOf(found.json));
    const app = findApp(blocks, model, o.stack, o.app);
    const known = new Set(["Everyone", ...[...blocks.values()].filter((b) => b.type === "okta_group").map((b) => nameOf(blocks, `\${okta_group.${b.id}.id}`))]);
    const unknown = o.groups.filter((g) => !known.has(g));
    if (unknown.length) throw new Error(`No group ${unknown.map((g) => JSON.stringify(g)).join(", ")} in ${o.stack}. Fix: use some of ${[...known].sort().join(", ")}.`);
    const assigned = [...blocks.values()].filter((b) => b.type === "okta_app_group_assignment" && parseReference(b.attrs.app_id) && addressOf(parseReference(b.attrs.app_id)!) === app.address).map((b) => nameOf(blocks, b.attrs.group_id));
    const request: SignInRequest = { groups: o.groups.filter((g) => g !== "Everyone"), zones: zonesOf(model, o.zone), device: o.device, platform: o.platform, risk: o.risk, ...(o.userType ? { userType: o.userType } : {}) };
    const label = typeof app.attrs.label === "string" ? unescapeLiteral(app.attrs.label) : app.id;
    const result = simulate(model, { address: app.address, label: `${label} (${app.path.split("/")[1]})`, assigned }, request);
    write(o.json ? JSON.stringify({ stack: o.stack, request, ...result }, null, 2) + "\n" : simulationText(o.stack, result, request));
    return 0;
  } finally {
    cleanupTemp();
  }
}

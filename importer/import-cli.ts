// `npm run import -- --environment <env> [...]`: reads a live Okta org (GET only) and writes
// typed config that adopts it: config/imported/<env>.ts and an import report beside it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isEnvironmentName, ENVIRONMENTS, EnvironmentName } from "../constructs/environment";
import { adoptOrg, Adoption } from "./adopt";
import { credentialsFrom, orgUrlFrom, IMPORT_SCOPES, OKTA_DOMAINS } from "./credentials";
import { OktaClient } from "./okta-client";
import { readOrg } from "./read-org";
import { renderConfig, renderReport } from "./render";
import { countsOf } from "./import-report";
import { rowsChanged } from "../review/diff";

const USAGE = `Usage: npm run import -- --environment <${ENVIRONMENTS.join("|")}> [--org-url <url>] [--custom-domain] [--out <file.ts>] [--max-api-capacity <1-100>] [--force]

Reads the org with GET requests only and writes config that adopts it (Terraform import blocks):
  --environment       which environment the org is; the config is written for it
  --org-url           the org, e.g. https://acme.okta.com (default: https://$OKTA_ORG_NAME.$OKTA_BASE_URL);
                      only Okta's domains (${OKTA_DOMAINS.join(", ")}) unless --custom-domain
  --custom-domain     the org URL is your org's own custom domain: send the credentials there
  --out               where to write the config (default: config/imported/<env>.ts); the report
                      goes beside it as <name>.report.md
  --max-api-capacity  share of each rate limit the import may use, in percent (default 50)
  --force             replace an existing config file (by default an import never overwrites one)
Credentials, from the environment only: OKTA_API_CLIENT_ID + OKTA_API_PRIVATE_KEY (+ OKTA_API_PRIVATE_KEY_ID)
of the read-only plan identity, or OKTA_API_TOKEN of a read-only admin. Scopes: ${IMPORT_SCOPES.join(", ")}.`;

export interface ImportRun {
  readonly adoption: Adoption;
  readonly configFile: string;
  readonly reportFile: string;
  readonly requests: number;
  readonly seconds: number;
}

export async function runImport(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  write: (t: string) => void = (t) => process.stdout.write(t),
  progress: (t: string) => void = (t) => process.stderr.write(t),
): Promise<ImportRun | undefined> {
  const args = new Map<string, string>();
  let force = false;
  let customDomain = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      write(`${USAGE}\n`);
      return undefined;
    }
    if (arg === "--force") {
      force = true;
      continue;
    }
    if (arg === "--custom-domain") {
      customDomain = true;
      continue;
    }
    if (!["--environment", "--org-url", "--out", "--max-api-capacity"].includes(arg)) throw new Error(`Unknown argument ${JSON.stringify(arg)}.\n\n${USAGE}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith("--")) throw new Error(`${arg} needs a value.\n\n${USAGE}`);
    args.set(arg, value);
  }
  const environment = args.get("--environment");
  if (!isEnvironmentName(environment)) throw new Error(`--environment must be one of ${ENVIRONMENTS.join(", ")}: got ${JSON.stringify(environment)}.\n\n${USAGE}`);
  const capacityText = args.get("--max-api-capacity");
  const capacity = capacityText === undefined ? 50 : Number(capacityText);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100) throw new Error(`--max-api-capacity must be a whole percentage from 1 to 100: got ${JSON.stringify(capacityText)}. Fix: e.g. --max-api-capacity 50.`);
  const orgUrl = orgUrlFrom(env, args.get("--org-url"), customDomain);
  const credentials = credentialsFrom(env, orgUrl);
  const client = new OktaClient({ orgUrl, authorization: () => credentials.authorization(), maxApiCapacity: capacity, progress: (line) => progress(`${line}\n`) });
  const configFile = path.resolve(args.get("--out") ?? path.join("config", "imported", `${environment}.ts`));
  const reportFile = configFile.replace(/\.ts$/, "") + ".report.md";
  // Checked before reading the org: an import must not wipe edits made to an earlier one.
  if (fs.existsSync(configFile) && !force) {
    throw new Error(`${path.relative(process.cwd(), configFile)} exists: got no --force. Fix: pass --force to replace it (commit your edits first), or --out <another file>.`);
  }

  const start = process.hrtime.bigint();
  const snapshot = await readOrg(client);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-import-"));
  let adoption: Adoption;
  try {
    adoption = adoptOrg(snapshot, environment as EnvironmentName, outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const header = [
    `Imported from ${orgUrl} by \`npm run import\` (${new Date().toISOString().slice(0, 10)}), as ${credentials.describe}.`,
    `What was not imported, and why: ${path.basename(reportFile)}. Use it from config/${environment}.ts: export const ${environment} = imported;`,
    "Then deploy once: the plan shows imports, not creates. Afterwards `imports` may be deleted.",
  ];
  writeAtomically(configFile, renderConfig(adoption.config, header));
  writeAtomically(reportFile, renderReport(adoption, orgUrl, seconds, client.requests));
  const counts = countsOf(adoption.mapped.log.entries);
  write(
    `Imported ${orgUrl} into ${path.relative(process.cwd(), configFile)} (${client.requests} requests, ${seconds.toFixed(1)} s${client.waitedSeconds ? `, ${client.waitedSeconds.toFixed(0)} s waiting for rate limits` : ""}).\n` +
      Object.entries(counts)
        .map(([kind, c]) => `  ${kind}: ${Object.entries(c).map(([o, n]) => `${n} ${o}`).join(", ")}`)
        .join("\n") +
      `\n  first deploy: ${accessRows(adoption)}.` +
      `\n  ${Object.keys(adoption.config.imports ?? {}).length} resources adopt existing objects; ${adoption.creates.length} would be created; ${adoption.changes.length} attributes change on the first deploy; ${adoption.findings.length} guardrail findings.\nReport: ${path.relative(process.cwd(), reportFile)}\n`,
  );
  return { adoption, configFile, reportFile, requests: client.requests, seconds };
}

/** `no access change`, or `3 access rows added, 1 removed (see the report)`. */
function accessRows(adoption: Adoption): string {
  const { added, removed } = rowsChanged(adoption.access);
  return added || removed ? `${added} access rows added, ${removed} removed (see the report)` : "no access change";
}

/** Each file whole or not at all: a temp file renamed into place. */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

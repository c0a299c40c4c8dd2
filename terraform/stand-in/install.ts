import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The version the stand-in presents itself as: inside the range stacks pin. */
export const STAND_IN_VERSION = "6.12.0";

export interface StandIn {
  /** The temporary directory holding the mirror and the CLI config. */
  readonly dir: string;
  /** Environment for terraform (and cdktf) to use the stand-in, offline, touching nothing in $HOME. */
  readonly env: Readonly<Record<string, string>>;
}

function platform(): string {
  const arch = ({ x64: "amd64", arm64: "arm64", ia32: "386" } as Record<string, string>)[process.arch] ?? process.arch;
  return `${process.platform}_${arch}`;
}

/**
 * Installs the okta provider stand-in as version 6.12.0 of registry.terraform.io/okta/okta in
 * a filesystem mirror under a fresh temporary directory, with a Terraform CLI config that
 * installs providers only from there: `terraform init` then resolves the stacks' pinned range
 * against it, hashes it into the lock file as for a real provider, and never uses the network.
 * `entry` is the stand-in's compiled main.js (scripts/run.js builds it into .build/).
 */
export function installStandIn(entry: string, parent = os.tmpdir()): StandIn {
  const dir = fs.mkdtempSync(path.join(parent, "okta-stand-in-"));
  const mirror = path.join(dir, "mirror");
  const pkg = path.join(mirror, "registry.terraform.io", "okta", "okta", STAND_IN_VERSION, platform());
  fs.mkdirSync(pkg, { recursive: true });
  const executable = path.join(pkg, `terraform-provider-okta_v${STAND_IN_VERSION}`);
  // Kept here for all of the plugin's starts (two to four per Terraform command): its TLS
  // certificate (made by the first start that needs one) and Node's compile cache for its modules.
  const tls = path.join(dir, "tls");
  const env = `OKTA_STAND_IN_TLS=${JSON.stringify(tls)} NODE_COMPILE_CACHE=${JSON.stringify(path.join(dir, "compile-cache"))}`;
  fs.writeFileSync(executable, `#!/bin/sh\n${env} exec ${JSON.stringify(process.execPath)} ${JSON.stringify(entry)} "$@"\n`, { mode: 0o755 });
  const config = path.join(dir, "terraform.rc");
  fs.writeFileSync(
    config,
    [
      "# Written by okta-as-code for its tests: the okta provider stand-in, and no other source.",
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/okta/okta"]',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  return { dir, env: { TF_CLI_CONFIG_FILE: config, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" } };
}

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Whether `terraform validate` can run here: it needs a terraform binary and, since
 * `terraform init` cannot reach the registry offline, the okta provider 4.20.0 already in a
 * local plugin directory. Returns the reason when it cannot.
 */
export function terraformValidation(): { available: true } | { available: false; reason: string } {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, "terraform")));
  if (!onPath) return { available: false, reason: "no terraform binary on PATH" };
  const roots = [process.env.TF_PLUGIN_CACHE_DIR, path.join(os.homedir(), ".terraform.d", "plugin-cache"), path.join(os.homedir(), ".terraform.d", "plugins")];
  const found = roots.some((root) => root && fs.existsSync(path.join(root, "registry.terraform.io", "okta", "okta", "4.20.0")));
  if (!found) {
    return {
      available: false,
      reason: "terraform is on PATH but the okta provider 4.20.0 is not in a local plugin directory (TF_PLUGIN_CACHE_DIR, ~/.terraform.d/plugin-cache or ~/.terraform.d/plugins), and terraform init cannot download it without network",
    };
  }
  return { available: true };
}

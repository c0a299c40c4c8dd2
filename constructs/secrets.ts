/**
 * What a credential looks like in settings Okta holds (an OIN app's app_settings_json): by the
 * setting's name, or by a value that is a PEM private key. Used to keep credentials out of
 * config (the constructs refuse them there), out of imported config (the import writes a
 * reference instead) and out of reports (they print `(sensitive)`).
 */
const SECRET_KEY = /secret|password|passwd|token|api_?key|private|credential|signing_?key|^key$/i;

export function looksLikeSecretSetting(key: string, value: unknown): boolean {
  if (value === null || typeof value === "boolean" || typeof value === "number") return false;
  return SECRET_KEY.test(key) || (typeof value === "string" && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value));
}

/** A Terraform variable name for a setting: `pagerduty` + `apiToken` → `pagerduty_api_token`. */
export function secretVariableName(appId: string, key: string): string {
  const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
  return `${snake(appId)}_${snake(key)}`.replace(/^([^a-z])/, "s_$1").replace(/_+/g, "_");
}

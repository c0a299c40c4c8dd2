import { createPrivateKey, randomUUID, sign } from "crypto";
import { IMPORT_READ_SCOPES } from "../constructs/management-access";

/**
 * Where `npm run import` gets its org URL and credentials: the same OKTA_* variables the okta
 * provider reads, so the read-only plan identity's environment works unchanged. Values are
 * read from the environment only, never from arguments (shell history) or files in the repo.
 */
export interface ImportCredentials {
  readonly orgUrl: string;
  readonly authorization: (fetchFn?: typeof fetch) => Promise<string>;
  /** How the import authenticates, for the report (never the secret). */
  readonly describe: string;
}

/** Read-only scopes the import needs (the bootstrap stack grants them to the plan identity). */
export const IMPORT_SCOPES = IMPORT_READ_SCOPES;

export function orgUrlFrom(env: Readonly<Record<string, string | undefined>>, flag?: string, allowCustomDomain = false): string {
  const url = flag ? flag.replace(/\/+$/, "") : env.OKTA_ORG_NAME ? `https://${env.OKTA_ORG_NAME}.${env.OKTA_BASE_URL ?? "okta.com"}` : undefined;
  if (!url) throw new Error("No org to import: got neither --org-url nor OKTA_ORG_NAME. Fix: set OKTA_ORG_NAME (and OKTA_BASE_URL if not okta.com), or pass --org-url https://<org>.okta.com.");
  checkOrgUrl(url, allowCustomDomain);
  return url;
}

/** Okta's own domains: an org is <name>.<one of these>. */
export const OKTA_DOMAINS = ["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil"] as const;

/**
 * Credentials go only to Okta: the org URL is https on one of Okta's domains, or a custom
 * domain the user names explicitly (--custom-domain), or a loopback test server over http.
 */
export function checkOrgUrl(orgUrl: string, allowCustomDomain: boolean): void {
  let url: URL;
  try {
    url = new URL(orgUrl);
  } catch {
    throw new Error(`The org URL is not a URL: got ${JSON.stringify(orgUrl)}. Fix: pass --org-url https://<your-org>.okta.com, or set OKTA_ORG_NAME and OKTA_BASE_URL.`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (loopback) return;
  if (url.protocol !== "https:") throw new Error(`The org URL must use https: got ${JSON.stringify(orgUrl)}. Fix: use https://<your-org>.okta.com (a token must never travel in clear).`);
  if (url.username || url.password || (url.pathname !== "/" && url.pathname !== "") || url.search) {
    throw new Error(`The org URL must be the org's origin only: got ${JSON.stringify(orgUrl)}. Fix: pass https://<your-org>.okta.com, without a path, query or user name.`);
  }
  const okta = OKTA_DOMAINS.some((d) => url.hostname.endsWith(`.${d}`));
  if (!okta && !allowCustomDomain) {
    throw new Error(
      `${url.hostname} is not on one of Okta's domains (${OKTA_DOMAINS.join(", ")}): the import sends credentials only to Okta. ` +
        "Fix: use your org's Okta URL (https://<your-org>.okta.com), or pass --custom-domain if this is your org's own custom URL domain.",
    );
  }
}

export function credentialsFrom(env: Readonly<Record<string, string | undefined>>, orgUrl: string): ImportCredentials {
  if (env.OKTA_API_TOKEN) {
    return { orgUrl, describe: "an API token (OKTA_API_TOKEN)", authorization: async () => `SSWS ${env.OKTA_API_TOKEN}` };
  }
  if (env.OKTA_API_CLIENT_ID && env.OKTA_API_PRIVATE_KEY) {
    const scopes = (env.OKTA_API_SCOPES ?? IMPORT_SCOPES.join(",")).split(/[\s,]+/).filter(Boolean);
    return {
      orgUrl,
      describe: `OAuth client ${env.OKTA_API_CLIENT_ID} (private_key_jwt; scopes ${scopes.join(" ")})`,
      authorization: async (fetchFn = fetch) => `Bearer ${await accessToken(fetchFn, orgUrl, env.OKTA_API_CLIENT_ID!, env.OKTA_API_PRIVATE_KEY!, env.OKTA_API_PRIVATE_KEY_ID, scopes)}`,
    };
  }
  throw new Error(
    "No Okta credentials: set OKTA_API_CLIENT_ID and OKTA_API_PRIVATE_KEY (the read-only plan identity, as the plan environments hold them; OKTA_API_PRIVATE_KEY_ID if its key has a kid), or OKTA_API_TOKEN of a read-only admin. Fix: export them in this shell; never put them in a file of the repo.",
  );
}

/** A client_credentials token with a private_key_jwt assertion (RFC 7523), as the provider gets one. */
async function accessToken(fetchFn: typeof fetch, orgUrl: string, clientId: string, pem: string, kid: string | undefined, scopes: readonly string[]): Promise<string> {
  const endpoint = `${orgUrl}/oauth2/v1/token`;
  let key;
  try {
    key = createPrivateKey(pem.replace(/\\n/g, "\n"));
  } catch (e) {
    throw new Error(`OKTA_API_PRIVATE_KEY is not a PEM private key (${(e as Error).message}). Fix: set it to the plan identity's PKCS#8 or PKCS#1 PEM.`);
  }
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: "RS256", typ: "JWT", ...(kid ? { kid } : {}) });
  const claims = b64({ iss: clientId, sub: clientId, aud: endpoint, iat: now, exp: now + 300, jti: randomUUID() });
  const assertion = `${header}.${claims}.${sign("sha256", Buffer.from(`${header}.${claims}`), key).toString("base64url")}`;
  const response = await fetchFn(endpoint, {
    method: "POST",
    // A redirect would carry the signed assertion elsewhere: never followed.
    redirect: "manual",
    headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", scope: scopes.join(" "), client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    const dpop = body.error === "invalid_dpop_proof" ? " The app requires DPoP, which the import does not send: turn off 'Require DPoP' for the read-only identity." : "";
    throw new Error(`Okta refused a token for ${clientId} (${response.status} ${body.error ?? ""}: ${body.error_description ?? ""}).${dpop} Fix: check OKTA_API_CLIENT_ID, its key and that it is granted ${scopes.join(" ")}.`);
  }
  return body.access_token;
}

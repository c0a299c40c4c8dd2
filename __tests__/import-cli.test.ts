import { generateKeyPairSync, verify } from "crypto";
import { runImport } from "../importer/import-cli";
import { credentialsFrom, orgUrlFrom } from "../importer/credentials";
import { startOktaApiServer } from "../test-support/okta-api-server";
import { recordedOrg } from "../test-support/recorded-org";

describe("npm run import: arguments and credentials", () => {
  test("prints its usage for --help and refuses an unknown argument or environment, naming it", async () => {
    let printed = "";
    expect(await runImport(["--help"], {}, (t) => (printed += t))).toBeUndefined();
    expect(printed).toContain("Usage: npm run import -- --environment <dev|staging|prod>");
    await expect(runImport(["--org"], {})).rejects.toThrow('Unknown argument "--org".');
    await expect(runImport(["--environment", "qa"], {})).rejects.toThrow('--environment must be one of dev, staging, prod: got "qa".');
    await expect(runImport(["--environment"], {})).rejects.toThrow("--environment needs a value.");
    await expect(runImport(["--environment", "dev", "--max-api-capacity", "lots"], {})).rejects.toThrow('--max-api-capacity must be a whole percentage from 1 to 100: got "lots".');
  });

  test("never overwrites an earlier import unless told to (--force)", async () => {
    const fs = await import("fs");
    const os = await import("os");
    const path = await import("path");
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "okta-import-")), "dev.ts");
    fs.writeFileSync(out, "// edited by hand\n");
    const server = await startOktaApiServer(recordedOrg(), { authorization: "SSWS t" });
    try {
      const argv = ["--environment", "dev", "--org-url", server.url, "--out", out];
      await expect(runImport(argv, { OKTA_API_TOKEN: "t" }, () => undefined)).rejects.toThrow("exists: got no --force. Fix: pass --force to replace it");
      expect(server.requests.size).toBe(0);
      expect(fs.readFileSync(out, "utf8")).toBe("// edited by hand\n");
      await runImport([...argv, "--force"], { OKTA_API_TOKEN: "t" }, () => undefined);
      expect(fs.readFileSync(out, "utf8")).toContain("export const imported: OrgConfig = {");
    } finally {
      await server.close();
    }
  });

  test("takes the org from OKTA_ORG_NAME and OKTA_BASE_URL like the provider, and says what is missing", () => {
    expect(orgUrlFrom({ OKTA_ORG_NAME: "acme", OKTA_BASE_URL: "oktapreview.com" })).toBe("https://acme.oktapreview.com");
    expect(orgUrlFrom({ OKTA_ORG_NAME: "acme" })).toBe("https://acme.okta.com");
    expect(() => orgUrlFrom({})).toThrow("No org to import: got neither --org-url nor OKTA_ORG_NAME.");
    expect(() => credentialsFrom({}, "https://acme.okta.com")).toThrow("No Okta credentials: set OKTA_API_CLIENT_ID and OKTA_API_PRIVATE_KEY");
  });

  test("signs in as the read-only identity with private_key_jwt: a signed assertion for the token endpoint, read-only scopes, then Bearer", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forms: URLSearchParams[] = [];
    const server = await startOktaApiServer(recordedOrg(), {
      authorization: "Bearer at-123",
      token: (form) => {
        forms.push(form);
        return { status: 200, body: JSON.stringify({ token_type: "Bearer", access_token: "at-123", expires_in: 3600 }) };
      },
    });
    try {
      const env = { OKTA_API_CLIENT_ID: "0oaPLAN", OKTA_API_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), OKTA_API_PRIVATE_KEY_ID: "plan-key" };
      const credentials = credentialsFrom(env, server.url);
      expect(credentials.describe).not.toContain("PRIVATE");
      expect(await credentials.authorization()).toBe("Bearer at-123");
      const form = forms[0];
      expect(form.get("grant_type")).toBe("client_credentials");
      expect(form.get("scope")).toBe("okta.appGrants.read okta.apps.read okta.authorizationServers.read okta.groups.read okta.trustedOrigins.read");
      expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      const [header, claims, signature] = form.get("client_assertion")!.split(".");
      expect(verify("sha256", Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature, "base64url"))).toBe(true);
      expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ alg: "RS256", typ: "JWT", kid: "plan-key" });
      expect(JSON.parse(Buffer.from(claims, "base64url").toString())).toMatchObject({ iss: "0oaPLAN", sub: "0oaPLAN", aud: `${server.url}/oauth2/v1/token` });
    } finally {
      await server.close();
    }
  });

  test("says why Okta refused the token, and what to check", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const server = await startOktaApiServer(recordedOrg(), {
      authorization: "Bearer never",
      token: () => ({ status: 400, body: JSON.stringify({ error: "invalid_dpop_proof", error_description: "The DPoP proof JWT header is missing." }) }),
    });
    try {
      const credentials = credentialsFrom({ OKTA_API_CLIENT_ID: "0oaPLAN", OKTA_API_PRIVATE_KEY: privateKey.export({ type: "pkcs1", format: "pem" }).toString() }, server.url);
      await expect(credentials.authorization()).rejects.toThrow("Okta refused a token for 0oaPLAN (400 invalid_dpop_proof: The DPoP proof JWT header is missing.). The app requires DPoP");
      expect(() => credentialsFrom({ OKTA_API_CLIENT_ID: "x", OKTA_API_PRIVATE_KEY: "not a key" }, server.url)).not.toThrow();
      await expect(credentialsFrom({ OKTA_API_CLIENT_ID: "x", OKTA_API_PRIVATE_KEY: "not a key" }, server.url).authorization()).rejects.toThrow("OKTA_API_PRIVATE_KEY is not a PEM private key");
    } finally {
      await server.close();
    }
  });
});

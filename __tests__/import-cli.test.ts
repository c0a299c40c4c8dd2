import { generateKeyPairSync, verify } from "crypto";
import { runImport } from "../importer/import-cli";
import { checkOrgUrl, credentialsFrom, orgUrlFrom } from "../importer/credentials";
import { OktaClient } from "../importer/okta-client";
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
      expect(form.get("scope")).toBe("okta.appGrants.read okta.apps.read okta.authorizationServers.read okta.groups.read okta.networkZones.read okta.policies.read okta.roles.read okta.trustedOrigins.read okta.userTypes.read");
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

describe("npm run import: credentials go only to Okta, and a bad org fails fast (issue 20)", () => {
  const noSleep = { sleep: async () => undefined, maxRetries: 5 };
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  test("takes Okta's own domains, a custom domain only when told, and http only for loopback", () => {
    for (const url of ["https://acme.okta.com", "https://acme.oktapreview.com", "https://acme.okta-emea.com", "https://acme.okta-gov.com", "https://acme.okta.mil", "http://127.0.0.1:8080"]) {
      expect(checkOrgUrl(url, false)).toBeUndefined();
    }
    expect(() => checkOrgUrl("https://login.acme.com", false)).toThrow("login.acme.com is not on one of Okta's domains (okta.com, oktapreview.com, okta-emea.com, okta-gov.com, okta.mil): the import sends credentials only to Okta. Fix: use your org's Okta URL (https://<your-org>.okta.com), or pass --custom-domain");
    expect(checkOrgUrl("https://login.acme.com", true)).toBeUndefined();
    expect(() => checkOrgUrl("https://okta.com.evil.example", false)).toThrow("is not on one of Okta's domains");
    expect(() => checkOrgUrl("http://acme.okta.com", false)).toThrow("The org URL must use https");
    expect(() => checkOrgUrl("https://acme.okta.com/app/x?y=1", false)).toThrow("must be the org's origin only");
  });

  test("refuses --org-url on another domain before any request or credential is used", async () => {
    await expect(runImport(["--environment", "dev", "--org-url", "https://login.acme.com"], { OKTA_API_TOKEN: "t" }, () => undefined, () => undefined)).rejects.toThrow("pass --custom-domain if this is your org's own custom URL domain");
  });

  test("never follows a redirect: an answer pointing elsewhere is an error, and nothing is sent there", async () => {
    const seen: string[] = [];
    const client = new OktaClient({
      orgUrl: "https://acme.okta.com",
      authorization: async () => "SSWS t",
      ...noSleep,
      fetch: (async (input: URL, init?: RequestInit) => {
        seen.push(`${String(input)} ${init?.redirect}`);
        return new Response(null, { status: 302, headers: { location: "https://evil.example/steal" } });
      }) as unknown as typeof fetch,
    });
    await expect(client.list("/api/v1/apps")).rejects.toThrow('GET /api/v1/apps answered 302, a redirect to "https://evil.example/steal": refused, credentials go only to https://acme.okta.com');
    expect(seen).toEqual(["https://acme.okta.com/api/v1/apps manual"]);
  });

  test("an org that does not resolve or answer fails at once, not after a minute of retries", async () => {
    let slept = 0;
    const dns = new OktaClient({
      orgUrl: "https://nope.okta.com",
      authorization: async () => "SSWS t",
      sleep: async () => void slept++,
      fetch: (async () => {
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } });
      }) as unknown as typeof fetch,
    });
    await expect(dns.list("/api/v1/apps")).rejects.toThrow("cannot reach https://nope.okta.com (ENOTFOUND): check the URL and network.");
    expect(slept).toBe(0);
    // A real closed port on loopback: connection refused, in well under a second.
    const net = await import("net");
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const start = Date.now();
    const refused = new OktaClient({ orgUrl: `http://127.0.0.1:${port}`, authorization: async () => "SSWS t" });
    await expect(refused.list("/api/v1/apps")).rejects.toThrow(`cannot reach http://127.0.0.1:${port} (ECONNREFUSED): check the URL and network.`);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  test("a 403 or 401 names the scope the request needs", async () => {
    const answer = (status: number) =>
      new OktaClient({ orgUrl: "https://acme.okta.com", authorization: async () => "Bearer t", ...noSleep, fetch: (async () => json({ errorCode: "E0000006", errorSummary: "You do not have permission" }, status)) as unknown as typeof fetch });
    await expect(answer(403).list("/api/v1/apps/0oa1234567890abcdefg/grants")).rejects.toThrow("it needs the scope okta.appGrants.read and an admin role that reads it");
    await expect(answer(403).list("/api/v1/authorizationServers")).rejects.toThrow("it needs the scope okta.authorizationServers.read");
    await expect(answer(401).list("/api/v1/groups")).rejects.toThrow("an access token also needs the scope okta.groups.read");
  });

  test("a long read reports progress: objects, requests and rate-limit waits", async () => {
    const lines: string[] = [];
    let clock = 0;
    let page = 0;
    const client = new OktaClient({
      orgUrl: "https://acme.okta.com",
      authorization: async () => "SSWS t",
      now: () => (clock += 1500),
      sleep: async () => undefined,
      progress: (l) => lines.push(l),
      fetch: (async () => {
        page++;
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (page < 4) headers.link = `<https://acme.okta.com/api/v1/groups?after=${page}>; rel="next"`;
        if (page === 2) return new Response("", { status: 429, headers: { "x-rate-limit-reset": String(Math.floor((clock + 30_000) / 1000)) } });
        return new Response(JSON.stringify([{ id: `g${page}` }, { id: `h${page}` }]), { status: 200, headers });
      }) as unknown as typeof fetch,
    });
    expect(await client.list("/api/v1/groups")).toHaveLength(6);
    expect(lines.some((l) => /^import: waiting \d+ s \(rate limit or retry\), after 2 requests$/.test(l))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^import: \d+ objects read, \d+ requests/));
  });
});

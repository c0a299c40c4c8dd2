import * as http from "http";
import { AddressInfo } from "net";
import { OrgSnapshot } from "../importer/okta-objects";

/** An answer a test forces on a request instead of the org's. */
export interface Fault {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface OktaApiServerOptions {
  /** The Authorization header the server accepts. */
  readonly authorization: string;
  /** Items per page at most (Okta: up to 200 on most lists). @default 200 */
  readonly pageSize?: number;
  /** X-Rate-Limit-Limit per bucket and window. @default 600 */
  readonly rateLimit?: number;
  /** Forces an answer: called with the path and how many times that path was asked. */
  readonly fault?: (path: string, attempt: number) => Fault | undefined;
  /** Answers POST /oauth2/v1/token (the org authorization server's token endpoint) with the form it got. */
  readonly token?: (form: URLSearchParams) => Fault;
}

export interface OktaApiServer {
  readonly url: string;
  /** Requests by path (query included). */
  readonly requests: Map<string, number>;
  readonly methods: Set<string>;
  close(): Promise<void>;
}

/**
 * A local HTTP server answering Okta's management API for an org snapshot, as Okta does:
 * lists paginated with `limit` and `after` and a Link rel="next" header, X-Rate-Limit-*
 * headers, Okta's error bodies (E0000011 for a bad token, E0000007 for an unknown path), and
 * faults a test injects (429, 5xx, garbage). GET only, like the import.
 */
export async function startOktaApiServer(org: OrgSnapshot, options: OktaApiServerOptions): Promise<OktaApiServer> {
  const requests = new Map<string, number>();
  const methods = new Set<string>();
  const limit = options.rateLimit ?? 600;
  const used = new Map<string, number>();
  const reset = Math.floor(Date.now() / 1000) + 60;
  const servers = new Map(org.authServers.map((s) => [s.server.id, s]));
  const lists: [RegExp, (m: RegExpExecArray) => readonly unknown[] | undefined][] = [
    [/^\/api\/v1\/apps$/, () => org.apps],
    [/^\/api\/v1\/apps\/(\w+)\/groups$/, (m) => org.appGroups[m[1]]],
    [/^\/api\/v1\/apps\/(\w+)\/grants$/, (m) => org.grants[m[1]]],
    [/^\/api\/v1\/groups$/, () => org.groups],
    [/^\/api\/v1\/groups\/rules$/, () => org.groupRules],
    [/^\/api\/v1\/authorizationServers$/, () => org.authServers.map((s) => s.server)],
    [/^\/api\/v1\/authorizationServers\/(\w+)\/scopes$/, (m) => servers.get(m[1])?.scopes],
    [/^\/api\/v1\/authorizationServers\/(\w+)\/claims$/, (m) => servers.get(m[1])?.claims],
    [/^\/api\/v1\/authorizationServers\/(\w+)\/policies$/, (m) => servers.get(m[1])?.policies.map((p) => p.policy)],
    [/^\/api\/v1\/authorizationServers\/(\w+)\/policies\/(\w+)\/rules$/, (m) => servers.get(m[1])?.policies.find((p) => p.policy.id === m[2])?.rules],
    [/^\/api\/v1\/trustedOrigins$/, () => org.trustedOrigins],
    [/^\/api\/v1\/policies$/, () => (org.accessPolicies ?? []).map((p) => p.policy)],
    [/^\/api\/v1\/policies\/(\w+)\/rules$/, (m) => org.accessPolicies?.find((p) => p.policy.id === m[1])?.rules],
    [/^\/api\/v1\/zones$/, () => org.zones ?? []],
    [/^\/api\/v1\/meta\/types\/user$/, () => (Array.isArray(org.userTypes) ? org.userTypes : undefined)],
    [/^\/oauth2\/v1\/clients\/([^/]+)\/roles$/, (m) => {
      const app = org.apps.find((a) => (a.credentials?.oauthClient?.client_id ?? a.id) === decodeURIComponent(m[1]));
      const roles = app ? org.clientRoles?.[app.id] : undefined;
      return Array.isArray(roles) ? roles : undefined;
    }],
  ];
  let base = "";
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    methods.add(req.method ?? "");
    const attempt = (requests.get(path) ?? 0) + 1;
    requests.set(path, attempt);
    const url = new URL(path, base);
    const bucket = url.pathname.replace(/\/[0-9a-zA-Z]{20}(?=\/|$)/g, "/{id}");
    used.set(bucket, (used.get(bucket) ?? 0) + 1);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-rate-limit-limit": String(limit),
      "x-rate-limit-remaining": String(Math.max(0, limit - used.get(bucket)!)),
      "x-rate-limit-reset": String(reset),
    };
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...headers, ...extra });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    const fault = options.fault?.(path, attempt);
    if (fault) return send(fault.status, fault.body ?? "", fault.headers ?? {});
    if (req.method === "POST" && url.pathname === "/oauth2/v1/token" && options.token) {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const answer = options.token!(new URLSearchParams(body));
        send(answer.status, answer.body ?? "", answer.headers ?? {});
      });
      return;
    }
    if (req.method !== "GET") return send(405, { errorCode: "E0000022", errorSummary: "The endpoint does not support the provided HTTP method" });
    if (req.headers.authorization !== options.authorization) return send(401, { errorCode: "E0000011", errorSummary: "Invalid token provided", errorCauses: [] });
    for (const [re, items] of lists) {
      const m = re.exec(url.pathname);
      if (!m) continue;
      const all = items(m);
      if (!all) break;
      const size = Math.min(Number(url.searchParams.get("limit") ?? 200) || 200, options.pageSize ?? 200);
      const after = Number(url.searchParams.get("after") ?? 0);
      const page = all.slice(after, after + size);
      const next = new URL(url.pathname, base);
      url.searchParams.forEach((v, k) => k !== "after" && next.searchParams.set(k, v));
      next.searchParams.set("after", String(after + size));
      const link = `<${new URL(path, base).href}>; rel="self"` + (after + size < all.length ? `, <${next.href}>; rel="next"` : "");
      return send(200, page, { link });
    }
    return send(404, { errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${url.pathname} (GET)`, errorCauses: [] });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    methods,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A read-only client of Okta's management API for `npm run import`: plain HTTPS (Node's
 * fetch), GET only. It follows Okta's pagination (`Link: <…>; rel="next"`), keeps to a share
 * of each rate-limit bucket like the provider's `max_api_capacity` (X-Rate-Limit-Remaining of
 * X-Rate-Limit-Limit, until X-Rate-Limit-Reset), waits out 429s until the reset, and retries
 * 5xx and network failures with backoff. Errors name the request, Okta's error code and the
 * fix. Credentials live only in the Authorization header; nothing here logs them.
 */
import { JsonTooDeepError, parseOutsideJson } from "../review/outside-json";
import { appendAll } from "../constructs/append-all";

export interface OktaClientOptions {
  /** The org's URL, e.g. https://acme.okta.com (http only for loopback test servers). */
  readonly orgUrl: string;
  /** The Authorization header value (`SSWS …` or `Bearer …`), fetched once per client. */
  readonly authorization: () => Promise<string>;
  /**
   * Percentage of each rate-limit bucket the import may use, leaving the rest to the org's
   * real traffic (the provider's max_api_capacity).
   * @default 50
   */
  readonly maxApiCapacity?: number;
  /** @default 5 */
  readonly maxRetries?: number;
  /** @default 4 */
  readonly concurrency?: number;
  /** @default - global fetch */
  readonly fetch?: typeof fetch;
  /** @default - setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default - Date.now */
  readonly now?: () => number;
  /** Progress of a long read (requests, objects, rate-limit waits), a line at a time. @default - none */
  readonly progress?: (line: string) => void;
  /**
   * The largest answer body read, in bytes; a larger one is refused (tests set less).
   * @default MAX_ANSWER_BYTES
   */
  readonly maxAnswerBytes?: number;
  /**
   * The most pages one list is followed through; more is refused (tests set less).
   * @default MAX_PAGES
   */
  readonly maxPages?: number;
}

/**
 * The most pages of one list followed: 10,000 pages of 200 objects, two million apps or groups,
 * beyond any org the import is for. A repeated next link is refused as it comes; this ends a
 * list whose next links never repeat and never end (a proxy or test server gone wrong), which
 * would otherwise be read until memory ran out.
 */
export const MAX_PAGES = 10_000;

/**
 * The largest body of one Okta answer read: 32 MB. The import asks for pages of 200 objects; the
 * largest answer in the recorded Okta traffic (okta-api-recordings: a page of apps) is 443 KB, and
 * its largest object 3.2 KB, so a page of 200 is under 1 MB. Without a cap, an answer that never
 * ends (a proxy, a misconfigured --org-url) would be read whole into memory before any check.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** Thrown by readCapped: the body passed the cap; the message says by how much it was known. */
class AnswerTooLargeError extends Error {}

export class OktaApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "OktaApiError";
  }
}

/** What Okta answers on an error: {errorCode, errorSummary, errorCauses}. */
interface OktaErrorBody {
  readonly errorCode?: string;
  readonly errorSummary?: string;
  readonly error?: string;
  readonly error_description?: string;
}

const FIXES: Record<number, string> = {
  400: "this Okta org does not accept the request; report it with the path above.",
  401: "the credentials were refused: set OKTA_API_TOKEN (SSWS), or OKTA_API_CLIENT_ID and OKTA_API_PRIVATE_KEY of the read-only plan identity (okta-bootstrap-<env> creates it), for this org; an access token also needs the scope {scope}.",
  403: "the identity may not read this: it needs the scope {scope} and an admin role that reads it (READ_ONLY_ADMIN). The read-only plan identity has both (okta-bootstrap-<env> grants okta.appGrants.read, okta.apps.read, okta.authorizationServers.read, okta.groups.read, okta.networkZones.read, okta.policies.read, okta.roles.read, okta.trustedOrigins.read); or use an API token of a read-only admin.",
  404: "the org has no such object or feature (check OKTA_ORG_NAME / --org-url).",
};

/** The OAuth scope a GET of this path needs (Okta's management API scopes). */
export function scopeOf(path: string): string {
  const p = path.replace(/\?.*$/, "");
  if (/^\/api\/v1\/apps\/[^/]+\/grants/.test(p)) return "okta.appGrants.read";
  if (p.startsWith("/api/v1/apps")) return "okta.apps.read";
  if (p.startsWith("/api/v1/groups")) return "okta.groups.read";
  if (p.startsWith("/api/v1/authorizationServers")) return "okta.authorizationServers.read";
  if (p.startsWith("/api/v1/trustedOrigins")) return "okta.trustedOrigins.read";
  if (p.startsWith("/api/v1/policies")) return "okta.policies.read";
  if (p.startsWith("/api/v1/zones")) return "okta.networkZones.read";
  if (/^\/oauth2\/v1\/clients\/[^/]+\/roles/.test(p)) return "okta.roles.read";
  return "the read scope of this endpoint";
}

/** Network errors that no retry fixes: the name does not resolve, nothing listens, the certificate is wrong. */
const UNREACHABLE = /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT)/;

function causeCode(e: unknown): string {
  let c: unknown = e;
  for (let i = 0; i < 4 && c && typeof c === "object"; i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string") return code;
    c = (c as { cause?: unknown }).cause;
  }
  return "";
}

/** The rate-limit bucket of a path: Okta limits per endpoint, not per object. */
export function bucketOf(path: string): string {
  return path
    .replace(/\?.*$/, "")
    .split("/")
    .map((s) => (/^[0-9a-zA-Z]{20}$/.test(s) || s === "default" ? "{id}" : s))
    .join("/");
}

export class OktaClient {
  /** Requests sent, retries included (for the report and the bench). */
  requests = 0;
  /** Seconds spent waiting for rate limits. */
  waitedSeconds = 0;
  /** Objects in the lists and objects read so far (for progress). */
  objects = 0;
  /** Whether the org has answered once: before that, an unreachable org fails at once. */
  private reached = false;
  private lastProgress = 0;
  private readonly base: URL;
  private readonly buckets = new Map<string, { limit: number; remaining: number; reset: number }>();
  private authorizationValue?: Promise<string>;
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly options: OktaClientOptions) {
    let url: URL;
    try {
      url = new URL(options.orgUrl);
    } catch {
      throw new Error(`The org URL is not a URL: got ${JSON.stringify(options.orgUrl)}. Fix: pass --org-url https://<your-org>.okta.com, or set OKTA_ORG_NAME and OKTA_BASE_URL.`);
    }
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      throw new Error(`The org URL must use https: got ${JSON.stringify(options.orgUrl)}. Fix: use https://<your-org>.okta.com (a token must never travel in clear).`);
    }
    const capacity = options.maxApiCapacity ?? 50;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100) {
      throw new Error(`--max-api-capacity must be a whole percentage from 1 to 100: got ${JSON.stringify(capacity)}. Fix: e.g. --max-api-capacity 50.`);
    }
    this.base = new URL(url.origin);
  }

  /** One object. */
  async get<T>(path: string): Promise<T> {
    return (await this.request(path)).body as T;
  }

  /** Every page of a list: follows Link rel="next" (same origin only). */
  async list<T>(path: string): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = path;
    const seen = new Set<string>();
    const maxPages = this.options.maxPages ?? MAX_PAGES;
    while (next) {
      if (seen.has(next)) throw new OktaApiError(200, path, `GET ${path}: Okta's next link repeats ${next}. Fix: retry; report it if it persists.`);
      if (seen.size >= maxPages) throw new OktaApiError(200, path, `GET ${path}: still a next link after ${maxPages} pages (${out.length} objects), more than any org the import is for. Fix: check --org-url points at an Okta org; report it if it does.`);
      seen.add(next);
      const page: { body: unknown; next?: string } = await this.request(next);
      if (!Array.isArray(page.body)) {
        throw new OktaApiError(200, next, `GET ${next}: expected a list, got ${describe(page.body)}. Fix: check --org-url points at an Okta org (not a proxy or login page).`);
      }
      appendAll(out, page.body as T[]);
      this.objects += page.body.length;
      this.report();
      next = page.next;
    }
    return out;
  }

  private async request(path: string): Promise<{ body: unknown; next?: string }> {
    await this.slot();
    try {
      return await this.send(path);
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  private async slot(): Promise<void> {
    if (this.active < (this.options.concurrency ?? 4)) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
  }

  private async send(path: string): Promise<{ body: unknown; next?: string }> {
    const fetchFn = this.options.fetch ?? fetch;
    const maxRetries = this.options.maxRetries ?? 5;
    const url = new URL(path, this.base);
    if (url.origin !== this.base.origin) throw new OktaApiError(0, path, `GET ${path}: refuses to follow a link to another origin (${url.origin}). Fix: check --org-url.`);
    const bucket = bucketOf(url.pathname);
    let lastProblem = "";
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      await this.keepCapacity(bucket);
      this.authorizationValue ??= this.options.authorization();
      let response: Response;
      this.requests++;
      try {
        // Never follow a redirect: it would take the credentials to wherever it points.
        response = await fetchFn(url, { method: "GET", redirect: "manual", headers: { Accept: "application/json", Authorization: await this.authorizationValue, "User-Agent": "okta-as-code-import" } });
      } catch (e) {
        const code = causeCode(e);
        if (!this.reached && UNREACHABLE.test(code)) {
          throw new OktaApiError(0, path, `cannot reach ${this.base.origin} (${code}): check the URL and network. Fix: check --org-url (or OKTA_ORG_NAME and OKTA_BASE_URL) and that this machine can reach it.`);
        }
        lastProblem = `network error (${(e as Error).message}${code ? `, ${code}` : ""})`;
        await this.wait(backoff(attempt));
        continue;
      }
      if (response.status >= 300 && response.status < 400) {
        throw new OktaApiError(response.status, path, `GET ${path} answered ${response.status}, a redirect to ${JSON.stringify(response.headers.get("location") ?? "(none)")}: refused, credentials go only to ${this.base.origin}. Fix: use the org's own URL in --org-url (not a vanity or sign-in page).`);
      }
      this.reached = true;
      this.remember(bucket, response.headers);
      if (response.status === 429) {
        lastProblem = "429 Too Many Requests";
        const reset = Number(response.headers.get("x-rate-limit-reset"));
        await this.wait(Number.isFinite(reset) && reset > 0 ? this.untilReset(reset) : backoff(attempt));
        continue;
      }
      if (response.status >= 500) {
        lastProblem = `${response.status} ${response.statusText}`;
        await this.wait(backoff(attempt));
        continue;
      }
      let text: string;
      try {
        text = await readCapped(response, this.options.maxAnswerBytes ?? MAX_ANSWER_BYTES);
      } catch (e) {
        if (!(e instanceof AnswerTooLargeError)) throw e;
        throw new OktaApiError(response.status, path, `GET ${path}: the answer is ${e.message}, unlike any Okta page of 200 objects (under 1 MB); refused unread. Fix: check --org-url points at an Okta org (not a proxy or a download).`);
      }
      if (response.status >= 400) {
        const error = parse(text) as OktaErrorBody | undefined;
        const code = error?.errorCode ? `${error.errorCode}: ${error.errorSummary ?? ""}` : (error?.error_description ?? error?.error ?? text.slice(0, 200));
        throw new OktaApiError(response.status, path, `GET ${path} answered ${response.status} (${code}). Fix: ${(FIXES[response.status] ?? FIXES[400]).replace("{scope}", scopeOf(url.pathname))}`);
      }
      let body: unknown;
      try {
        body = parseOutsideJson(text);
      } catch (e) {
        const what = e instanceof JsonTooDeepError ? `JSON ${e.message}, unlike any Okta answer` : "not JSON";
        throw new OktaApiError(response.status, path, `GET ${path}: the answer is ${what} (${describe(text)}). Fix: check --org-url points at an Okta org.`);
      }
      return { body, next: nextLink(response.headers.get("link")) };
    }
    throw new OktaApiError(429, path, `GET ${path} failed ${maxRetries + 1} times (last: ${lastProblem}). Fix: retry later, or lower --max-api-capacity so the import leaves room for the org's own traffic.`);
  }

  /** Waits for the bucket's reset when the import has used its share of it. */
  private async keepCapacity(bucket: string): Promise<void> {
    const state = this.buckets.get(bucket);
    if (!state || state.limit <= 0) return;
    const floor = state.limit * (1 - (this.options.maxApiCapacity ?? 50) / 100);
    if (state.remaining > floor) {
      state.remaining--;
      return;
    }
    await this.wait(this.untilReset(state.reset));
    this.buckets.delete(bucket);
  }

  /**
   * Until an X-Rate-Limit-Reset (epoch seconds) plus a second; Okta's windows are one minute,
   * so at most 61 s even when this machine's clock is behind Okta's.
   */
  private untilReset(reset: number): number {
    return Math.min(61_000, Math.max(0, reset * 1000 - this.now()) + 1000);
  }

  private remember(bucket: string, headers: Headers): void {
    const limit = Number(headers.get("x-rate-limit-limit"));
    const remaining = Number(headers.get("x-rate-limit-remaining"));
    const reset = Number(headers.get("x-rate-limit-reset"));
    if ([limit, remaining, reset].every((n) => Number.isFinite(n) && headers.has("x-rate-limit-limit"))) this.buckets.set(bucket, { limit, remaining, reset });
  }

  /** A progress line at most every two seconds while reading. */
  private report(force = false): void {
    const now = this.now();
    if (!this.options.progress || (!force && now - this.lastProgress < 2000)) return;
    this.lastProgress = now;
    this.options.progress(`import: ${this.objects} objects read, ${this.requests} requests${this.waitedSeconds ? `, ${this.waitedSeconds.toFixed(0)} s waiting for rate limits` : ""}`);
  }

  private async wait(ms: number): Promise<void> {
    if (ms >= 2000) this.options.progress?.(`import: waiting ${(ms / 1000).toFixed(0)} s (rate limit or retry), after ${this.requests} requests`);
    this.waitedSeconds += ms / 1000;
    await (this.options.sleep ?? ((t: number) => new Promise<void>((r) => setTimeout(r, t))))(ms);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/**
 * An answer's body as text, refusing (AnswerTooLargeError) one longer than maxBytes: by its
 * Content-Length before reading, or while streaming it (a body may not declare its length).
 */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024 / 1024)} MB`);
  const declared = Number(response.headers.get("content-length"));
  if (response.headers.has("content-length") && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new AnswerTooLargeError(`${mb(declared)} (Content-Length), more than the ${mb(maxBytes)} read here`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new AnswerTooLargeError(`more than the ${mb(maxBytes)} read here`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

function backoff(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** attempt);
}

/** An answer's JSON, or undefined for what is not JSON or nests deeper than any Okta answer (an unexpected answer). */
function parse(text: string): unknown {
  try {
    return parseOutsideJson(text);
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return JSON.stringify((text ?? String(value)).slice(0, 80));
}

/** The rel="next" URL of an RFC 8288 Link header. */
export function nextLink(header: string | null): string | undefined {
  for (const part of (header ?? "").split(/,(?=\s*<)/)) {
    const m = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (m && /\brel="?next"?/.test(m[2])) return m[1];
  }
  return undefined;
}

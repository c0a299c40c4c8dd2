import { Problems, isToken } from "./validation";

/** Hosts that never leave the machine (RFC 8252 §7.3, RFC 9700 §2.6). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface UriRules {
  /** Native apps may use a private-use (reverse-domain) scheme, RFC 8252 §7.1. */
  readonly allowCustomScheme?: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Checks a redirect or post-logout redirect URI. Okta compares redirect URIs exactly, and
 * RFC 9700 §2.1 requires exact matching, so wildcards and fragments are rejected here rather
 * than at apply or, worse, at sign-in.
 */
export function checkRedirectUri(problems: Problems, field: string, uri: string, rules: UriRules = {}): void {
  if (isToken(uri)) return;
  if (uri.includes("*")) {
    problems.add(`${field} contains a wildcard`, uri, "list every redirect URI exactly (RFC 9700 §2.1: exact string matching).");
    return;
  }
  if (!SCHEME.test(uri)) {
    problems.add(`${field} is not an absolute URI`, uri, "write the full URI including its scheme, e.g. https://app.example.com/login/callback.");
    return;
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    problems.add(`${field} is not a valid absolute URI`, uri, "write the full URI including its scheme, e.g. https://app.example.com/login/callback.");
    return;
  }
  if (uri.includes("#")) {
    problems.add(`${field} contains a fragment`, uri, "remove the #fragment: redirect URIs must not contain one (RFC 6749 §3.1.2).");
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === "https") return;
  if (scheme === "http") {
    if (!isLoopbackHost(url.hostname)) {
      problems.add(
        `${field} uses http on a host that is not loopback`,
        uri,
        "use https; plain http is allowed only for localhost, 127.0.0.1 or [::1] (RFC 9700 §2.6).",
      );
    }
    return;
  }
  if (!rules.allowCustomScheme) {
    problems.add(`${field} uses the scheme "${scheme}:", which only native apps may use`, uri, "use an https URI.");
  } else if (!scheme.includes(".")) {
    problems.add(
      `${field} uses a custom scheme that is not reverse-domain`,
      uri,
      "use a private-use scheme based on a domain you own, e.g. com.example.app:/callback (RFC 8252 §7.1).",
    );
  }
}

/**
 * Checks a web origin (scheme, host and optional port, nothing else), as Okta's trusted
 * origins and a SPA's base URIs expect.
 */
export function checkOrigin(problems: Problems, field: string, origin: string): void {
  if (isToken(origin)) return;
  if (origin.includes("*")) {
    problems.add(`${field} contains a wildcard`, origin, "list each origin exactly; only grant origins you control (Okta enable-cors guide).");
    return;
  }
  let url: URL | undefined;
  try {
    url = SCHEME.test(origin) ? new URL(origin) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    problems.add(`${field} is not an absolute http(s) origin`, origin, "write scheme, host and optional port, e.g. https://app.example.com.");
    return;
  }
  if (url.origin !== origin) {
    problems.add(`${field} is not a bare origin`, origin, `drop the path, query or trailing slash: use ${url.origin}.`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    problems.add(`${field} uses http on a host that is not loopback`, origin, "use https; plain http is allowed only for localhost, 127.0.0.1 or [::1].");
  }
}

/** True when the URI points at a loopback host (used for per-environment checks). */
export function pointsAtLoopback(uri: string): boolean {
  if (isToken(uri)) return false;
  try {
    return isLoopbackHost(new URL(uri).hostname);
  } catch {
    return false;
  }
}

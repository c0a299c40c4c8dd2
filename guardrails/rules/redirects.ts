import { pointsAtLoopback } from "../../constructs/uri";
import { APP, ORIGIN, list, parseUrl, redirectUris } from "../resources";
import { Hit, ResourceView, Rule, levels } from "../types";


export const OKTA_05: Rule = {
  id: "OKTA-05",
  title: "Redirect URIs must match exactly",
  why: "Wildcard redirects let an attacker who controls any matching host or path receive codes and tokens.",
  fix: 'Set wildcard_redirect = "DISABLED" and list each redirect URI exactly.',
  source: "RFC 9700 §2.1 (exact string matching)",
  levels: levels("warning", "error", "error"),
  appliesTo: [APP],
  check: (r) => {
    const hits: Hit[] = [];
    if (r.attrs.wildcard_redirect !== undefined && r.attrs.wildcard_redirect !== "DISABLED") {
      hits.push({ detail: `wildcard_redirect is ${JSON.stringify(r.attrs.wildcard_redirect)}` });
    }
    redirectUris(r)
      .filter(({ uri }) => uri.includes("*"))
      .forEach(({ field, uri }) => hits.push({ detail: `${field} contains a wildcard: ${uri}` }));
    return hits;
  },
};

export const OKTA_06: Rule = {
  id: "OKTA-06",
  title: "No plain-http redirect URIs except loopback",
  why: "Codes and tokens sent over http can be read and altered by anyone on the network path.",
  fix: "Use https; plain http is only acceptable for localhost, 127.0.0.1 or [::1].",
  source: "RFC 9700 §2.6",
  levels: levels("error", "error", "error"),
  unsuppressible: { in: ["prod"], why: "codes over plain http are readable on the network" },
  appliesTo: [APP],
  check: (r) =>
    redirectUris(r)
      .filter(({ uri }) => parseUrl(uri)?.protocol === "http:" && !pointsAtLoopback(uri))
      .map(({ field, uri }) => ({ detail: `${field} uses http on a non-loopback host: ${uri}` })),
};

export const OKTA_07: Rule = {
  id: "OKTA-07",
  title: "No loopback redirects or origins outside dev; no localhost on native apps",
  why: "Outside dev, a loopback redirect sends codes to whatever runs on the user's machine; native apps must use a loopback IP, not localhost, which can resolve elsewhere.",
  fix: "Remove loopback URIs from staging/prod; on native apps use 127.0.0.1 or [::1] instead of localhost.",
  source: "RFC 9700 §2.1; RFC 8252 §8.3",
  levels: levels("info", "warning", "error"),
  appliesTo: [APP, ORIGIN],
  check: (r, ctx) => {
    const uris = r.type === ORIGIN ? [{ field: "origin", uri: String(r.attrs.origin ?? "") }] : redirectUris(r);
    const hits: Hit[] = [];
    for (const { field, uri } of uris) {
      if (!pointsAtLoopback(uri)) continue;
      const localhost = parseUrl(uri)?.hostname === "localhost";
      if (r.type === APP && r.attrs.type === "native" && localhost) hits.push({ detail: `native app ${field} uses localhost: ${uri}` });
      else if (ctx.environment !== "dev") hits.push({ detail: `${field} points at loopback in ${ctx.environment}: ${uri}` });
    }
    return hits;
  },
};

const browserOrigins = new WeakMap<readonly ResourceView[], ReadonlySet<string | undefined>>();

/** Origins the stack's browser apps redirect to; computed once per stack, not once per origin. */
function browserOriginsOf(resources: readonly ResourceView[]): ReadonlySet<string | undefined> {
  let origins = browserOrigins.get(resources);
  if (!origins) {
    origins = new Set(resources.filter((a) => a.type === APP && a.attrs.type === "browser").flatMap((a) => redirectUris(a).map(({ uri }) => parseUrl(uri)?.origin)));
    browserOrigins.set(resources, origins);
  }
  return origins;
}

export const OKTA_17: Rule = {
  id: "OKTA-17",
  title: "Trusted origins: exact, https, and only for browser apps in this org",
  why: "A trusted origin with CORS lets that site's JavaScript call Okta's APIs with the user's session.",
  fix: "List exact https origins you control, and grant CORS only to origins a browser app of this org is served from.",
  source: "Okta enable-cors guide",
  levels: levels("warning", "error", "error"),
  appliesTo: [ORIGIN],
  check: (r, ctx) => {
    const origin = String(r.attrs.origin ?? "");
    const hits: Hit[] = [];
    if (origin.includes("*")) hits.push({ detail: `origin contains a wildcard: ${origin}` });
    else if (parseUrl(origin)?.protocol === "http:" && !pointsAtLoopback(origin)) hits.push({ detail: `origin uses http on a non-loopback host: ${origin}` });
    if (list(r.attrs.scopes).includes("CORS")) {
      if (!browserOriginsOf(ctx.resources).has(origin)) hits.push({ detail: `CORS is granted to ${origin}, which no browser app of this stack uses` });
    }
    return hits;
  },
};

import { Problems, checkRange, isToken } from "./validation";

/**
 * Token lifetimes of an authorization-server rule. Defaults are deliberately tighter than
 * Okta's (whose refresh lifetime default is unlimited): RFC 9700 §4.14.2 asks that refresh
 * tokens expire, and Okta's refresh-token guide recommends short idle windows.
 */
export interface TokenLifetimes {
  /**
   * Access token lifetime in minutes (Okta: 5–1440).
   * @default 60
   */
  readonly accessTokenMinutes?: number;
  /**
   * Refresh token idle window in minutes: unused this long, it expires (Okta: 5–2,628,000,
   * and between the access and refresh lifetimes).
   * @default 10080 (7 days)
   */
  readonly refreshTokenWindowMinutes?: number;
  /**
   * Refresh token absolute lifetime in minutes, or "unlimited" (Okta's 0). Never unlimited
   * unless you say so.
   * @default 129600 (90 days)
   */
  readonly refreshTokenLifetimeMinutes?: number | "unlimited";
}

/** The three numbers as okta_auth_server_policy_rule wants them (0 = unlimited). */
export interface ResolvedLifetimes {
  readonly accessTokenLifetimeMinutes: number;
  readonly refreshTokenWindowMinutes: number;
  readonly refreshTokenLifetimeMinutes: number;
}

export const DEFAULT_TOKEN_LIFETIMES: Required<TokenLifetimes> = {
  accessTokenMinutes: 60,
  refreshTokenWindowMinutes: 7 * 24 * 60,
  refreshTokenLifetimeMinutes: 90 * 24 * 60,
};

const MAX_REFRESH_MINUTES = 2_628_000; // 5 years, Okta's ceiling

/** Applies defaults and Okta's limits (which Okta otherwise enforces only at apply). */
export function resolveLifetimes(problems: Problems, field: string, ...layers: (TokenLifetimes | undefined)[]): ResolvedLifetimes {
  const merged = Object.assign({}, DEFAULT_TOKEN_LIFETIMES, ...layers.map(stripUndefined)) as Required<TokenLifetimes>;
  const access = merged.accessTokenMinutes;
  const window = merged.refreshTokenWindowMinutes;
  const lifetime = merged.refreshTokenLifetimeMinutes;
  checkRange(problems, `${field}.accessTokenMinutes`, access, 5, 1440, "Okta's limit for access tokens");
  checkRange(problems, `${field}.refreshTokenWindowMinutes`, window, 5, MAX_REFRESH_MINUTES, "Okta's limit for the refresh window");
  if (lifetime !== "unlimited") {
    checkRange(problems, `${field}.refreshTokenLifetimeMinutes`, lifetime, 5, MAX_REFRESH_MINUTES, 'Okta\'s limit; use "unlimited" for no limit');
  }
  const known = [access, window, lifetime].every((v) => !isToken(v));
  if (known && lifetime !== "unlimited" && lifetime < access) {
    problems.add(`${field}.refreshTokenLifetimeMinutes must be at least the access token lifetime (${access})`, lifetime, "raise the refresh lifetime or lower the access token lifetime.");
  }
  if (known && window < access) {
    problems.add(`${field}.refreshTokenWindowMinutes must be at least the access token lifetime (${access})`, window, "raise the refresh window.");
  }
  if (known && lifetime !== "unlimited" && window > lifetime) {
    problems.add(`${field}.refreshTokenWindowMinutes must not exceed the refresh lifetime (${lifetime})`, window, "lower the window or raise the lifetime.");
  }
  return {
    accessTokenLifetimeMinutes: access,
    refreshTokenWindowMinutes: window,
    refreshTokenLifetimeMinutes: lifetime === "unlimited" ? 0 : lifetime,
  };
}

function stripUndefined(layer: TokenLifetimes | undefined): Partial<TokenLifetimes> {
  return Object.fromEntries(Object.entries(layer ?? {}).filter(([, v]) => v !== undefined));
}

import type { FetchLike } from "./client.ts";

/**
 * A thin typed client for the end-user portal (`/v1/enduser/*`, docs/portal.md): plain
 * JSON over HTTP with the caller's token pair. It logs in, keeps the pair, and on an
 * expired access token rotates the refresh token once and retries. Nothing is signed:
 * portal calls come from the customer's browser or app with the customer's password.
 */
export interface PortalClientOptions {
  baseUrl: string;
  /** The vendor's org whose portal this is. */
  orgId: string;
  fetch?: FetchLike;
}

export interface PortalDevice {
  hwid: string;
  name: string | null;
  platform: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface PortalLicense {
  id: string;
  key: string;
  productId: string;
  productName: string;
  state: "valid" | "expired" | "frozen" | "revoked";
  expiresAt: string | null;
  redeemedAt: string | null;
  maxHwids: number;
  devices: PortalDevice[];
  liveSessions: number;
  createdAt: string;
}

export interface PortalSession {
  id: string;
  licenseId: string;
  hwid: string | null;
  ip: string | null;
  appVersion: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface PortalTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The server's error envelope as an exception; `retryAfterSeconds` and `nextAllowedAt` come with RESET_COOLDOWN. */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "PortalError";
  }

  get nextAllowedAt(): string | null {
    return this.details.find((detail) => detail.path === "nextAllowedAt")?.message ?? null;
  }
}

export interface PortalClient {
  login(login: string, password: string): Promise<PortalTokens>;
  /** Rotates the refresh token (the old one dies); called by itself when an access token expired. */
  refresh(): Promise<PortalTokens>;
  logout(): Promise<void>;
  licenses(): Promise<PortalLicense[]>;
  license(licenseId: string): Promise<PortalLicense>;
  redeem(key: string): Promise<PortalLicense>;
  resetHwids(licenseId: string): Promise<PortalLicense>;
  deactivateDevice(licenseId: string, hwid: string): Promise<PortalLicense>;
  sessions(licenseId: string): Promise<PortalSession[]>;
  revokeSession(licenseId: string, sessionId: string): Promise<void>;
}

export function createPortalClient(options: PortalClientOptions): PortalClient {
  const send = options.fetch ?? ((url, init) => fetch(url, init));
  const base = options.baseUrl.replace(/\/+$/, "");
  let tokens: PortalTokens | null = null;

  async function call<T>(method: string, path: string, body?: unknown, authorized = true): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (authorized && tokens !== null) headers.authorization = `Bearer ${tokens.accessToken}`;
    const response = await send(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = (await response.json().catch(() => null)) as { ok?: boolean; data?: T; error?: { code: string; message: string; details?: { path: string; message: string }[] } } | null;
    if (answer?.ok === true) return answer.data as T;
    const retryAfter = response.headers.get("retry-after");
    throw new PortalError(response.status, answer?.error?.code ?? "INVALID_RESPONSE", answer?.error?.message ?? `HTTP ${response.status}`, answer?.error?.details, retryAfter === null ? null : Number(retryAfter));
  }

  /** An authorized call; an expired access token is refreshed once. */
  async function authed<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (tokens === null) throw new PortalError(401, "UNAUTHORIZED", "Not logged in: call login() first");
    try {
      return await call<T>(method, path, body);
    } catch (error) {
      if (!(error instanceof PortalError) || error.status !== 401 || error.code !== "UNAUTHORIZED") throw error;
      await client.refresh();
      return call<T>(method, path, body);
    }
  }

  const keep = (pair: PortalTokens) => {
    tokens = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresIn: pair.expiresIn };
    return tokens;
  };
  const licensePath = (licenseId: string) => `/v1/enduser/licenses/${encodeURIComponent(licenseId)}`;

  const client: PortalClient = {
    async login(login, password) {
      return keep(await call<PortalTokens>("POST", "/v1/enduser/auth/login", { orgId: options.orgId, login, password }, false));
    },
    async refresh() {
      if (tokens === null) throw new PortalError(401, "UNAUTHORIZED", "Not logged in: call login() first");
      return keep(await call<PortalTokens>("POST", "/v1/enduser/auth/refresh", { refreshToken: tokens.refreshToken }, false));
    },
    async logout() {
      if (tokens === null) return;
      await call("POST", "/v1/enduser/auth/logout", { refreshToken: tokens.refreshToken }, false);
      tokens = null;
    },
    licenses: async () => (await authed<{ licenses: PortalLicense[] }>("GET", "/v1/enduser/licenses?pageSize=200")).licenses,
    license: async (licenseId) => (await authed<{ license: PortalLicense }>("GET", licensePath(licenseId))).license,
    redeem: async (key) => (await authed<{ license: PortalLicense }>("POST", "/v1/enduser/licenses/redeem", { key })).license,
    resetHwids: async (licenseId) => (await authed<{ license: PortalLicense }>("POST", `${licensePath(licenseId)}/reset-hwid`)).license,
    deactivateDevice: async (licenseId, hwid) =>
      (await authed<{ license: PortalLicense }>("DELETE", `${licensePath(licenseId)}/hwids/${encodeURIComponent(hwid)}`)).license,
    sessions: async (licenseId) => (await authed<{ sessions: PortalSession[] }>("GET", `${licensePath(licenseId)}/sessions`)).sessions,
    async revokeSession(licenseId, sessionId) {
      await authed("POST", `${licensePath(licenseId)}/sessions/${encodeURIComponent(sessionId)}/revoke`);
    },
  };
  return client;
}

import { afterEach } from "bun:test";
import { createLicenseClient, type LicenseClientOptions } from "../client.ts";
import { DENIAL_CODES } from "../errors.ts";
import { startFakeAuthorizeServer, type FakeAuthorizeServer, type FakeLicense } from "./fake-authorize-server.ts";

/** A fake server with one license per outcome, and a client wired to it; both torn down after each test. */

export const API_KEY = "gg_7k3m9p2q4r6s_O8JA6FGmGcJdrnaFHMx9tKTLPvXuKV2m3OZL6w4AwyQ";
export const VALID_KEY = "GG-VALID-0001";
export const BUSY_KEY = "GG-BUSY-0001";
/** Codes a license itself answers with; LICENSE_NOT_FOUND and SESSION_REVOKED need no fixture. */
export const LICENSE_DENIALS = DENIAL_CODES.filter((c) => c !== "LICENSE_NOT_FOUND" && c !== "SESSION_REVOKED");

const licenses: Record<string, FakeLicense> = {
  [VALID_KEY]: { id: "019ac4e2-7b00-7a3c-9d1e-2f4a6b8c0d1e", status: "active", expiresAt: "2027-11-27T10:00:00.000Z" },
  [BUSY_KEY]: { id: "019ac4e2-7b00-7a3c-9d1e-000000000002", status: "active", expiresAt: null, retryAfterSeconds: 17 },
};
for (const code of LICENSE_DENIALS) {
  licenses[`GG-${code}`] = { id: `id-${code}`, status: "active", expiresAt: null, deny: code };
}

const started: FakeAuthorizeServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

export function setup(options: { pathPrefix?: string; client?: Partial<LicenseClientOptions> } = {}) {
  const server = startFakeAuthorizeServer({ apiKey: API_KEY, licenses, pathPrefix: options.pathPrefix });
  started.push(server);
  const client = createLicenseClient({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    productPublicKey: server.publicKey.export({ type: "spki", format: "pem" }).toString(),
    ...options.client,
  });
  return { server, client };
}

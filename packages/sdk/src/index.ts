export { createLicenseClient } from "./client.ts";
export type { AuthorizeInput, FetchLike, LicenseClient, LicenseClientOptions } from "./client.ts";
export type { Authorized, AuthorizeResult, LicenseInfo, Released, ReleaseResult, SessionHandle, SessionInfo, UpdateInfo } from "./answer.ts";
export { LATEST_VERSION_PATH, VARIABLES_PATH } from "./app-data.ts";
export type { LatestVersion, UpdateCheck, UpdateCheckOptions, UpdateCheckResult, Variables, VariablesResult } from "./app-data.ts";
export { defaultStateDirectory, defaultStateFile } from "./session-state.ts";
export type { SessionState } from "./session-state.ts";
export {
  CLIENT_CODES,
  CODES_BY_KIND,
  DENIAL_CODES,
  FAILURE_KINDS,
  HwidUnavailableError,
  LicenseClientConfigError,
  REJECTION_CODES,
  RETRY_CODES,
  failureKind,
} from "./errors.ts";
export type {
  AuthorizeFailure,
  ClientCode,
  DenialCode,
  FailureCode,
  FailureKind,
  RejectionCode,
  RetryCode,
} from "./errors.ts";
export {
  AUTHORIZE_PATH,
  RELEASE_PATH,
  HEADER_API_KEY,
  HEADER_NONCE,
  HEADER_RESPONSE_SIGNATURE,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  canonicalRequestString,
  isValidNonce,
  newNonce,
  requestSignatureMatches,
  sha256Hex,
  signRequest,
  signedRequestHeaders,
} from "./signing.ts";
export type { CanonicalRequest } from "./signing.ts";
export {
  loadProductPublicKey,
  responseSigningPayload,
  signResponse,
  verifyResponseSignature,
} from "./verify-response.ts";
export type { Jwk, ProductPublicKey, ResponseToVerify } from "./verify-response.ts";
export { deriveHwid, hashMachineIdentifier } from "./hwid.ts";
export type { DeriveHwidOptions } from "./hwid.ts";
export {
  parseIoregOutput,
  parseMachineIdFile,
  parseRegQueryOutput,
  parseUuidFile,
  readMachineIdentifier,
} from "./hwid-sources.ts";
export type { HostProbe, MachineIdentifier } from "./hwid-sources.ts";
export { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from "./webhooks.ts";
export type { VerifyWebhookOptions, WebhookVerdict } from "./webhooks.ts";
export { createPortalClient, PortalError } from "./portal-client.ts";
export type { PortalClient, PortalClientOptions, PortalDevice, PortalLicense, PortalSession, PortalTokens } from "./portal-client.ts";

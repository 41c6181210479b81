import { authorizeLicense, type AuthorizeDeps, type AuthorizeRequest } from "./authorize-license.ts";
import { releaseLicenseSession } from "./release-session.ts";
import type { SignedCallResult } from "./session-call.ts";
import { readLicenseVariables } from "../variables/read-variables.ts";
import { latestVersionForLicense } from "../versions/latest-version.ts";

/** One signed license call: from the checked request to its answer value (or denial), before enveloping and signing. */
export type SignedOperationRun = (deps: AuthorizeDeps, request: AuthorizeRequest) => Promise<SignedCallResult<object>>;

/**
 * Every signed license call the answerer runs, by name: the HTTP route names the
 * operation, the answerer (on the HTTP thread or the authorize thread) runs it and signs
 * its answer. A new signed call is one entry here and one in the route's list.
 */
export const SIGNED_OPERATIONS = {
  authorize: authorizeLicense,
  release: releaseLicenseSession,
  variables: readLicenseVariables,
  latestVersion: latestVersionForLicense,
} satisfies Record<string, SignedOperationRun>;

export type SignedOperation = keyof typeof SIGNED_OPERATIONS;

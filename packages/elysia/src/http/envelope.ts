/** The envelope lives in core: the authorize answer is built there, on whichever thread runs it. */
export { ok, fail } from "@geckoguard/core";

import { errorCatalogue, fail, type ErrorCode } from "@geckoguard/core";

type Json = Record<string, unknown>;

const CATALOGUE_ORDER = Object.keys(errorCatalogue) as ErrorCode[];

/** `NOT_FOUND` → `NotFound`. */
const pascal = (code: string) => code.toLowerCase().replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());

/** The error envelope whose `code` is one of `codes` (components.schemas.Error allows any). */
function errorEnvelope(codes: readonly ErrorCode[]): Json {
  const error = {
    type: "object",
    required: ["code", "message"],
    properties: { code: { type: "string", enum: codes }, message: { type: "string" }, details: { $ref: "#/components/schemas/ErrorDetails" } },
  };
  return { type: "object", required: ["ok", "error"], properties: { ok: { const: false }, error } };
}

/**
 * The error answers of all operations, each distinct set of codes of one status written
 * once in `components.responses` (e.g. `ForbiddenOrPermissionDenied`), with an example per
 * code in `components.examples`; operations refer to them by status.
 */
export class ErrorResponses {
  readonly responses: Record<string, Json> = {};
  private readonly codes = new Set<ErrorCode>();

  /** `{ [status]: $ref }` for `codes`, grouped by the catalogue's status. */
  forCodes(codes: readonly ErrorCode[]): Record<string, Json> {
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of CATALOGUE_ORDER.filter((c) => codes.includes(c))) byStatus.set(errorCatalogue[code], [...(byStatus.get(errorCatalogue[code]) ?? []), code]);
    const refs: Record<string, Json> = {};
    for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) refs[status] = { $ref: `#/components/responses/${this.register(list)}` };
    return refs;
  }

  /** `components.examples`: one error envelope per code in use. */
  examples(): Record<string, Json> {
    return Object.fromEntries(
      CATALOGUE_ORDER.filter((code) => this.codes.has(code)).map((code) => [code, { summary: code, value: fail(code, `${code}: see docs/errors.md for when it occurs and what to do`) }]),
    );
  }

  private register(list: ErrorCode[]): string {
    const name = list.map(pascal).join("Or");
    for (const code of list) this.codes.add(code);
    this.responses[name] ??= {
      description: list.join(", "),
      content: { "application/json": { schema: errorEnvelope(list), examples: Object.fromEntries(list.map((code) => [code, { $ref: `#/components/examples/${code}` }])) } },
    };
    return name;
  }
}

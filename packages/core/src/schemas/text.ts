import { Type, type StringOptions, type TString } from "@sinclair/typebox";

/**
 * Every string the API accepts is built here, so one rule covers every route: libSQL
 * keeps a NUL byte but text reads stop at it (a stored `a@x.io\u0000zz` reads back as
 * `a@x.io`), and other control characters have no business in stored text either.
 * The rule is a JSON Schema `pattern`, so Elysia, the import's validator and the
 * OpenAPI document all see the same thing (docs/errors.md, "Text rules").
 */

/** C0 control characters (U+0000–U+001F) and DEL. */
const CONTROLS = "\\u0000-\\u001f\\u007f";
/** The same, minus TAB, LF and CR, which free text may hold. */
const CONTROLS_BUT_WHITESPACE = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f";

export const SINGLE_LINE_PATTERN = `^[^${CONTROLS}]*$`;
export const FREE_TEXT_PATTERN = `^[^${CONTROLS_BUT_WHITESPACE}]*$`;

export const CONTROL_CHARACTER_MESSAGE = "Control characters are not allowed here";

/** The fast check for hand-written parsers (authorize): true when `value` holds a control character. */
const CONTROL_CHARACTER = new RegExp(`[${CONTROLS}]`);
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** `extra` (a field's own pattern) and "no character of `forbidden`" as one pattern. */
function withoutCharacters(forbidden: string, extra: string | undefined): string {
  if (extra === undefined) return `^[^${forbidden}]*$`;
  const rest = extra.startsWith("^") ? extra.slice(1) : `[\\s\\S]*?(?:${extra})`;
  return `^(?![\\s\\S]*[${forbidden}])${rest}`;
}

/** An identifier, name, email, key, HWID, URL…: no control character at all. */
export function SingleLine(options: StringOptions = {}): TString {
  return Type.String({ ...options, pattern: withoutCharacters(CONTROLS, options.pattern) });
}

/** Free text (notes, descriptions, reasons): TAB, LF and CR allowed, other control characters not. */
export function FreeText(options: StringOptions = {}): TString {
  return Type.String({ ...options, pattern: withoutCharacters(CONTROLS_BUT_WHITESPACE, options.pattern) });
}


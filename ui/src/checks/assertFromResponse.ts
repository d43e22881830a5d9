/**
 * "Add an assertion from the response": assertion lines for a JSON value, the status or a
 * header, in the text form the engine reads (`QUERY PREDICATE VALUE`, the value a JSON
 * literal).
 *
 * The engine renders `{{name}}` inside string values and has no way to escape it, so a
 * response text holding `{{` cannot be compared literally: such values get `exists`.
 */
import type { AssertionText } from "../bindings/AssertionText";
import type { JsonValue } from "../bindings/serde_json/JsonValue";

/** Names the engine reads after a dot (member-name shorthand, kept to ASCII). */
const SHORTHAND_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The JSONPath of the value at `path` (member names and array indices from the root):
 * `$.a.b[0]`; names that are not plain identifiers in brackets, `$["x-y"]`, quoted as an
 * RFC 9535 string literal (JSON's escapes are exactly those it allows in double quotes).
 * A number that is not a non-negative integer is taken as a member name.
 */
export function jsonPathOf(path: readonly (string | number)[]): string {
  return (
    "$" +
    path
      .map((segment) => {
        if (typeof segment === "number" && Number.isInteger(segment) && segment >= 0) return `[${segment}]`;
        const name = String(segment);
        return SHORTHAND_NAME.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
      })
      .join("")
  );
}

/**
 * The assertion on the value at `path`: `== <literal>` for a string, number, boolean or
 * null; `exists` for an object or an array (their whole text is rarely what one means to
 * pin down) and for what cannot be compared literally (text with `{{`, a non-finite number).
 */
export function assertionForJsonValue(path: readonly (string | number)[], value: JsonValue): string {
  const query = `jsonpath ${jsonPathOf(path)}`;
  const literal = comparableLiteral(value);
  return literal === null ? `${query} exists` : `${query} == ${literal}`;
}

export function assertionForStatus(status: number): string {
  return `status == ${status}`;
}

/** `header Name == "value"`, or `header Name exists` when the value holds `{{`. */
export function assertionForHeader(name: string, value: string): string {
  const literal = comparableLiteral(value);
  return literal === null ? `header ${name} exists` : `header ${name} == ${literal}`;
}

/** `assertions` with `line` appended, unless the very same line is already there. */
export function appendAssertion(
  assertions: readonly AssertionText[] | undefined,
  line: string,
): AssertionText[] {
  const list = [...(assertions ?? [])];
  return list.includes(line) ? list : [...list, line];
}

/** The JSON literal of a primitive the engine compares as written, or null. */
function comparableLiteral(value: JsonValue): string | null {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : null;
  if (typeof value === "string") return value.includes("{{") ? null : JSON.stringify(value);
  return null;
}

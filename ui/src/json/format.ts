/**
 * Pretty-printing JSON text without going through JavaScript values: `JSON.parse` then
 * `JSON.stringify` rounds 64-bit integers (9007199254740993 becomes ...992), moves
 * integer-like keys first and drops duplicate keys. Here only the spaces between tokens
 * change; every number, string (escapes included) and key stays as written, in order.
 */
import { parseJson } from "./parse";
import { jsonTokens } from "./tokens";

const OPENING: Readonly<Record<string, string>> = { "{": "}", "[": "]" };

/** The text indented by `indent` spaces per level, or null when it is not one JSON value. */
export function formatJsonText(text: string, indent = 2): string | null {
  if (parseJson(text) === null) return null;
  const tokens = jsonTokens(text).filter((token) => token.kind !== "space");
  let out = "";
  let depth = 0;
  const newLine = () => "\n" + " ".repeat(depth * indent);
  for (let i = 0; i < tokens.length; i += 1) {
    const piece = tokens[i].text;
    const close = OPENING[piece];
    if (close !== undefined) {
      if (tokens[i + 1]?.text === close) {
        out += piece + close; // an empty object or array stays on its line
        i += 1;
      } else {
        depth += 1;
        out += piece + newLine();
      }
    } else if (piece === "}" || piece === "]") {
      depth -= 1;
      out += newLine() + piece;
    } else if (piece === ",") {
      out += "," + newLine();
    } else if (piece === ":") {
      out += ": ";
    } else {
      out += piece;
    }
  }
  return out;
}

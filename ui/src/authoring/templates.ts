/**
 * `{{name}}` templates as the engine reads them (crates/engine/src/template.rs), for the
 * request editor: highlighting, warnings about unknown names, previews and "Copy as cURL".
 *
 * Splitting follows the engine: a variable is `{{`, then everything up to the next `}}`,
 * trimmed (`{{ name }}` is `name`). Names are meant to be letters, digits, `_`, `-` and `.`,
 * but a malformed one such as `{{a b}}` is still a variable here, as it is for the engine,
 * so it shows up as unknown instead of passing silently as text. Unlike the engine, which
 * rejects it, an unclosed `{{` is plain text: the editor has to cope with half-typed input.
 *
 * Dynamic values (`{{$uuid}}`, ...) get a fresh value from the engine for each request, so
 * nothing here invents one: they are always left as written.
 */
import { referenceCycles } from "./referenceCycles";

/** A piece of a template, with its offsets in the text (`end` exclusive). */
export type TemplateSegment =
  | { kind: "text"; text: string; start: number; end: number }
  | { kind: "variable"; text: string; name: string; start: number; end: number };

/**
 * The dynamic values the engine knows. `$guid` and `$randomUUID` are aliases of `$uuid` that
 * the engine accepts too (Postman spells them so).
 */
export const DYNAMIC_VARIABLES: ReadonlySet<string> = new Set([
  "$uuid",
  "$guid",
  "$randomUUID",
  "$timestamp",
  "$isoTimestamp",
  "$randomInt",
]);

/** Whether `name` is a dynamic value the engine fills in itself. */
export function isDynamicVariable(name: string): boolean {
  return DYNAMIC_VARIABLES.has(name);
}

/** Splits `text` into literal text and variables; the segments cover `text` exactly. */
export function templateSegments(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let textStart = 0;
  for (;;) {
    const open = text.indexOf("{{", textStart);
    const close = open < 0 ? -1 : text.indexOf("}}", open + 2);
    if (close < 0) break;
    if (open > textStart) {
      segments.push(textSegment(text, textStart, open));
    }
    const end = close + 2;
    const name = text.slice(open + 2, close).trim();
    segments.push({ kind: "variable", text: text.slice(open, end), name, start: open, end });
    textStart = end;
  }
  if (textStart < text.length) {
    segments.push(textSegment(text, textStart, text.length));
  }
  return segments;
}

function textSegment(text: string, start: number, end: number): TemplateSegment {
  return { kind: "text", text: text.slice(start, end), start, end };
}

/** The distinct variable names `text` uses (dynamic ones included), in order of first use. */
export function variableNames(text: string): string[] {
  const names = new Set<string>();
  for (const segment of templateSegments(text)) {
    if (segment.kind === "variable") names.add(segment.name);
  }
  return [...names];
}

/**
 * The names `text` uses that are neither in `known` nor a dynamic value the engine knows
 * (so a misspelt `{{$uudi}}` is reported), distinct, in order of first use.
 */
export function unknownVariables(text: string, known: ReadonlySet<string>): string[] {
  return variableNames(text).filter((name) => !known.has(name) && !isDynamicVariable(name));
}

/** Variables after resolution, and the groups of names that refer to each other in a loop. */
export type ResolvedVariables = { values: Record<string, string>; cycles: string[][] };

/**
 * Merges `layers` (lowest precedence first: globals, collection, environment, overrides, data row,
 * captures; a later layer wins) and expands the templates inside the values, recursively.
 *
 * A value in a cycle is left as it was written, and so is every reference to a name in a
 * cycle, to an unknown name or to a dynamic value; `cycles` lists the names of each loop
 * (see `referenceCycles` for their order).
 */
export function resolveVariables(
  layers: readonly Readonly<Record<string, string>>[],
): ResolvedVariables {
  const written = new Map<string, string>();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer)) written.set(name, value);
  }
  const expandable = (name: string) => written.has(name) && !isDynamicVariable(name);
  const references = new Map<string, string[]>();
  for (const [name, value] of written) {
    references.set(name, variableNames(value).filter(expandable));
  }
  const cycles = referenceCycles(references);
  const inCycle = new Set(cycles.flat());

  const expanded = new Map<string, string>();
  const expand = (name: string): string => {
    const done = expanded.get(name);
    if (done !== undefined) return done;
    const value = written.get(name) ?? "";
    // Outside cycles the references form a DAG, so this recursion ends.
    const result = inCycle.has(name)
      ? value
      : substitute(value, (ref) =>
          expandable(ref) && !inCycle.has(ref) ? expand(ref) : undefined,
        );
    expanded.set(name, result);
    return result;
  };
  const values = Object.fromEntries([...written.keys()].map((name) => [name, expand(name)]));
  return { values, cycles };
}

/**
 * Replaces the variables of `text` that `values` holds (meant to be `resolveVariables`
 * output: no further expansion happens); unknown and dynamic ones stay as written.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return substitute(text, (name) =>
    !isDynamicVariable(name) && Object.hasOwn(values, name) ? values[name] : undefined,
  );
}

/** `text` with each variable replaced by `lookup(name)`, or kept as written if undefined. */
function substitute(text: string, lookup: (name: string) => string | undefined): string {
  return templateSegments(text)
    .map((segment) =>
      segment.kind === "variable" ? (lookup(segment.name) ?? segment.text) : segment.text,
    )
    .join("");
}

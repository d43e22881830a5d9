/**
 * The case being edited, and the pure operations of the request editor on it.
 *
 * The file holds a JSON body as a value, but while typing the text is often not valid
 * JSON, so the draft keeps the text as typed next to the case; `request.json` follows the
 * text whenever it parses. Everything else lives in the case itself, so what is saved is
 * exactly what the editor shows.
 */
import type { Case } from "../bindings/Case";
import type { MultipartPart } from "../bindings/MultipartPart";
import type { RequestTemplate } from "../bindings/RequestTemplate";
import type { JsonValue } from "../bindings/serde_json/JsonValue";
import type { MessageKey } from "../i18n/en";
import { initialLang, translate, type Params } from "../i18n/translate";
import { templateSegments } from "../authoring/templates";
import { DISABLED_PREFIX } from "./keyValueRows";
import { parseJsonText } from "./jsonSyntax";

export type BodyKind = "none" | "json" | "text" | "form" | "multipart";

export const BODY_KINDS: readonly BodyKind[] = ["none", "json", "text", "form", "multipart"];

/** What the editor holds: the case as the file writes it, plus what the file cannot hold while typing. */
export type CaseDraft = {
  case: Case;
  /** The JSON body exactly as typed (may be invalid while typing); null unless the body kind is json. */
  jsonText: string | null;
};

/** A reason the draft cannot be saved or sent, as a message key for the field it concerns. */
export type DraftProblem = { field: "url" | "json"; key: MessageKey; params?: Params };

/**
 * The editor's draft of a stored case. `jsonBody` is the JSON body as the engine wrote it
 * (`StoredCase.json_body`): prefer it, because `definition.request.json` went through
 * JavaScript numbers and a 64-bit integer in it may already be rounded.
 */
export function draftFromCase(definition: Case, jsonBody: string | null = null): CaseDraft {
  const json = definition.request.json;
  // `null` cannot come from the file (the engine reads `json: null` as no JSON body).
  const hasJson = json !== undefined && json !== null;
  return { case: definition, jsonText: hasJson ? (jsonBody ?? JSON.stringify(json, null, 2)) : null };
}

export function bodyKind(draft: CaseDraft): BodyKind {
  const request = draft.case.request;
  if (draft.jsonText !== null) return "json";
  if (request.json !== undefined && request.json !== null) return "json";
  if (request.body !== undefined) return "text";
  if (request.form !== undefined) return "form";
  if (request.multipart !== undefined) return "multipart";
  return "none";
}

/** The request without any body field. */
function withoutBody(request: RequestTemplate): RequestTemplate {
  const rest = { ...request };
  delete rest.body;
  delete rest.json;
  delete rest.form;
  delete rest.multipart;
  return rest;
}

function withRequest(draft: CaseDraft, request: RequestTemplate, jsonText: string | null): CaseDraft {
  return { case: { ...draft.case, request }, jsonText };
}

/**
 * The draft with a body of `kind`, keeping what carries over: the JSON text becomes the
 * raw text, a raw text that parses becomes the JSON text, form fields and multipart text
 * parts trade names and values. Exactly one body field is set afterwards (none for "none"):
 * the engine refuses a request with two.
 */
export function withBodyKind(draft: CaseDraft, kind: BodyKind): CaseDraft {
  const from = bodyKind(draft);
  if (from === kind) return draft;
  const request = draft.case.request;
  const bare = withoutBody(request);
  switch (kind) {
    case "none":
      return withRequest(draft, bare, null);
    case "text":
      return withRequest(draft, { ...bare, body: from === "json" ? currentJsonText(draft) : "" }, null);
    case "json": {
      const text = from === "text" ? (request.body ?? "") : "";
      const parsed = parseJsonText(text);
      // Text that is not JSON (XML, plain words) would only show up as a syntax error.
      if (!parsed.ok || text.trim() === "") return withRequest(draft, bare, "");
      return withRequest(draft, { ...bare, json: parsed.value as JsonValue }, text);
    }
    case "form":
      return withRequest(draft, { ...bare, form: from === "multipart" ? formFromParts(request.multipart) : {} }, null);
    case "multipart":
      return withRequest(
        draft,
        { ...bare, multipart: from === "form" ? partsFromForm(request.form) : [] },
        null,
      );
  }
}

/** The JSON text to show: as typed, or written from `request.json` if none was typed. */
export function currentJsonText(draft: CaseDraft): string {
  if (draft.jsonText !== null) return draft.jsonText;
  const json = draft.case.request.json;
  return json === undefined ? "" : JSON.stringify(json, null, 2);
}

/** The text parts as form fields (files cannot be form fields), disabled ones kept so. */
function formFromParts(parts: readonly MultipartPart[] | undefined): Record<string, string> {
  const form: Record<string, string> = {};
  for (const part of parts ?? []) {
    if (part.file !== undefined) continue;
    form[part.name] = part.value ?? "";
  }
  return form;
}

function partsFromForm(form: Readonly<Record<string, string>> | undefined): MultipartPart[] {
  return Object.entries(form ?? {}).map(([name, value]) => ({ name, value }));
}

/**
 * The draft with the JSON text as typed. When it parses, `request.json` takes its value;
 * otherwise `request.json` keeps its last valid value (the text's error blocks saving).
 * Any other body field goes: the draft holds a JSON body from now on.
 */
export function withJsonText(draft: CaseDraft, text: string): CaseDraft {
  const request = withoutBody(draft.case.request);
  const parsed = parseJsonText(text);
  const json = parsed.ok ? (parsed.value as JsonValue) : draft.case.request.json;
  return withRequest(draft, json === undefined ? request : { ...request, json }, text);
}

/** What blocks Save and Send, in the order the editor shows its fields. */
export function draftProblems(draft: CaseDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const url = draft.case.request.url.trim();
  if (url === "") {
    problems.push({ field: "url", key: "editor.problem.urlEmpty" });
  } else if (!hasHttpScheme(url)) {
    problems.push({ field: "url", key: "editor.problem.urlScheme" });
  }
  const json = jsonProblem(draft.jsonText);
  if (json) problems.push(json);
  return problems;
}

/**
 * Whether `url` starts with a variable (`{{base}}/users`: the variable brings the scheme) or,
 * with its variables taken out, with `http://` or `https://` (so `http{{s}}://` passes).
 */
export function hasHttpScheme(url: string): boolean {
  const segments = templateSegments(url.trim());
  if (segments[0]?.kind === "variable") return true;
  const literal = segments.map((segment) => (segment.kind === "text" ? segment.text : "")).join("");
  return /^https?:\/\//i.test(literal);
}

/** Why the JSON text cannot be saved, or null (also when the body is not JSON). */
export function jsonProblem(jsonText: string | null): DraftProblem | null {
  if (jsonText === null) return null;
  if (jsonText.trim() === "") return { field: "json", key: "editor.problem.jsonEmpty" };
  const parsed = parseJsonText(jsonText);
  if (!parsed.ok) {
    const { line, column } = parsed.error;
    return line !== null && column !== null
      ? { field: "json", key: "editor.problem.jsonAt", params: { line, column } }
      : { field: "json", key: "editor.problem.json" };
  }
  // The engine reads `json: null` as "no JSON body": saving it would lose the body kind.
  if (parsed.value === null) return { field: "json", key: "editor.problem.jsonNull" };
  return null;
}

/** Turns a problem into words; the page passes its `t` so they follow the chosen language. */
export type DescribeProblem = (key: MessageKey, params?: Params) => string;

const inChosenLanguage: DescribeProblem = (key, params) => translate(initialLang(), key, params);

/** A case as the engine takes it: the definition, and its JSON body as text (or null). */
export type CaseForEngine = { case: Case; jsonBody: string | null };

/**
 * The case to save or send: multipart rows left blank (no name, no value, no file)
 * dropped, and the JSON body, when there is one, as the text typed, left out of the
 * definition: the engine parses it, so no number goes through JavaScript's doubles. Or the
 * problems, in words, when there are any (an invalid JSON body is one).
 */
export function caseForSave(
  draft: CaseDraft,
  describe: DescribeProblem = inChosenLanguage,
): CaseForEngine | { problems: string[] } {
  const problems = draftProblems(draft);
  if (problems.length > 0) {
    return { problems: problems.map((problem) => describe(problem.key, problem.params)) };
  }
  let request = draft.case.request;
  const jsonBody = draft.jsonText;
  if (jsonBody !== null) request = withoutBody(request);
  if (request.multipart !== undefined) {
    request = { ...request, multipart: request.multipart.filter((part) => !isBlankPart(part)) };
  }
  return { case: { ...draft.case, request }, jsonBody };
}

/** A multipart row nobody filled in: no name, no text, no file, no content type. */
export function isBlankPart(part: MultipartPart): boolean {
  const name = part.name.startsWith(DISABLED_PREFIX) ? part.name.slice(DISABLED_PREFIX.length) : part.name;
  return name.trim() === "" && !part.value && !part.file && !part.content_type;
}

/**
 * The draft with `patch` applied to its request; a field patched to undefined is removed,
 * so the file leaves it out. Not for body fields (see `withBodyKind`, `withJsonText`).
 */
export function withRequestPatch(draft: CaseDraft, patch: Partial<RequestTemplate>): CaseDraft {
  const request: Record<string, unknown> = { ...draft.case.request, ...patch };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) delete request[field];
  }
  return { ...draft, case: { ...draft.case, request: request as RequestTemplate } };
}

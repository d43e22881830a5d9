import { describe, expect, it } from "vitest";
import { translate } from "../i18n/translate";
import {
  bodyKind,
  caseForSave,
  draftFromCase,
  draftProblems,
  hasHttpScheme,
  withBodyKind,
  withJsonText,
  withRequestPatch,
  type CaseDraft,
} from "./caseDraft";
import { testCase, testDraft } from "./testCases";

/** The body fields the request holds. */
function bodyFields(draft: CaseDraft): string[] {
  return ["body", "json", "form", "multipart"].filter((field) => field in draft.case.request);
}

describe("draftFromCase", () => {
  it("writes the JSON body as indented text", () => {
    const draft = draftFromCase(testCase({ json: { name: "{{name}}", tags: [1] } }));
    expect(draft.jsonText).toBe('{\n  "name": "{{name}}",\n  "tags": [\n    1\n  ]\n}');
    expect(bodyKind(draft)).toBe("json");
  });

  it("has no JSON text for other bodies", () => {
    expect(draftFromCase(testCase({ body: "hi" })).jsonText).toBeNull();
    expect(draftFromCase(testCase()).jsonText).toBeNull();
  });

  it("keeps falsy JSON bodies", () => {
    expect(draftFromCase(testCase({ json: 0 })).jsonText).toBe("0");
    expect(draftFromCase(testCase({ json: false })).jsonText).toBe("false");
  });
});

describe("bodyKind", () => {
  it("names the body field that is set", () => {
    expect(bodyKind(testDraft())).toBe("none");
    expect(bodyKind(testDraft({ body: "" }))).toBe("text");
    expect(bodyKind(testDraft({ form: {} }))).toBe("form");
    expect(bodyKind(testDraft({ multipart: [] }))).toBe("multipart");
    expect(bodyKind(testDraft({ json: [] }))).toBe("json");
  });

  it("is json while JSON text is held, even before it parses", () => {
    expect(bodyKind({ ...testDraft(), jsonText: "{" })).toBe("json");
  });
});

describe("withBodyKind", () => {
  it("turns the JSON text, valid or not, into raw text", () => {
    const draft = withJsonText(testDraft(), '{"a": 1,');
    const text = withBodyKind(draft, "text");
    expect(text.case.request.body).toBe('{"a": 1,');
    expect(text.jsonText).toBeNull();
    expect(bodyFields(text)).toEqual(["body"]);
  });

  it("turns raw text into the JSON body when it parses", () => {
    const json = withBodyKind(testDraft({ body: '{"a": [1]}' }), "json");
    expect(json.jsonText).toBe('{"a": [1]}');
    expect(json.case.request.json).toEqual({ a: [1] });
    expect(bodyFields(json)).toEqual(["json"]);
  });

  it("starts an empty JSON body from raw text that is not JSON", () => {
    const json = withBodyKind(testDraft({ body: "<user/>" }), "json");
    expect(json.jsonText).toBe("");
    expect(bodyFields(json)).toEqual([]);
    expect(bodyKind(json)).toBe("json");
  });

  it("carries form fields into multipart parts and back, disabled ones included", () => {
    const multipart = withBodyKind(testDraft({ form: { a: "1", "~b": "2" } }), "multipart");
    expect(multipart.case.request.multipart).toEqual([
      { name: "a", value: "1" },
      { name: "~b", value: "2" },
    ]);
    expect(bodyFields(multipart)).toEqual(["multipart"]);
    const form = withBodyKind(multipart, "form");
    expect(form.case.request.form).toEqual({ a: "1", "~b": "2" });
    expect(bodyFields(form)).toEqual(["form"]);
  });

  it("leaves file parts behind when going to a form", () => {
    const draft = testDraft({ multipart: [{ name: "doc", file: "a.pdf" }, { name: "note", value: "hi" }, { name: "empty" }] });
    expect(withBodyKind(draft, "form").case.request.form).toEqual({ note: "hi", empty: "" });
  });

  it("starts empty bodies where nothing carries over", () => {
    expect(withBodyKind(testDraft({ body: "x" }), "form").case.request.form).toEqual({});
    expect(withBodyKind(testDraft({ json: { a: 1 } }), "multipart").case.request.multipart).toEqual([]);
    expect(withBodyKind(testDraft({ form: { a: "1" } }), "text").case.request.body).toBe("");
    expect(withBodyKind(testDraft(), "json").jsonText).toBe("");
  });

  it("removes every body field for none", () => {
    const none = withBodyKind(testDraft({ json: { a: 1 } }), "none");
    expect(bodyFields(none)).toEqual([]);
    expect(none.jsonText).toBeNull();
    expect(bodyKind(none)).toBe("none");
  });

  it("leaves the draft alone when the kind does not change", () => {
    const draft = withJsonText(testDraft(), "{");
    expect(withBodyKind(draft, "json")).toBe(draft);
  });

  it("keeps the rest of the request", () => {
    const draft = testDraft({ method: "POST", headers: { A: "1" }, body: "x", timeout_ms: 5 });
    const json = withBodyKind(draft, "none");
    expect(json.case.request).toEqual({ method: "POST", url: "https://api.test/users", headers: { A: "1" }, timeout_ms: 5 });
  });
});

describe("withJsonText", () => {
  it("follows the text while it parses and keeps the last valid value otherwise", () => {
    let draft = withJsonText(testDraft(), '{"a": 1}');
    expect(draft.case.request.json).toEqual({ a: 1 });
    draft = withJsonText(draft, '{"a": 1, ');
    expect(draft.jsonText).toBe('{"a": 1, ');
    expect(draft.case.request.json).toEqual({ a: 1 });
    draft = withJsonText(draft, '{"a": 1, "b": 2}');
    expect(draft.case.request.json).toEqual({ a: 1, b: 2 });
  });

  it("holds no json value before the text ever parsed", () => {
    const draft = withJsonText(testDraft(), "[");
    expect("json" in draft.case.request).toBe(false);
    expect(bodyKind(draft)).toBe("json");
  });

  it("replaces any other body", () => {
    expect(bodyFields(withJsonText(testDraft({ body: "x" }), "1"))).toEqual(["json"]);
  });
});

describe("draftProblems", () => {
  it("finds nothing wrong with a plain request", () => {
    expect(draftProblems(testDraft())).toEqual([]);
    expect(draftProblems(testDraft({ url: "{{base}}/users" }))).toEqual([]);
  });

  it("reports an empty URL", () => {
    expect(draftProblems(testDraft({ url: "  " }))).toEqual([{ field: "url", key: "editor.problem.urlEmpty" }]);
  });

  it("reports a URL without an http scheme", () => {
    expect(draftProblems(testDraft({ url: "api.test/users" }))).toEqual([{ field: "url", key: "editor.problem.urlScheme" }]);
    expect(draftProblems(testDraft({ url: "ftp://x" }))).toHaveLength(1);
  });

  it("reports invalid JSON with its line and column", () => {
    const draft = withJsonText(testDraft(), '{\n  "a": 1,\n}');
    expect(draftProblems(draft)).toEqual([
      { field: "json", key: "editor.problem.jsonAt", params: { line: 3, column: 1 } },
    ]);
  });

  it("reports an empty JSON body and a null one", () => {
    expect(draftProblems(withJsonText(testDraft(), " \n"))).toEqual([{ field: "json", key: "editor.problem.jsonEmpty" }]);
    expect(draftProblems(withJsonText(testDraft(), "null"))).toEqual([{ field: "json", key: "editor.problem.jsonNull" }]);
  });

  it("lists the URL's problem before the body's", () => {
    const draft = withJsonText(testDraft({ url: "" }), "{");
    expect(draftProblems(draft).map((p) => p.field)).toEqual(["url", "json"]);
  });
});

describe("hasHttpScheme", () => {
  it("accepts http(s), a leading variable, or a scheme made of text and variables", () => {
    expect(hasHttpScheme("https://a")).toBe(true);
    expect(hasHttpScheme("HTTP://a")).toBe(true);
    expect(hasHttpScheme(" {{base}}/x")).toBe(true);
    expect(hasHttpScheme("http{{s}}://a")).toBe(true);
  });

  it("refuses other starts", () => {
    expect(hasHttpScheme("a/{{base}}")).toBe(false);
    expect(hasHttpScheme("https:/a")).toBe(false);
    expect(hasHttpScheme("{{base")).toBe(false);
    expect(hasHttpScheme("ws://a")).toBe(false);
  });
});

describe("caseForSave", () => {
  const english = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate("en", key, params);

  it("gives the problems in words", () => {
    const result = caseForSave(withJsonText(testDraft({ url: "" }), "[1,"), english);
    expect(result).toEqual({
      problems: ["The URL is empty.", "The JSON body is not valid JSON (line 1, column 4)."],
    });
  });

  it("gives the JSON body as the text typed, so no number is rounded", () => {
    const text = '{"id": 9007199254740993, "at": "{{$uuid}}"}';
    const draft = withJsonText(testDraft({ method: "POST", body: "old text" }), text);
    const result = caseForSave(draft, english);
    expect(result).toEqual({
      case: { name: "get user", request: { method: "POST", url: "https://api.test/users" } },
      jsonBody: text,
    });
  });

  it("starts from the stored JSON text rather than the rounded value", () => {
    const definition = { ...testCase(), request: { ...testCase().request, json: { id: 9007199254740992 } } };
    const draft = draftFromCase(definition, '{\n  "id": 9007199254740993\n}');
    expect(draft.jsonText).toBe('{\n  "id": 9007199254740993\n}');
    expect(draftFromCase(definition).jsonText).toBe('{\n  "id": 9007199254740992\n}');
  });

  it("drops blank multipart rows and keeps the others", () => {
    const draft = testDraft({
      multipart: [{ name: "", value: "" }, { name: "a", value: "1" }, { name: "~" }, { name: "", file: "x.bin" }],
    });
    const result = caseForSave(draft, english);
    expect("case" in result && result.case.request.multipart).toEqual([
      { name: "a", value: "1" },
      { name: "", file: "x.bin" },
    ]);
  });

  it("keeps assertions, captures and the folder", () => {
    const definition = { ...testCase(), folder: "users", assert: ["status == 200"], capture: { id: "jsonpath $.id" } };
    const result = caseForSave(draftFromCase(definition), english);
    expect(result).toEqual({ case: definition, jsonBody: null });
  });
});

describe("withRequestPatch", () => {
  it("sets fields and removes those patched to undefined", () => {
    const draft = withRequestPatch(testDraft({ headers: { A: "1" }, timeout_ms: 10 }), {
      headers: undefined,
      timeout_ms: 20,
    });
    expect("headers" in draft.case.request).toBe(false);
    expect(draft.case.request.timeout_ms).toBe(20);
  });
});

import { describe, expect, it } from "vitest";
import {
  renderTemplate,
  resolveVariables,
  templateSegments,
  unknownVariables,
  variableNames,
} from "./templates";

describe("templateSegments", () => {
  it("splits text and variables with their offsets", () => {
    expect(templateSegments("{{base}}/items/{{id}}")).toEqual([
      { kind: "variable", text: "{{base}}", name: "base", start: 0, end: 8 },
      { kind: "text", text: "/items/", start: 8, end: 15 },
      { kind: "variable", text: "{{id}}", name: "id", start: 15, end: 21 },
    ]);
  });

  it("trims spaces inside the braces but keeps them in the segment text", () => {
    expect(templateSegments("a{{  user.id }}b")).toEqual([
      { kind: "text", text: "a", start: 0, end: 1 },
      { kind: "variable", text: "{{  user.id }}", name: "user.id", start: 1, end: 15 },
      { kind: "text", text: "b", start: 15, end: 16 },
    ]);
  });

  it("keeps an unclosed `{{` as plain text", () => {
    expect(templateSegments("x {{a}} y {{b")).toEqual([
      { kind: "text", text: "x ", start: 0, end: 2 },
      { kind: "variable", text: "{{a}}", name: "a", start: 2, end: 7 },
      { kind: "text", text: " y {{b", start: 7, end: 13 },
    ]);
  });

  it("gives no segments for empty text and one for text without variables", () => {
    expect(templateSegments("")).toEqual([]);
    expect(templateSegments('{"a":{"b":1}}')).toEqual([
      { kind: "text", text: '{"a":{"b":1}}', start: 0, end: 13 },
    ]);
  });

  it("closes a variable at the first `}}`, as the engine does", () => {
    expect(templateSegments("{{{a}}}").map((s) => [s.kind, s.text])).toEqual([
      ["variable", "{{{a}}"],
      ["text", "}"],
    ]);
    expect(templateSegments("{{a b}}")[0]).toMatchObject({ kind: "variable", name: "a b" });
  });

  it("covers the whole text, whatever it holds", () => {
    for (const text of ["{{a}}{{b}}", "}}{{", "{{}}", "a{{b{{c}}d}}", "{{$uuid}}-{{ x"]) {
      const segments = templateSegments(text);
      expect(segments.map((s) => s.text).join("")).toBe(text);
      segments.forEach((s, i) => {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        if (i > 0) expect(s.start).toBe(segments[i - 1].end);
      });
    }
  });
});

describe("variableNames", () => {
  it("lists distinct names in order of first use, dynamic ones included", () => {
    expect(variableNames("{{b}}{{a}}{{ b }}{{$uuid}}{{a}}")).toEqual(["b", "a", "$uuid"]);
    expect(variableNames("no variables {{ here")).toEqual([]);
  });
});

describe("unknownVariables", () => {
  const known = new Set(["base", "token"]);

  it("reports names neither known nor dynamic", () => {
    expect(unknownVariables("{{base}}/{{id}}?t={{token}}&u={{user}}&i={{id}}", known)).toEqual([
      "id",
      "user",
    ]);
  });

  it("accepts the dynamic values the engine knows", () => {
    expect(
      unknownVariables("{{$uuid}} {{$timestamp}} {{$isoTimestamp}} {{ $randomInt }}", known),
    ).toEqual([]);
  });

  it("reports a dynamic-looking name the engine does not know", () => {
    expect(unknownVariables("{{$foo}} {{$uuid}}", known)).toEqual(["$foo"]);
  });

  it("reports a malformed name rather than treating it as text", () => {
    expect(unknownVariables("{{base url}}", known)).toEqual(["base url"]);
  });
});

describe("resolveVariables", () => {
  it("lets later layers win", () => {
    const { values, cycles } = resolveVariables([
      { a: "env", b: "env", c: "env" },
      { b: "collection", c: "collection" },
      { c: "override" },
    ]);
    expect(values).toEqual({ a: "env", b: "collection", c: "override" });
    expect(cycles).toEqual([]);
  });

  it("expands templates inside values, across layers and at any depth", () => {
    const { values } = resolveVariables([
      { host: "localhost", port: "8080", base: "http://{{host}}:{{ port }}" },
      { items: "{{base}}/items", one: "{{items}}/1" },
      { host: "example.com" },
    ]);
    expect(values.base).toBe("http://example.com:8080");
    expect(values.one).toBe("http://example.com:8080/items/1");
  });

  it("expands a value referring to a later layer's override", () => {
    const { values } = resolveVariables([{ url: "{{scheme}}://x" }, { scheme: "https" }]);
    expect(values.url).toBe("https://x");
  });

  it("leaves unknown and dynamic references as written", () => {
    const { values } = resolveVariables([{ id: "{{ $uuid }}-{{missing}}", $uuid: "fixed" }]);
    expect(values.id).toBe("{{ $uuid }}-{{missing}}");
  });

  it("reports a cycle and leaves its values unexpanded", () => {
    const { values, cycles } = resolveVariables([{ a: "x{{b}}", b: "y{{a}}", ok: "fine" }]);
    expect(cycles).toEqual([["a", "b"]]);
    expect(values).toEqual({ a: "x{{b}}", b: "y{{a}}", ok: "fine" });
  });

  it("reports a self-reference", () => {
    const { values, cycles } = resolveVariables([{ loop: "{{loop}}/more" }]);
    expect(cycles).toEqual([["loop"]]);
    expect(values.loop).toBe("{{loop}}/more");
  });

  it("keeps references to a cycle as written in values outside it", () => {
    const { values, cycles } = resolveVariables([
      { host: "h", a: "{{b}}", b: "{{c}}", c: "{{a}}", user: "{{host}}/{{a}}" },
    ]);
    expect(cycles).toEqual([["a", "b", "c"]]);
    expect(values.user).toBe("h/{{a}}");
  });

  it("breaks a cycle that a later layer overrides", () => {
    const { values, cycles } = resolveVariables([{ a: "{{b}}", b: "{{a}}" }, { b: "done" }]);
    expect(cycles).toEqual([]);
    expect(values).toEqual({ a: "done", b: "done" });
  });

  it("handles names that collide with object properties", () => {
    const { values } = resolveVariables([
      JSON.parse('{"__proto__": "p", "constructor": "{{__proto__}}!"}') as Record<string, string>,
    ]);
    expect(Object.hasOwn(values, "__proto__")).toBe(true);
    expect(values.constructor).toBe("p!");
  });

  it("gives nothing for no layers", () => {
    expect(resolveVariables([])).toEqual({ values: {}, cycles: [] });
  });
});

describe("renderTemplate", () => {
  it("replaces known variables and keeps unknown and dynamic ones as written", () => {
    const values = { base: "http://x", id: "7", $uuid: "not used" };
    expect(renderTemplate("{{base}}/items/{{ id }}?r={{$uuid}}&u={{ user }}", values)).toBe(
      "http://x/items/7?r={{$uuid}}&u={{ user }}",
    );
  });

  it("does not expand templates inside the values again", () => {
    expect(renderTemplate("{{a}}", { a: "{{b}}", b: "deep" })).toBe("{{b}}");
  });

  it("replaces with empty values and ignores inherited object properties", () => {
    expect(renderTemplate("[{{empty}}]", { empty: "" })).toBe("[]");
    expect(renderTemplate("{{toString}} {{constructor}}", {})).toBe("{{toString}} {{constructor}}");
  });

  it("leaves an unclosed `{{` alone", () => {
    expect(renderTemplate("{{a}} {{a", { a: "1" })).toBe("1 {{a");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonErrorOffset, parseJsonText, positionFromMessage, positionOfOffset } from "./jsonSyntax";

describe("parseJsonText", () => {
  it("parses valid JSON", () => {
    expect(parseJsonText('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it("locates the error on the right line and column", () => {
    const parsed = parseJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([parsed.error.line, parsed.error.column]).toEqual([3, 3]);
  });

  it("locates an early end at the end of the text", () => {
    const parsed = parseJsonText('{"a": [1, 2');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([parsed.error.line, parsed.error.column]).toEqual([1, 12]);
  });
});

describe("parseJsonText on WebKit", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("finds the position itself when the message gives none", () => {
    vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new SyntaxError("JSON Parse error: Expected '}'");
    });
    const parsed = parseJsonText('{\n  "a": 1,\n}');
    expect(parsed).toEqual({ ok: false, error: { message: "JSON Parse error: Expected '}'", line: 3, column: 1 } });
  });
});

describe("positionFromMessage", () => {
  const text = '{\n  "a": 1,\n}';
  it("reads V8's position, Chromium's and Firefox's line and column", () => {
    expect(positionFromMessage(text, "Expected double-quoted property name in JSON at position 12")).toEqual({ line: 3, column: 1 });
    expect(positionFromMessage(text, "Unexpected token } in JSON at position 12 (line 3 column 1)")).toEqual({ line: 3, column: 1 });
    expect(positionFromMessage(text, "JSON.parse: expected property name at line 3 column 1 of the JSON data")).toEqual({ line: 3, column: 1 });
  });

  it("gives null for WebKit's messages, which have no position", () => {
    expect(positionFromMessage(text, "JSON Parse error: Expected '}'")).toBeNull();
  });
});

describe("positionOfOffset", () => {
  it("counts lines and columns from 1", () => {
    expect(positionOfOffset("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(positionOfOffset("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(positionOfOffset("ab", null)).toBeNull();
  });
});

describe("jsonErrorOffset", () => {
  it("finds nothing wrong in valid JSON", () => {
    for (const text of ['{"a": [1, -2.5e3, "x\\n\\u00e9"], "b": {}}', " [] ", "null", '"s"', "0"]) {
      expect(jsonErrorOffset(text), text).toBeNull();
    }
  });

  it("points at the first offending character", () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("[1 2]")).toBe(3);
    expect(jsonErrorOffset("tru")).toBe(3);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonErrorOffset('"bad \\x"')).toBe(5);
    expect(jsonErrorOffset("[01]")).toBe(2);
    expect(jsonErrorOffset("{} x")).toBe(3);
    expect(jsonErrorOffset("")).toBe(0);
  });

  it("agrees with JSON.parse on what is valid", () => {
    for (const text of ["[1,]", "{,}", "[.5]", "[1.]", '"\t"', "[-]", "nul", "[1] [2]", "{\"a\":1}"]) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(text) === null, text).toBe(valid);
    }
  });
});

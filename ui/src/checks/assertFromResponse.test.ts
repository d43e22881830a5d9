import { describe, expect, it } from "vitest";
import { parseAssertionLine } from "../authoring/assertionLine";
import {
  appendAssertion,
  assertionForHeader,
  assertionForJsonValue,
  assertionForStatus,
  jsonPathOf,
} from "./assertFromResponse";
import { lineProblem } from "./assertionRows";

/** The line parses, and passes every inline check, as the engine would read it. */
function expectSound(line: string) {
  const parsed = parseAssertionLine(line);
  if ("error" in parsed) throw new Error(`${line}: ${parsed.error}`);
  expect(lineProblem(parsed.row), line).toBeNull();
  return parsed.row;
}

describe("jsonPathOf", () => {
  it("uses dots for identifiers and brackets for indices", () => {
    expect(jsonPathOf([])).toBe("$");
    expect(jsonPathOf(["a", "b", 0, "_c1"])).toBe("$.a.b[0]._c1");
  });

  it("uses bracket notation for other names, quoted and escaped", () => {
    expect(jsonPathOf(["headers", "x-token"])).toBe('$.headers["x-token"]');
    expect(jsonPathOf(["a b", "1st", ""])).toBe('$["a b"]["1st"][""]');
    expect(jsonPathOf(['say "hi"'])).toBe('$["say \\"hi\\""]');
    expect(jsonPathOf(["back\\slash", "line\nbreak"])).toBe('$["back\\\\slash"]["line\\nbreak"]');
    expect(jsonPathOf(["名前"])).toBe('$["名前"]');
  });

  it("takes a number that is no index as a member name", () => {
    expect(jsonPathOf([1.5])).toBe('$["1.5"]');
  });

  it("gives paths the assertion reader keeps whole", () => {
    const row = expectSound(`jsonpath ${jsonPathOf(["a b", "c"])} exists`);
    expect(row.argument).toBe('$["a b"].c');
  });
});

describe("assertionForJsonValue", () => {
  it("compares primitives with JSON literals", () => {
    expect(assertionForJsonValue(["id"], 42)).toBe("jsonpath $.id == 42");
    expect(assertionForJsonValue(["ok"], true)).toBe("jsonpath $.ok == true");
    expect(assertionForJsonValue(["gone"], null)).toBe("jsonpath $.gone == null");
    expect(assertionForJsonValue(["items", 0, "name"], 'a "b"\n')).toBe('jsonpath $.items[0].name == "a \\"b\\"\\n"');
  });

  it("checks objects and arrays exist", () => {
    expect(assertionForJsonValue(["items"], [1, 2])).toBe("jsonpath $.items exists");
    expect(assertionForJsonValue([], { a: 1 })).toBe("jsonpath $ exists");
  });

  it("does not compare text the engine would read as a template", () => {
    expect(assertionForJsonValue(["t"], "Hello {{name}}")).toBe("jsonpath $.t exists");
  });

  it("writes lines the engine reads back to the same value", () => {
    for (const value of ["tab\there", "ünï", 3.25, -1, false]) {
      const row = expectSound(assertionForJsonValue(["v"], value));
      expect(JSON.parse(row.value)).toEqual(value);
    }
  });
});

describe("assertionForStatus and assertionForHeader", () => {
  it("write comparisons", () => {
    expect(assertionForStatus(201)).toBe("status == 201");
    expect(assertionForHeader("Content-Type", 'text/html; charset="utf-8"')).toBe(
      'header Content-Type == "text/html; charset=\\"utf-8\\""',
    );
    expectSound(assertionForHeader("Content-Type", 'text/html; charset="utf-8"'));
    expect(assertionForHeader("X-T", "{{x}}")).toBe("header X-T exists");
  });
});

describe("appendAssertion", () => {
  it("appends, skipping an exact duplicate", () => {
    expect(appendAssertion(undefined, "status == 200")).toEqual(["status == 200"]);
    const list = ["status == 200", { schema_file: "a.json" }];
    expect(appendAssertion(list, "status == 200")).toEqual(list);
    expect(appendAssertion(list, "status == 201")).toEqual([...list, "status == 201"]);
    expect(list).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { assertionLine, checkRow, parseAssertionLine, type AssertionRow } from "./assertionLine";

const row = (
  query: AssertionRow["query"],
  argument: string,
  predicate: AssertionRow["predicate"],
  value = "",
): AssertionRow => ({ query, argument, predicate, value });

function parsed(line: string): AssertionRow {
  const result = parseAssertionLine(line);
  if ("error" in result) throw new Error(`${line}: ${result.error}`);
  return result.row;
}

function errorOf(line: string): string {
  const result = parseAssertionLine(line);
  if ("row" in result) throw new Error(`${line} parsed as ${JSON.stringify(result.row)}`);
  return result.error;
}

describe("parseAssertionLine", () => {
  it("reads each query", () => {
    expect(parsed("status == 201")).toEqual(row("status", "", "==", "201"));
    expect(parsed('header Content-Type contains "json"')).toEqual(
      row("header", "Content-Type", "contains", '"json"'),
    );
    expect(parsed('jsonpath $.name == "widget"')).toEqual(
      row("jsonpath", "$.name", "==", '"widget"'),
    );
    expect(parsed('body matches "^ok"')).toEqual(row("body", "", "matches", '"^ok"'));
    expect(parsed("duration < 1000")).toEqual(row("duration", "", "<", "1000"));
  });

  it("reads every predicate", () => {
    for (const predicate of ["==", "!=", "<", "<=", ">", ">=", "contains", "matches"] as const) {
      expect(parsed(`jsonpath $.n ${predicate} 3`)).toEqual(row("jsonpath", "$.n", predicate, "3"));
    }
    expect(parsed("header X-Id exists")).toEqual(row("header", "X-Id", "exists"));
    expect(parsed("header X-Gone not exists")).toEqual(row("header", "X-Gone", "not exists"));
  });

  it("keeps a JSONPath filter with spaces and predicates inside brackets whole", () => {
    expect(parsed("jsonpath $.items[?@.price < 10].name exists")).toEqual(
      row("jsonpath", "$.items[?@.price < 10].name", "exists"),
    );
    expect(parsed(`jsonpath $["a == b"][?(@.x contains 'y z')] != null`)).toEqual(
      row("jsonpath", `$["a == b"][?(@.x contains 'y z')]`, "!=", "null"),
    );
  });

  it("does not take a word that merely contains a predicate for one", () => {
    expect(parsed("jsonpath $.contains.exists == true")).toEqual(
      row("jsonpath", "$.contains.exists", "==", "true"),
    );
  });

  it("takes every kind of JSON value, and a lone template", () => {
    const values = ["201", "-1.5e3", '"text"', '"a {{name}} b"', "true", "false", "null"];
    for (const value of [...values, "[1, 2]", '{"a": [1, {"b": null}]}']) {
      expect(parsed(`jsonpath $.v == ${value}`).value).toBe(value);
    }
    expect(parsed("jsonpath $.id == {{item_id}}").value).toBe("{{item_id}}");
    expect(parsed("jsonpath $.id == {{ item_id }}").value).toBe("{{ item_id }}");
  });

  it("tolerates extra blanks", () => {
    expect(parsed("  header   X-A   not    exists  ")).toEqual(row("header", "X-A", "not exists"));
    expect(parsed("\tstatus\t==\t200 ")).toEqual(row("status", "", "==", "200"));
  });

  it("explains what is wrong", () => {
    expect(errorOf("")).toBe("empty assertion");
    expect(errorOf("foo == 1")).toContain("unknown query `foo`");
    expect(errorOf("stauts == 200")).toContain("unknown query `stauts`");
    expect(errorOf("status = 200")).toContain("unknown predicate `=`");
    expect(errorOf("status")).toContain("missing predicate");
    expect(errorOf("status ==")).toBe("`==` needs a value");
    expect(errorOf("header X-A exists 3")).toBe("`exists` takes no value");
    expect(errorOf("header X-A not exists yes")).toBe("`not exists` takes no value");
    expect(errorOf("header X-A not there")).toBe("`not` must be followed by `exists`");
    expect(errorOf("header")).toContain("`header` needs a header name");
    expect(errorOf("jsonpath == 1")).toContain("`jsonpath` needs an expression");
    expect(errorOf("jsonpath $[?@.a < 1 == 2")).toContain("missing predicate");
    expect(errorOf("header Content-Type contains json")).toMatch(/^the value is not JSON: json/);
    expect(errorOf("status == {{a}} {{b}}")).toMatch(/^the value is not JSON/);
    expect(errorOf('body "x" contains "y"')).toContain('unknown predicate `"x"`');
  });
});

describe("assertionLine", () => {
  it("writes canonical text", () => {
    expect(assertionLine(row("status", "", "==", " 201 "))).toBe("status == 201");
    expect(assertionLine(row("header", " X-A ", "not exists"))).toBe("header X-A not exists");
    expect(assertionLine(row("jsonpath", "$.a", "exists", "ignored"))).toBe("jsonpath $.a exists");
    expect(assertionLine(row("body", "ignored", "contains", '"x"'))).toBe('body contains "x"');
    expect(assertionLine(row("jsonpath", "$.a", "==", '{\n  "a": [1,\n 2]\n}'))).toBe(
      'jsonpath $.a == { "a": [1, 2] }',
    );
  });

  it.each([
    "status == 201",
    "status != 500",
    'jsonpath $.name == "widget"',
    'header Content-Type contains "json"',
    "duration < 1000",
    "duration >= 0.5",
    "jsonpath $.id == {{item_id}}",
    'body contains "widget"',
    "jsonpath $.store.book[?@.price < 10].title exists",
    "header X-Gone not exists",
    'body matches "^\\\\{"',
    'jsonpath $.tags contains "a b"',
    'jsonpath $["x-token"] matches "^[a-f0-9]{32}$"',
    'jsonpath $.items[*] == [1, "two", {"three": 3}]',
    'jsonpath $.user == {"name": "{{name}}", "age": null}',
    "jsonpath $.ok == true",
    "header {{header_name}} == {{ expected }}",
  ])("round-trips %s", (line) => {
    expect(assertionLine(parsed(line))).toBe(line);
  });

  it("normalises blanks", () => {
    expect(assertionLine(parsed("  jsonpath   $.a[?@.b < 2]   <=   3  "))).toBe(
      "jsonpath $.a[?@.b < 2] <= 3",
    );
  });

  it("writes rows that read back as themselves", () => {
    const rows = [
      row("status", "", ">", "199"),
      row("header", "ETag", "matches", '"^W/"'),
      row("jsonpath", "$[?@.name == 'a b'].id", "contains", "{{id}}"),
      row("body", "", "not exists"),
      row("duration", "", "<=", "250"),
    ];
    for (const original of rows) {
      expect(checkRow(original)).toBeNull();
      expect(parsed(assertionLine(original))).toEqual(original);
    }
  });
});

describe("checkRow", () => {
  it("accepts sound rows", () => {
    expect(checkRow(row("status", "", "==", "200"))).toBeNull();
    expect(checkRow(row("status", "", "==", "{{expected_status}}"))).toBeNull();
    expect(checkRow(row("duration", "", "<", "{{budget}}"))).toBeNull();
    expect(checkRow(row("header", "X-A", "exists"))).toBeNull();
    expect(checkRow(row("jsonpath", "$.a", "contains", '"{{x}}"'))).toBeNull();
    expect(checkRow(row("body", "", "matches", '"(?i)^ok"'))).toBeNull();
    expect(checkRow(row("body", "", "matches", '"({{unclosed"'))).toBeNull();
  });

  it("wants a value exactly when the predicate takes one", () => {
    expect(checkRow(row("status", "", "==", "  "))).toBe("`==` needs a value");
    expect(checkRow(row("header", "X-A", "not exists", "1"))).toBe("`not exists` takes no value");
  });

  it("wants JSON or a lone template", () => {
    expect(checkRow(row("body", "", "contains", "text"))).toMatch(/^the value is not JSON/);
    expect(checkRow(row("body", "", "contains", "{{a}}x"))).toMatch(/^the value is not JSON/);
    expect(checkRow(row("body", "", "contains", "{{}}"))).toMatch(/^the value is not JSON/);
  });

  it("wants numbers where numbers are compared", () => {
    expect(checkRow(row("duration", "", "<", '"fast"'))).toContain("compares numbers");
    expect(checkRow(row("jsonpath", "$.n", ">=", '"10"'))).toContain("compares numbers");
    expect(checkRow(row("status", "", "==", '"200"'))).toBe('`status` is a number; "200" is not');
    expect(checkRow(row("duration", "", "!=", "null"))).toBe("`duration` is a number; null is not");
    expect(checkRow(row("jsonpath", "$.n", "==", '"10"'))).toBeNull();
  });

  it("wants a quoted regex that compiles", () => {
    expect(checkRow(row("body", "", "matches", "1"))).toContain("needs a regex in quotes");
    expect(checkRow(row("body", "", "matches", '"("'))).toMatch(/^invalid regex/);
    expect(checkRow(row("body", "", "matches", '"[a-"'))).toMatch(/^invalid regex/);
  });

  it("checks the argument of each query", () => {
    expect(checkRow(row("header", " ", "exists"))).toBe("a header name is needed");
    expect(checkRow(row("header", "X A", "exists"))).toBe("a header name cannot hold spaces");
    expect(checkRow(row("jsonpath", "", "exists"))).toBe("a JSONPath expression is needed");
    expect(checkRow(row("jsonpath", "items[0]", "exists"))).toContain("starts with `$`");
    expect(checkRow(row("jsonpath", "$.a b", "exists"))).toContain("spaces only inside brackets");
    expect(checkRow(row("jsonpath", "$[?@.a < 1", "exists"))).toContain("unclosed");
    expect(checkRow(row("status", "x", "exists"))).toBe("`status` takes no argument");
  });
});

import { describe, expect, it } from "vitest";
import { prettyBody } from "./format";

describe("prettyBody", () => {
  it("pretty-prints a JSON body with every value as the server wrote it", () => {
    expect(prettyBody('{"id":9007199254740993,"10":1,"9":2}')).toBe('{\n  "id": 9007199254740993,\n  "10": 1,\n  "9": 2\n}');
  });

  it("leaves anything else as it is", () => {
    for (const text of ["plain text", '{"broken": ', "42", "<html></html>"]) {
      expect(prettyBody(text)).toBe(text);
    }
  });
});

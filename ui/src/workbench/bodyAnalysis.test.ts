import { describe, expect, it } from "vitest";
import { analyseBody } from "./bodyAnalysis";

describe("analyseBody", () => {
  it("opens a JSON body in the pretty view", () => {
    const analysis = analyseBody('{"a":1}', "application/json; charset=utf-8");
    expect(analysis.kind).toBe("json");
    expect(analysis.json?.type).toBe("object");
    expect(analysis.modes[0]).toBe("pretty");
    expect(analysis.byteLength).toBe(7);
  });

  it("falls back to raw when JSON is cut short", () => {
    const analysis = analyseBody('{"a":[1,2', "application/json");
    expect(analysis.json).toBeNull();
    expect(analysis.modes).toEqual(["raw", "hex"]);
  });

  it("sniffs JSON only from vague types", () => {
    expect(analyseBody("[1]", null).modes[0]).toBe("pretty");
    expect(analyseBody("[1]", "text/html").modes[0]).toBe("raw");
  });

  it("opens images as images and other binaries as hex", () => {
    expect(analyseBody({ base64: "iVBORw0KGgo=" }, "image/png").modes[0]).toBe("image");
    expect(analyseBody({ base64: "AAEC" }, "application/octet-stream").modes[0]).toBe("hex");
  });
});

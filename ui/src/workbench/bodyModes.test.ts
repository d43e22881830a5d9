import { describe, expect, it } from "vitest";
import { bodyModes, effectiveMode } from "./bodyModes";

describe("bodyModes", () => {
  it("opens JSON pretty, unless it did not parse", () => {
    expect(bodyModes({ kind: "json", jsonParsed: true, isText: true })).toEqual(["pretty", "raw", "hex"]);
    expect(bodyModes({ kind: "json", jsonParsed: false, isText: true })).toEqual(["raw", "hex"]);
  });

  it("opens images as images, with raw only for text images", () => {
    expect(bodyModes({ kind: "image", jsonParsed: false, isText: false })).toEqual(["image", "hex"]);
    expect(bodyModes({ kind: "image", jsonParsed: false, isText: true })).toEqual(["image", "raw", "hex"]);
  });

  it("opens binary as hex and text as raw", () => {
    expect(bodyModes({ kind: "binary", jsonParsed: false, isText: false })[0]).toBe("hex");
    expect(bodyModes({ kind: "text", jsonParsed: false, isText: true })[0]).toBe("raw");
  });

  it("keeps the user's choice only while it applies", () => {
    expect(effectiveMode(["pretty", "raw", "hex"], "raw")).toBe("raw");
    expect(effectiveMode(["hex", "raw"], "pretty")).toBe("hex");
    expect(effectiveMode(["hex", "raw"], null)).toBe("hex");
  });
});

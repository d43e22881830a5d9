import { describe, expect, it } from "vitest";
import { bodyByteLength, bodyBytes, bodyText, isEmptyBody } from "./bodyContent";

describe("bodyContent", () => {
  it("knows empty bodies", () => {
    expect(isEmptyBody(null)).toBe(true);
    expect(isEmptyBody("")).toBe(true);
    expect(isEmptyBody({ base64: "" })).toBe(true);
    expect(isEmptyBody("x")).toBe(false);
  });

  it("gives text bodies back as their UTF-8 bytes", () => {
    expect(Array.from(bodyBytes("é"))).toEqual([0xc3, 0xa9]);
    expect(Array.from(bodyBytes({ base64: "AP8=" }))).toEqual([0, 255]);
  });

  it("decodes binary bodies as text with replacement characters", () => {
    expect(bodyText("plain")).toBe("plain");
    // "hé" cut after the first byte of "é".
    expect(bodyText({ base64: btoa("h\xc3") })).toBe("h\ufffd");
  });

  it("measures the bytes held", () => {
    expect(bodyByteLength("é!")).toBe(3);
    expect(bodyByteLength({ base64: "AAH/gA==" })).toBe(4);
    expect(bodyByteLength({ base64: "AAH/" })).toBe(3);
  });
});

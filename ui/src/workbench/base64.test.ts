import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "./base64";

describe("base64", () => {
  it("decodes to the original bytes", () => {
    expect(Array.from(base64ToBytes("AAH/gA=="))).toEqual([0, 1, 255, 128]);
    expect(Array.from(base64ToBytes(""))).toEqual([]);
  });

  it("ignores line breaks and returns nothing for garbage", () => {
    expect(Array.from(base64ToBytes("AAH/\ngA=="))).toEqual([0, 1, 255, 128]);
    expect(base64ToBytes("***").length).toBe(0);
  });

  it("round-trips large inputs", () => {
    const bytes = new Uint8Array(40_000).map((_, i) => (i * 7) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});

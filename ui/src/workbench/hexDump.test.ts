import { describe, expect, it } from "vitest";
import { hexDumpLines } from "./hexDump";

describe("hexDumpLines", () => {
  it("lays out offset, hex and printable ASCII", () => {
    const bytes = new TextEncoder().encode("Hello, world!\n\x00\x7fAB");
    const lines = hexDumpLines(bytes);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      offset: "00000000",
      hex: "48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 7f",
      ascii: "Hello, world!...",
    });
    expect(lines[1].offset).toBe("00000010");
    expect(lines[1].ascii).toBe("AB");
  });

  it("pads a short last line to full width", () => {
    const [line] = hexDumpLines(new Uint8Array([1]));
    expect(line.hex).toHaveLength("00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00".length);
    expect(line.hex.startsWith("01 ")).toBe(true);
  });

  it("stops at the limit", () => {
    const lines = hexDumpLines(new Uint8Array(100), 40);
    expect(lines).toHaveLength(3);
    expect(lines[2].ascii).toHaveLength(8);
  });

  it("handles an empty body", () => {
    expect(hexDumpLines(new Uint8Array(0))).toEqual([]);
  });
});

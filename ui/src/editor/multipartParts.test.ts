import { describe, expect, it } from "vitest";
import {
  partEnabled,
  partName,
  partType,
  withPartContent,
  withPartContentType,
  withPartEnabled,
  withPartName,
  withPartType,
} from "./multipartParts";

describe("multipart rows", () => {
  it("reads the ~ marker as a disabled row", () => {
    expect(partEnabled({ name: "~doc" })).toBe(false);
    expect(partName({ name: "~doc" })).toBe("doc");
    expect(partEnabled({ name: "doc" })).toBe(true);
  });

  it("keeps the marker when the name is edited, and sets it with the checkbox", () => {
    expect(withPartName({ name: "~a", value: "1" }, "b")).toEqual({ name: "~b", value: "1" });
    expect(withPartEnabled({ name: "a" }, false)).toEqual({ name: "~a" });
    expect(withPartEnabled({ name: "~a" }, true)).toEqual({ name: "a" });
  });

  it("holds exactly one of value and file", () => {
    const file = withPartType({ name: "a", value: "x", content_type: "text/csv" }, "file");
    expect(file).toEqual({ name: "a", file: "", content_type: "text/csv" });
    expect(partType(file)).toBe("file");
    expect(withPartType(file, "text")).toEqual({ name: "a", value: "", content_type: "text/csv" });
    expect(partType({ name: "a" })).toBe("text");
  });

  it("writes the content where the type says", () => {
    expect(withPartContent({ name: "a", file: "" }, "b.png")).toEqual({ name: "a", file: "b.png" });
    expect(withPartContent({ name: "a" }, "v")).toEqual({ name: "a", value: "v" });
  });

  it("drops a blank content type", () => {
    expect(withPartContentType({ name: "a" }, "image/png")).toEqual({ name: "a", content_type: "image/png" });
    expect(withPartContentType({ name: "a", content_type: "image/png" }, "")).toEqual({ name: "a" });
  });
});

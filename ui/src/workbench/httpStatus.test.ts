import { describe, expect, it } from "vitest";
import { reasonPhrase, statusClass } from "./httpStatus";

describe("httpStatus", () => {
  it("names standard codes and leaves others blank", () => {
    expect(reasonPhrase(200)).toBe("OK");
    expect(reasonPhrase(404)).toBe("Not Found");
    expect(reasonPhrase(599)).toBe("");
  });

  it("classes codes by their first digit", () => {
    expect(statusClass(101)).toBe("informational");
    expect(statusClass(204)).toBe("success");
    expect(statusClass(304)).toBe("redirect");
    expect(statusClass(422)).toBe("client-error");
    expect(statusClass(503)).toBe("server-error");
    expect(statusClass(999)).toBe("unknown");
  });
});

import { describe, expect, it } from "vitest";
import { methodClass, methodLabel } from "./methodBadge";

describe("methodBadge", () => {
  it("shortens long methods and upper-cases all", () => {
    expect(methodLabel("delete")).toBe("DEL");
    expect(methodLabel("OPTIONS")).toBe("OPT");
    expect(methodLabel("patch")).toBe("PATCH");
    expect(methodLabel("PROPFIND")).toBe("PROPFIND");
  });

  it("colours known methods and groups the rest", () => {
    expect(methodClass("GET")).toBe("tree-method-get");
    expect(methodClass("Delete")).toBe("tree-method-delete");
    expect(methodClass("PROPFIND")).toBe("tree-method-other");
  });
});

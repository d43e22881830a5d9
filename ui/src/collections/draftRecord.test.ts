import { describe, expect, it } from "vitest";
import { caseDraftKey, caseIdOfDraftKey, decodeDraft, encodeDraft } from "./draftRecord";

const draft = {
  case: { name: "list", request: { method: "GET", url: "{{base}}/items" } },
  jsonText: "{ \"half\": ",
};

describe("draft records", () => {
  it("round-trip, invalid JSON body text included", () => {
    const text = encodeDraft(draft, "2026-11-28T07:00:00Z");
    expect(decodeDraft(text)).toEqual({ version: 1, draft, baseUpdatedAt: "2026-11-28T07:00:00Z" });
  });

  it("ignore what this version did not write", () => {
    expect(decodeDraft("not json")).toBeNull();
    expect(decodeDraft(JSON.stringify({ version: 2, draft, baseUpdatedAt: "x" }))).toBeNull();
    expect(decodeDraft(JSON.stringify({ version: 1, draft: { case: {} }, baseUpdatedAt: "x" }))).toBeNull();
  });

  it("key drafts by case", () => {
    expect(caseIdOfDraftKey(caseDraftKey("abc"))).toBe("abc");
    expect(caseIdOfDraftKey("environment:e1")).toBeNull();
  });
});

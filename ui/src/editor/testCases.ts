/** Cases and drafts for the editor's tests. */
import type { Case } from "../bindings/Case";
import type { RequestTemplate } from "../bindings/RequestTemplate";
import { draftFromCase, type CaseDraft } from "./caseDraft";

export function testCase(request: Partial<RequestTemplate> = {}): Case {
  return { name: "get user", request: { method: "GET", url: "https://api.test/users", ...request } };
}

export function testDraft(request: Partial<RequestTemplate> = {}): CaseDraft {
  return draftFromCase(testCase(request));
}

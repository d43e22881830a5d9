import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const store = vi.hoisted(() => ({
  saveDraft: vi.fn<(key: string, content: string) => Promise<void>>(() => Promise.resolve()),
  discardDraft: vi.fn<(key: string) => Promise<void>>(() => Promise.resolve()),
  listDrafts: vi.fn(() =>
    Promise.resolve([
      { key: "environment:e1", content: "A" },
      { key: "environment:", content: "NEW" },
      { key: "case:c1", content: "C" },
    ]),
  ),
}));
vi.mock("../workspaceIpc", () => store);

const { DRAFT_DELAY_MS, draftsUnder, flushDrafts, writeDraftSoon } = await import("./draftWriter");

beforeEach(() => {
  vi.useFakeTimers();
  store.saveDraft.mockClear();
  store.discardDraft.mockClear();
});
afterEach(() => vi.useRealTimers());

describe("draftWriter", () => {
  it("writes a draft once typing pauses, the latest edit only", () => {
    writeDraftSoon("environment:e1", "one");
    writeDraftSoon("environment:e1", "two");
    vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    expect(store.saveDraft).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(store.saveDraft.mock.calls).toEqual([["environment:e1", "two"]]);
  });

  it("discards a draft that no longer differs, and keeps keys apart", () => {
    writeDraftSoon("collection:a", "x");
    writeDraftSoon("collection:b", "y");
    writeDraftSoon("collection:a", null);
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    expect(store.saveDraft.mock.calls).toEqual([["collection:b", "y"]]);
    expect(store.discardDraft.mock.calls).toEqual([["collection:a"]]);
  });

  it("writes everything pending at once when the page goes away", () => {
    writeDraftSoon("environment:e1", "typed");
    window.dispatchEvent(new Event("pagehide"));
    expect(store.saveDraft.mock.calls).toEqual([["environment:e1", "typed"]]);
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    flushDrafts();
    expect(store.saveDraft).toHaveBeenCalledTimes(1);
  });

  it("reads back the drafts under a prefix, by the rest of their key", async () => {
    const found = await draftsUnder("environment:");
    expect([...found]).toEqual([
      ["e1", "A"],
      ["", "NEW"],
    ]);
  });
});

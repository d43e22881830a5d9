import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ResultFilter } from "../bindings/ResultFilter";
import type { ResultSummary } from "../bindings/ResultSummary";
import { I18nProvider } from "../i18n/I18nProvider";
import { BatchSession } from "../live/batchSession";
import { result, summary } from "../live/testData";
import { BatchResultsView } from "./BatchResultsView";

afterEach(cleanup);

// jsdom lays nothing out: give the table's scroll area a size, so the virtualizer shows rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, "clientHeight");
beforeAll(() => {
  Object.defineProperty(Element.prototype, "clientHeight", { configurable: true, get: () => 520 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(Element.prototype, "clientHeight", clientHeight);
});

const STORED = 20_000;

/** A finished batch whose column load never completes: rows come only from row fetches. */
function readOnlySession() {
  const fetchPage = vi.fn(
    async (_id: string, afterSeq: number, limit: number, _filter?: ResultFilter, search?: string) => {
      if (limit === 5000 && !search) return new Promise<ResultSummary[]>(() => undefined);
      const out: ResultSummary[] = [];
      for (let seq = afterSeq + 1; seq <= STORED && out.length < limit; seq += 1) {
        if (!search || `case ${seq}`.includes(search)) out.push(result(seq));
      }
      return out;
    },
  );
  const session = new BatchSession(summary({ state: "PASSED", last_seq: STORED }), {
    fetchPage,
    attach: vi.fn(async () => ({ stop: () => {} })),
    describeError: String,
  });
  void session.loadColumns();
  return { session, fetchPage };
}

const shownSeqs = () => screen.queryAllByTestId("result-row").map((row) => Number(row.dataset.seq));

function show(session: BatchSession) {
  render(
    <I18nProvider lang="en">
      <BatchResultsView session={session} />
    </I18nProvider>,
  );
}

describe("BatchResultsView", () => {
  it("lists every stored seq, drawing placeholders until the visible page arrives", async () => {
    const { session, fetchPage } = readOnlySession();
    show(session);
    const seqs = shownSeqs();
    expect(seqs.length).toBeGreaterThan(0);
    expect(seqs.length).toBeLessThan(100); // virtualized: never the whole list
    expect(seqs[0]).toBe(1);
    expect(document.querySelectorAll(".row-placeholder").length).toBe(seqs.length);
    expect(await screen.findByText("case 1")).toBeTruthy();
    expect(document.querySelectorAll(".row-placeholder").length).toBe(0);
    const rowFetches = fetchPage.mock.calls.filter(([, , limit]) => limit !== 5000);
    expect(rowFetches).toEqual([[session.id, 0, seqs.length, "all"]]);
    expect(screen.getByText(`${STORED} of ${STORED}`)).toBeTruthy();
  });

  it("searches the store once the text settles", async () => {
    const { session, fetchPage } = readOnlySession();
    show(session);
    act(() => {
      fireEvent.change(screen.getByPlaceholderText("Search test case…"), { target: { value: "case 777" } });
    });
    await waitFor(() => expect(shownSeqs()).toEqual([777, 7770, 7771, 7772, 7773, 7774, 7775, 7776, 7777, 7778, 7779]));
    const searches = fetchPage.mock.calls.filter(([, , , , search]) => search);
    expect(searches).toEqual([[session.id, 0, 500, "all", "case 777"]]);
    expect(screen.getByText("case 7777")).toBeTruthy();
  });
});

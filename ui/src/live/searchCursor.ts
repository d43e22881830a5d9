/**
 * The results whose case name contains a search text, pulled from the store page by page:
 * the page holds no names, so searching is the store's job (`batch_results` with `search`).
 * Each page follows the cursor (afterSeq = the last seq of the previous page); the table asks
 * for the next one as the user scrolls toward the end. At most SEARCH_CAP matches are held.
 */
import type { ResultFilter } from "../bindings/ResultFilter";
import type { ResultSummary } from "../bindings/ResultSummary";
import type { ResultView } from "./batchResults";

export const SEARCH_PAGE = 500;
export const SEARCH_CAP = 20_000;

/** `batch_results` with a search text. */
export type SearchPage = (
  afterSeq: number,
  limit: number,
  filter: ResultFilter,
  search: string,
) => Promise<ResultSummary[]>;

/** The store filters "all" or "not_passed"; "failed" and "errored" are narrowed here. */
function matchesView(view: ResultView, row: ResultSummary): boolean {
  return view === "all" || view === "not_passed" || row.verdict === view;
}

export class SearchCursor {
  /** The matches so far, in seq order. Do not mutate. */
  readonly rows: ResultSummary[] = [];
  /** The store has nothing more to give (end reached, cap reached, or an error). */
  done = false;
  /** More matches exist than SEARCH_CAP: only the first ones are shown. */
  capped = false;
  loading = false;
  error: string | null = null;
  private afterSeq = 0;
  private version = 0;
  /** Bumped by `close`: an answer to an older generation is dropped. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchPage: SearchPage,
    readonly view: ResultView,
    readonly search: string,
    private readonly describeError: (error: unknown) => string = String,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Pull the next page unless one is on its way or nothing more is to come. */
  async loadMore(): Promise<void> {
    if (this.loading || this.done) return;
    const generation = this.generation;
    this.loading = true;
    this.changed();
    try {
      const filter: ResultFilter = this.view === "all" ? "all" : "not_passed";
      const page = await this.fetchPage(this.afterSeq, SEARCH_PAGE, filter, this.search);
      if (generation !== this.generation) return;
      this.take(page);
      if (page.length < SEARCH_PAGE) this.done = true;
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = this.describeError(e);
      this.done = true;
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.changed();
      }
    }
  }

  /** Drop the answer in flight (the view went away); `loadMore` may start again later. */
  close(): void {
    this.generation += 1;
    this.loading = false;
  }

  private take(page: readonly ResultSummary[]): void {
    for (const row of page) {
      if (row.seq <= this.afterSeq) continue; // never twice, whatever the store sends
      this.afterSeq = row.seq;
      if (!matchesView(this.view, row)) continue;
      if (this.rows.length >= SEARCH_CAP) {
        this.capped = true;
        this.done = true;
        return;
      }
      this.rows.push(row);
    }
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

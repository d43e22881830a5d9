/**
 * Every batch the page follows, by id. The Runner shows the live ones (newest first);
 * History opens finished ones read-only. Plain TypeScript, subscribed to from React.
 */
import type { BatchSummary } from "../bindings/BatchSummary";
import { BatchSession, isActive, type SessionDeps, type SessionMemory } from "./batchSession";

export class BatchRegistry {
  private readonly sessions = new Map<string, BatchSession>();
  /** Ids shown in the Runner, newest first. */
  private runner: string[] = [];
  /** The batch History opened read-only that the Runner does not show: at most one is held. */
  private readOnlyId: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: SessionDeps) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The Runner's ids; a new array after each change (a valid external-store snapshot). */
  getRunnerIds = (): readonly string[] => this.runner;

  get(id: string): BatchSession | undefined {
    return this.sessions.get(id);
  }

  /**
   * Follow a batch in the Runner: attach from seq 0 the first time; for one already held,
   * take the newer summary, and attach again if it became active after it had ended.
   */
  follow(summary: BatchSummary): BatchSession {
    let session = this.sessions.get(summary.id);
    if (!session) {
      session = new BatchSession(summary, this.deps);
      this.sessions.set(summary.id, session);
      void session.attach();
    } else if (!session.attached || (session.final && isActive(summary.state))) {
      session.updateSummary(summary);
      void session.attach();
    } else if (!session.final) {
      session.updateSummary(summary);
    }
    this.showInRunner(summary);
    return session;
  }

  /** A batch opened from History: its columns filled once in the background, rows on demand. */
  openReadOnly(summary: BatchSummary): BatchSession {
    const held = this.sessions.get(summary.id);
    if (held) return held;
    this.releaseReadOnly();
    const session = new BatchSession(summary, this.deps);
    this.sessions.set(summary.id, session);
    this.readOnlyId = summary.id;
    void session.loadColumns();
    return session;
  }

  /** Drop the batch History opened before, unless the Runner shows it (memory stays bounded). */
  private releaseReadOnly(): void {
    const id = this.readOnlyId;
    this.readOnlyId = null;
    if (id === null || this.runner.includes(id)) return;
    this.sessions.get(id)?.close();
    this.sessions.delete(id);
  }

  /** Close a panel in the Runner (the results stay held while History may show them). */
  closeInRunner(id: string): void {
    this.runner = this.runner.filter((x) => x !== id);
    this.changed();
  }

  /** The batch was deleted. */
  forget(id: string): void {
    this.sessions.get(id)?.close();
    this.sessions.delete(id);
    this.closeInRunner(id);
  }

  /** The seqs the "all" view of a batch lists, in order (the end-to-end test hook). */
  seqs(id: string): number[] {
    return this.sessions.get(id)?.results.seqs() ?? [];
  }

  /** What the page holds for a batch (the benchmark hook). */
  memory(id: string): SessionMemory {
    return this.sessions.get(id)?.memory() ?? { held: 0, cachedRows: 0 };
  }

  private showInRunner(summary: BatchSummary): void {
    if (this.runner.includes(summary.id)) return;
    // Batch ids are UUIDv7: sorting them sorts by creation time.
    this.runner = [...this.runner, summary.id].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

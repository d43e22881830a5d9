/** Toasts: short notices shown in the corner, gone after a while. Plain TypeScript. */
/** `action`: one button on the notice (Undo after a delete), which also dismisses it. */
export type NoticeAction = { label: string; run: () => void };
export type Notice = { id: number; kind: "info" | "error"; text: string; action?: NoticeAction };

let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function changed(next: readonly Notice[]): void {
  notices = next;
  for (const listener of listeners) listener();
}

export function notify(text: string, kind: Notice["kind"] = "info", action?: NoticeAction): void {
  const id = nextId++;
  changed([...notices, { id, kind, text, action }].slice(-5));
  // A notice with an action stays longer: there is something to do with it.
  setTimeout(() => dismissNotice(id), kind === "error" || action ? 12_000 : 5_000);
}

export function dismissNotice(id: number): void {
  if (notices.some((n) => n.id === id)) changed(notices.filter((n) => n.id !== id));
}

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getNotices = (): readonly Notice[] => notices;

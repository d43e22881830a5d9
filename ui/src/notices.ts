/** Toasts: short notices shown in the corner, gone after a while. Plain TypeScript. */
export type Notice = { id: number; kind: "info" | "error"; text: string };

let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function changed(next: readonly Notice[]): void {
  notices = next;
  for (const listener of listeners) listener();
}

export function notify(text: string, kind: Notice["kind"] = "info"): void {
  const id = nextId++;
  changed([...notices, { id, kind, text }].slice(-5));
  setTimeout(() => dismissNotice(id), kind === "error" ? 12_000 : 5_000);
}

export function dismissNotice(id: number): void {
  if (notices.some((n) => n.id === id)) changed(notices.filter((n) => n.id !== id));
}

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getNotices = (): readonly Notice[] => notices;

/**
 * Which JSON nodes the user opened or closed, by path. Re-sending a request usually returns
 * the same shape, so the tree reopens as the user left it instead of snapping back.
 */
import { startsOpen, type OpenPolicy } from "./jsonTree";

export const ROOT_PATH = "$";

/** Paths are built from labels: `$/user/tags/0`. Labels are escaped so "a/b" stays one step. */
export function childPath(parent: string, label: string | number): string {
  return `${parent}/${String(label).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

export class FoldMemory {
  private readonly choices = new Map<string, boolean>();

  isOpen(path: string, depth: number, policy: OpenPolicy): boolean {
    return this.choices.get(path) ?? startsOpen(depth, policy);
  }

  remember(path: string, open: boolean): void {
    this.choices.set(path, open);
  }

  /** Expand/collapse all overrides every individual choice. */
  forget(): void {
    this.choices.clear();
  }
}

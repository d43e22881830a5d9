/**
 * Cycles in a graph of names that refer to names (variables whose values use other
 * variables), found as strongly connected groups (Tarjan's algorithm).
 *
 * Why groups rather than every elementary loop: their number can grow exponentially, and the
 * editor only needs to say which names cannot be expanded. A group is reported when it holds
 * two names or more, or one name that refers to itself.
 *
 * Invariants: each name appears in at most one cycle; names within a cycle are in the order
 * a depth-first walk reaches them, walking the names and their references in the map's
 * order, so a simple loop a -> b -> a starting at `a` is reported as ["a", "b"]; cycles come
 * in the order their first name was reached. References to names missing from the map are
 * ignored.
 */
export function referenceCycles(references: ReadonlyMap<string, readonly string[]>): string[][] {
  const visitOrder = new Map<string, number>();
  const lowestReachable = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: { firstVisit: number; names: string[] }[] = [];

  const visit = (name: string): void => {
    const order = visitOrder.size;
    visitOrder.set(name, order);
    lowestReachable.set(name, order);
    stack.push(name);
    onStack.add(name);
    for (const next of references.get(name) ?? []) {
      if (!references.has(next)) continue;
      if (!visitOrder.has(next)) {
        visit(next);
        lowestReachable.set(name, Math.min(low(name), low(next)));
      } else if (onStack.has(next)) {
        lowestReachable.set(name, Math.min(low(name), visitOrder.get(next) ?? order));
      }
    }
    if (low(name) !== order) return;
    const names: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      names.push(member);
    } while (member !== name);
    const selfLoop = (references.get(name) ?? []).includes(name);
    if (names.length > 1 || selfLoop) {
      names.sort((a, b) => (visitOrder.get(a) ?? 0) - (visitOrder.get(b) ?? 0));
      groups.push({ firstVisit: order, names });
    }
  };
  const low = (name: string): number => lowestReachable.get(name) ?? 0;

  for (const name of references.keys()) {
    if (!visitOrder.has(name)) visit(name);
  }
  return groups.sort((a, b) => a.firstVisit - b.firstVisit).map((group) => group.names);
}

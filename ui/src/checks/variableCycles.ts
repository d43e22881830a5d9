/**
 * Variables whose values refer to each other in a loop (`a = {{b}}`, `b = {{a}}`): the
 * engine refuses them, so the editors report them inline.
 */
import { referenceCycles } from "../authoring/referenceCycles";
import { isDynamicVariable, variableNames } from "../authoring/templates";

/**
 * A group of names that refer to each other. `path` walks one actual loop through the
 * group's first name and back to it (`["a", "b", "a"]`), for the message; `names` holds
 * every name of the group, which may be more than the loop shows.
 */
export type VariableCycle = { names: string[]; path: string[] };

/**
 * The cycles among `entries` (name, value), in the order `referenceCycles` gives. For a
 * repeated name only the first entry counts, as when rows are saved as a map.
 */
export function variableCycles(entries: Iterable<readonly [string, string]>): VariableCycle[] {
  const values = new Map<string, string>();
  for (const [name, value] of entries) {
    if (name !== "" && !values.has(name)) values.set(name, value);
  }
  const references = new Map<string, string[]>();
  for (const [name, value] of values) {
    references.set(
      name,
      variableNames(value).filter((ref) => values.has(ref) && !isDynamicVariable(ref)),
    );
  }
  return referenceCycles(references).map((names) => ({
    names,
    path: loopThrough(names, references),
  }));
}

/** `Cycle: a → b → a` without the word: the loop's names joined by arrows. */
export function cyclePathText(cycle: VariableCycle): string {
  return cycle.path.join(" → ");
}

/** The shortest loop from the group's first name back to it (breadth first, within it). */
function loopThrough(group: readonly string[], references: ReadonlyMap<string, readonly string[]>): string[] {
  const start = group[0];
  const members = new Set(group);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const name = queue[head];
    for (const next of references.get(name) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) return [...pathTo(name, cameFrom, start), start];
      if (!cameFrom.has(next)) {
        cameFrom.set(next, name);
        queue.push(next);
      }
    }
  }
  // Unreachable for a real group (each member reaches the others); keep the group itself.
  return [...group, start];
}

function pathTo(name: string, cameFrom: ReadonlyMap<string, string>, start: string): string[] {
  const path = [name];
  let current = name;
  while (current !== start) {
    const previous = cameFrom.get(current);
    if (previous === undefined) break;
    path.unshift(previous);
    current = previous;
  }
  return path;
}

import type { NameFault } from "./names";
import type { Problem } from "./problem";

/** A name fault as an inline message. */
export function nameProblem(fault: NameFault | null): Problem | null {
  switch (fault) {
    case null:
      return null;
    case "empty":
      return { key: "checks.name.empty" };
    case "characters":
      return { key: "checks.name.characters" };
    case "duplicate":
      return { key: "checks.name.duplicate" };
  }
}

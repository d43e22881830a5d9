import { describe, expect, it } from "vitest";
import { cyclePathText, variableCycles } from "./variableCycles";

describe("variableCycles", () => {
  it("finds a two-name loop and words it", () => {
    const cycles = variableCycles([
      ["a", "{{b}}"],
      ["b", "x{{a}}"],
      ["c", "{{a}}"],
    ]);
    expect(cycles).toEqual([{ names: ["a", "b"], path: ["a", "b", "a"] }]);
    expect(cyclePathText(cycles[0])).toBe("a → b → a");
  });

  it("finds a self reference", () => {
    expect(variableCycles([["a", "{{ a }}"]]).map(cyclePathText)).toEqual(["a → a"]);
  });

  it("shows a real loop when a group is larger than one loop", () => {
    // a -> b -> a and a -> c -> a: one group of three, the shortest loop is shown.
    const [cycle] = variableCycles([
      ["a", "{{c}}{{b}}"],
      ["b", "{{a}}"],
      ["c", "{{a}}"],
    ]);
    expect([...cycle.names].sort()).toEqual(["a", "b", "c"]);
    expect(cycle.path).toEqual(["a", "c", "a"]);
  });

  it("follows a longer loop in order", () => {
    const [cycle] = variableCycles([
      ["x", "{{y}}"],
      ["y", "{{z}}"],
      ["z", "{{x}}"],
    ]);
    expect(cyclePathText(cycle)).toBe("x → y → z → x");
  });

  it("ignores unknown and dynamic names, empty names and later duplicates", () => {
    expect(
      variableCycles([
        ["a", "{{$uuid}}{{missing}}"],
        ["", "{{a}}"],
        ["b", "plain"],
        ["b", "{{b}}"],
      ]),
    ).toEqual([]);
  });
});

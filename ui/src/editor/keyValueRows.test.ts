import { describe, expect, it } from "vitest";
import { duplicateKeys, mapFromRows, rowsFromMap, sameEntries } from "./keyValueRows";

describe("rowsFromMap", () => {
  it("reads ~names as disabled rows, in order", () => {
    expect(rowsFromMap({ Accept: "json", "~X-Debug": "1", "X-Trace": "{{id}}" })).toEqual([
      { key: "Accept", value: "json", enabled: true },
      { key: "X-Debug", value: "1", enabled: false },
      { key: "X-Trace", value: "{{id}}", enabled: true },
    ]);
  });

  it("gives no rows for a missing map", () => {
    expect(rowsFromMap(undefined)).toEqual([]);
  });
});

describe("mapFromRows", () => {
  it("writes disabled rows as ~name and keeps the order", () => {
    const map = mapFromRows([
      { key: "B", value: "2", enabled: true },
      { key: "A", value: "1", enabled: false },
      { key: "C", value: "", enabled: true },
    ]);
    expect(Object.entries(map ?? {})).toEqual([
      ["B", "2"],
      ["~A", "1"],
      ["C", ""],
    ]);
  });

  it("drops rows without a name and gives undefined when nothing is left", () => {
    expect(mapFromRows([{ key: "", value: "", enabled: true }, { key: "  ", value: "x", enabled: true }])).toBeUndefined();
    expect(mapFromRows([])).toBeUndefined();
    expect(mapFromRows([{ key: "", value: "x", enabled: true }, { key: "A", value: "1", enabled: true }])).toEqual({ A: "1" });
  });

  it("round-trips with rowsFromMap", () => {
    const map = { "Content-Type": "application/json", "~Authorization": "Bearer {{token}}" };
    expect(mapFromRows(rowsFromMap(map))).toEqual(map);
  });

  it("keeps the last value of a repeated name", () => {
    expect(mapFromRows([{ key: "A", value: "1", enabled: true }, { key: "A", value: "2", enabled: true }])).toEqual({ A: "2" });
  });
});

describe("duplicateKeys", () => {
  it("finds names used twice, telling enabled and disabled rows apart", () => {
    const rows = [
      { key: "A", value: "1", enabled: true },
      { key: "A", value: "2", enabled: true },
      { key: "B", value: "1", enabled: true },
      { key: "B", value: "2", enabled: false },
      { key: "", value: "", enabled: true },
      { key: "", value: "", enabled: true },
    ];
    expect([...duplicateKeys(rows)]).toEqual(["A"]);
  });
});

describe("sameEntries", () => {
  it("compares names, values and order; a missing map is empty", () => {
    expect(sameEntries({ a: "1", b: "2" }, { a: "1", b: "2" })).toBe(true);
    expect(sameEntries({ a: "1", b: "2" }, { b: "2", a: "1" })).toBe(false);
    expect(sameEntries({ a: "1" }, { a: "2" })).toBe(false);
    expect(sameEntries(undefined, {})).toBe(true);
    expect(sameEntries(undefined, { a: "" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { CaseSummary } from "../bindings/CaseSummary";
import type { WorkspaceCollection } from "../bindings/WorkspaceCollection";
import { knownVariables } from "./knownVariables";

const collection: WorkspaceCollection = {
  id: "c1",
  name: "Shop",
  file_path: null,
  settings: { variables: { base: "http://x" }, auth: null, folders: [] },
};

function summary(captures: string[]): CaseSummary {
  return { id: "k", collection_id: "c1", name: "n", folder: null, method: "GET", url: "/", captures };
}

describe("knownVariables", () => {
  it("joins enabled environment variables, collection variables and captures", () => {
    const environment = {
      id: "e",
      name: "dev",
      variables: [
        { name: "token", value: "t", secret: true, enabled: true },
        { name: "off", value: "x", secret: false, enabled: false },
      ],
    };
    const known = knownVariables(environment, collection, [summary(["item_id"]), summary([])]);
    expect([...known].sort()).toEqual(["base", "item_id", "token"]);
  });

  it("works with nothing chosen", () => {
    expect(knownVariables(null, null, []).size).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import type { CollectionSettings } from "../bindings/CollectionSettings";
import { inheritedAuth } from "./inheritedAuth";

const settings: CollectionSettings = {
  variables: {},
  auth: { bearer: { token: "{{token}}" } },
  folders: [
    { path: "admin", auth: { basic: { username: "root", password: "pw" } } },
    { path: "admin/users" },
    { path: "open", auth: "none" },
  ],
};

describe("inheritedAuth", () => {
  it("takes the nearest folder that sets one, walking up the path", () => {
    expect(inheritedAuth(settings, "Shop", "admin/users/deep")).toEqual({
      auth: { basic: { username: "root", password: "pw" } },
      from: "admin",
    });
  });

  it("falls back to the collection, and a folder's `none` stops the walk", () => {
    expect(inheritedAuth(settings, "Shop", null)).toEqual({ auth: settings.auth, from: "Shop" });
    expect(inheritedAuth(settings, "Shop", "elsewhere")).toEqual({ auth: settings.auth, from: "Shop" });
    expect(inheritedAuth(settings, "Shop", "open/x")).toEqual({ auth: "none", from: "open" });
  });
});

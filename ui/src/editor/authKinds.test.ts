import { describe, expect, it } from "vitest";
import { authKind, authOfKind } from "./authKinds";

describe("authKind", () => {
  it("names each auth", () => {
    expect(authKind(undefined)).toBe("inherit");
    expect(authKind(null)).toBe("inherit");
    expect(authKind("none")).toBe("none");
    expect(authKind({ basic: { username: "u", password: "p" } })).toBe("basic");
    expect(authKind({ bearer: { token: "t" } })).toBe("bearer");
    expect(authKind({ api_key: { name: "k", value: "v", in: "query" } })).toBe("api_key");
    expect(authKind({ digest: { username: "u", password: "p" } })).toBe("digest");
    expect(authKind(authOfKind("oauth1", undefined))).toBe("oauth1");
    expect(authKind(authOfKind("oauth2", undefined))).toBe("oauth2");
  });
});

describe("authOfKind", () => {
  it("gives an empty auth of each kind, and nothing for inherit", () => {
    expect(authOfKind("inherit", "none")).toBeUndefined();
    expect(authOfKind("none", undefined)).toBe("none");
    expect(authOfKind("basic", undefined)).toEqual({ basic: { username: "", password: "" } });
    expect(authOfKind("bearer", "none")).toEqual({ bearer: { token: "" } });
    expect(authOfKind("api_key", undefined)).toEqual({ api_key: { name: "", value: "", in: "header" } });
    expect(authOfKind("digest", "none")).toEqual({ digest: { username: "", password: "" } });
    expect(authOfKind("oauth2", undefined)).toMatchObject({ oauth2: { grant: "client_credentials", client_auth: "header" } });
    expect(authOfKind("oauth1", undefined)).toMatchObject({ oauth1: { signature_method: "HMAC-SHA1", in: "header" } });
  });

  it("keeps the fields when the kind stays", () => {
    const bearer = { bearer: { token: "{{token}}" } };
    expect(authOfKind("bearer", bearer)).toBe(bearer);
  });
});

import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Auth } from "../bindings/Auth";
import { AuthEditor, type InheritedAuthInfo } from "./AuthEditor";
import { renderControlled } from "./testHarness";

afterEach(cleanup);

function renderAuth(auth: Auth | undefined, inherited: InheritedAuthInfo | null = { auth: null, from: "demo" }) {
  return renderControlled(auth, (value, onChange) => (
    <AuthEditor auth={value} onChange={onChange} inherited={inherited} known={new Set(["token"])} />
  ));
}

const kind = () => screen.getByTestId("editor-auth-kind") as HTMLSelectElement;
const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe("AuthEditor", () => {
  it("produces the Auth of each kind as it is filled in", () => {
    const { latest } = renderAuth(undefined);
    type("editor-auth-kind", "basic");
    type("editor-auth-username", "ann");
    type("editor-auth-password", "{{pw}}");
    expect(latest()).toEqual({ basic: { username: "ann", password: "{{pw}}" } });

    type("editor-auth-kind", "bearer");
    expect(latest()).toEqual({ bearer: { token: "" } });
    type("editor-auth-token", "{{token}}");
    expect(latest()).toEqual({ bearer: { token: "{{token}}" } });

    type("editor-auth-kind", "api_key");
    type("editor-auth-key-name", "X-Api-Key");
    type("editor-auth-key-value", "secret");
    type("editor-auth-key-in", "query");
    expect(latest()).toEqual({ api_key: { name: "X-Api-Key", value: "secret", in: "query" } });

    type("editor-auth-kind", "none");
    expect(latest()).toBe("none");
    type("editor-auth-kind", "inherit");
    expect(latest()).toBeUndefined();
  });

  it("fills Digest, OAuth 1.0 and OAuth 2.0 in", () => {
    const { latest } = renderAuth(undefined);
    type("editor-auth-kind", "digest");
    type("editor-auth-username", "postman");
    type("editor-auth-password", "{{pw}}");
    expect(latest()).toEqual({ digest: { username: "postman", password: "{{pw}}" } });

    type("editor-auth-kind", "oauth1");
    type("editor-auth-consumer-key", "ck");
    type("editor-auth-consumer-secret", "cs");
    type("editor-auth-signature-method", "HMAC-SHA256");
    type("editor-auth-oauth1-in", "query");
    expect(latest()).toMatchObject({
      oauth1: { consumer_key: "ck", consumer_secret: "cs", signature_method: "HMAC-SHA256", in: "query" },
    });

    type("editor-auth-kind", "oauth2");
    // The resource owner's credentials only matter to the password grant.
    expect(screen.queryByTestId("editor-auth-username")).toBeNull();
    type("editor-auth-grant", "password");
    type("editor-auth-token-url", "{{base}}/oauth/token");
    type("editor-auth-client-id", "app");
    type("editor-auth-username", "ann");
    type("editor-auth-client-auth", "body");
    expect(latest()).toMatchObject({
      oauth2: { grant: "password", token_url: "{{base}}/oauth/token", client_id: "app", username: "ann", client_auth: "body" },
    });
  });

  it("hides secrets until revealed", () => {
    renderAuth({ bearer: { token: "abc" } });
    const token = screen.getByTestId("editor-auth-token") as HTMLInputElement;
    expect(token.type).toBe("password");
    fireEvent.click(screen.getByTestId("editor-auth-token-reveal"));
    expect(token.type).toBe("text");
    expect(screen.getByTestId("editor-auth-token-reveal").textContent).toBe("Hide");
  });

  it("warns about unknown variables in the fields", () => {
    renderAuth({ bearer: { token: "{{tokn}}" } });
    expect(screen.getByText("Unknown variable: tokn")).toBeTruthy();
  });

  it("says what is inherited", () => {
    renderAuth(undefined, { auth: { bearer: { token: "t" } }, from: "users", level: "folder" });
    expect(screen.getByTestId("editor-auth-inherited").textContent).toBe("Bearer token, from folder users");
    cleanup();
    renderAuth(undefined, { auth: null, from: "demo" });
    expect(screen.getByTestId("editor-auth-inherited").textContent).toBe("No auth");
    cleanup();
    renderAuth(undefined, { auth: "none", from: "users" });
    expect(screen.getByTestId("editor-auth-inherited").textContent).toBe("No auth, from users");
  });

  it("reads Inherit as None at the collection level", () => {
    renderAuth(undefined, null);
    const options = [...kind().options].map((o) => o.textContent);
    expect(options).toEqual(["None", "Basic", "Bearer token", "API key", "Digest", "OAuth 1.0", "OAuth 2.0"]);
    expect(screen.queryByTestId("editor-auth-inherited")).toBeNull();
  });
});

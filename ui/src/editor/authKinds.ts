/**
 * The auth choices of the Auth editor and the `Auth` value each one writes. "inherit" is
 * no `auth` field at all: the case (or folder) uses its folder's or collection's.
 */
import type { Auth } from "../bindings/Auth";
import type { MessageKey } from "../i18n/en";

export type AuthKind = "inherit" | "none" | "basic" | "bearer" | "api_key" | "digest" | "oauth1" | "oauth2";

export const AUTH_KINDS: readonly AuthKind[] = [
  "inherit",
  "none",
  "basic",
  "bearer",
  "api_key",
  "digest",
  "oauth1",
  "oauth2",
];

export const AUTH_KIND_LABELS: Record<AuthKind, MessageKey> = {
  inherit: "editor.authInherit",
  none: "editor.authNone",
  basic: "editor.authBasic",
  bearer: "editor.authBearer",
  api_key: "editor.authApiKey",
  digest: "editor.authDigest",
  oauth1: "editor.authOAuth1",
  oauth2: "editor.authOAuth2",
};

export function authKind(auth: Auth | null | undefined): AuthKind {
  if (auth === undefined || auth === null) return "inherit";
  if (auth === "none") return "none";
  if ("basic" in auth) return "basic";
  if ("bearer" in auth) return "bearer";
  if ("digest" in auth) return "digest";
  if ("oauth1" in auth) return "oauth1";
  if ("oauth2" in auth) return "oauth2";
  return "api_key";
}

/**
 * The auth of `kind`, empty; undefined for "inherit". Switching to the kind already chosen
 * keeps `current`, so its fields are not wiped.
 */
export function authOfKind(kind: AuthKind, current: Auth | undefined): Auth | undefined {
  if (kind === authKind(current)) return current;
  switch (kind) {
    case "inherit":
      return undefined;
    case "none":
      return "none";
    case "basic":
      return { basic: { username: "", password: "" } };
    case "bearer":
      return { bearer: { token: "" } };
    case "api_key":
      return { api_key: { name: "", value: "", in: "header" } };
    case "digest":
      return { digest: { username: "", password: "" } };
    case "oauth1":
      return {
        oauth1: {
          consumer_key: "",
          consumer_secret: "",
          token: "",
          token_secret: "",
          signature_method: "HMAC-SHA1",
          in: "header",
          realm: "",
          timestamp: "",
          nonce: "",
        },
      };
    case "oauth2":
      return {
        oauth2: {
          grant: "client_credentials",
          token_url: "",
          client_id: "",
          client_secret: "",
          username: "",
          password: "",
          scope: "",
          client_auth: "header",
        },
      };
  }
}

import type { ReactNode } from "react";
import type { Auth } from "../bindings/Auth";
import type { OAuth1 } from "../bindings/OAuth1";
import type { OAuth2 } from "../bindings/OAuth2";
import { useI18n } from "../hooks/useI18n";
import type { MessageKey } from "../i18n/en";
import { SecretInput } from "./SecretInput";

/** Renders one labelled field; `text` is checked for unknown variables. */
export type FieldRenderer = (name: string, input: ReactNode, text: string) => ReactNode;

type Props = {
  auth: Exclude<Auth, "none">;
  onChange: (auth: Auth) => void;
  testId: string;
  field: FieldRenderer;
};

/**
 * The fields of the auth kinds that sign or take a round trip: Digest (username and
 * password; the server's challenge gives the rest), OAuth 1.0a (keys, secrets, method,
 * placement) and OAuth 2.0 (a token fetched from the token URL). Null for other kinds.
 */
export function HandshakeAuthFields({ auth, onChange, testId, field }: Props) {
  const { t } = useI18n();
  const text = (label: MessageKey, id: string, value: string, set: (v: string) => void, placeholder?: string) =>
    field(
      t(label),
      <input
        className="ed-mono"
        data-testid={`${testId}-${id}`}
        aria-label={t(label)}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => set(e.target.value)}
      />,
      value,
    );
  const secret = (label: MessageKey, id: string, value: string, set: (v: string) => void) =>
    field(t(label), <SecretInput testId={`${testId}-${id}`} ariaLabel={t(label)} value={value} onChange={set} />, value);
  const choice = (label: MessageKey, id: string, value: string, options: [string, string][], set: (v: string) => void) =>
    field(
      t(label),
      <select data-testid={`${testId}-${id}`} aria-label={t(label)} value={value} onChange={(e) => set(e.target.value)}>
        {options.map(([v, shown]) => (
          <option key={v} value={v}>
            {shown}
          </option>
        ))}
      </select>,
      "",
    );

  if ("digest" in auth) {
    const d = auth.digest;
    return (
      <>
        {text("editor.authUsername", "username", d.username, (username) => onChange({ digest: { ...d, username } }))}
        {secret("editor.authPassword", "password", d.password, (password) => onChange({ digest: { ...d, password } }))}
      </>
    );
  }
  if ("oauth1" in auth) {
    const o = auth.oauth1;
    const set = (patch: Partial<OAuth1>) => onChange({ oauth1: { ...o, ...patch } });
    return (
      <>
        {text("editor.authConsumerKey", "consumer-key", o.consumer_key, (consumer_key) => set({ consumer_key }))}
        {secret("editor.authConsumerSecret", "consumer-secret", o.consumer_secret, (consumer_secret) =>
          set({ consumer_secret }),
        )}
        {text("editor.authAccessToken", "token", o.token, (token) => set({ token }))}
        {secret("editor.authTokenSecret", "token-secret", o.token_secret, (token_secret) => set({ token_secret }))}
        {choice(
          "editor.authSignatureMethod",
          "signature-method",
          o.signature_method,
          [
            ["HMAC-SHA1", "HMAC-SHA1"],
            ["HMAC-SHA256", "HMAC-SHA256"],
            ["PLAINTEXT", "PLAINTEXT"],
          ],
          (m) => set({ signature_method: m as OAuth1["signature_method"] }),
        )}
        {choice(
          "editor.authKeyIn",
          "oauth1-in",
          o.in,
          [
            ["header", t("editor.authKeyInHeader")],
            ["query", t("editor.authKeyInQuery")],
          ],
          (where) => set({ in: where as OAuth1["in"] }),
        )}
        {text("editor.authRealm", "realm", o.realm ?? "", (realm) => set({ realm }))}
      </>
    );
  }
  if ("oauth2" in auth) {
    const o = auth.oauth2;
    const set = (patch: Partial<OAuth2>) => onChange({ oauth2: { ...o, ...patch } });
    return (
      <>
        {choice(
          "editor.authGrant",
          "grant",
          o.grant,
          [
            ["client_credentials", t("editor.authGrantClient")],
            ["password", t("editor.authGrantPassword")],
          ],
          (grant) => set({ grant: grant as OAuth2["grant"] }),
        )}
        {text(
          "editor.authTokenUrl",
          "token-url",
          o.token_url,
          (token_url) => set({ token_url }),
          "{{base}}/oauth/token",
        )}
        {text("editor.authClientId", "client-id", o.client_id, (client_id) => set({ client_id }))}
        {secret("editor.authClientSecret", "client-secret", o.client_secret, (client_secret) => set({ client_secret }))}
        {o.grant === "password" && (
          <>
            {text("editor.authUsername", "username", o.username ?? "", (username) => set({ username }))}
            {secret("editor.authPassword", "password", o.password ?? "", (password) => set({ password }))}
          </>
        )}
        {text("editor.authScope", "scope", o.scope ?? "", (scope) => set({ scope }))}
        {choice(
          "editor.authClientAuth",
          "client-auth",
          o.client_auth,
          [
            ["header", t("editor.authClientAuthHeader")],
            ["body", t("editor.authClientAuthBody")],
          ],
          (how) => set({ client_auth: how as OAuth2["client_auth"] }),
        )}
      </>
    );
  }
  return null;
}

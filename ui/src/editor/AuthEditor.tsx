import type { ReactNode } from "react";
import type { ApiKeyLocation } from "../bindings/ApiKeyLocation";
import type { Auth } from "../bindings/Auth";
import { useI18n } from "../hooks/useI18n";
import { AUTH_KINDS, AUTH_KIND_LABELS, authKind, authOfKind, type AuthKind } from "./authKinds";
import { HandshakeAuthFields } from "./HandshakeAuthFields";
import { SecretInput } from "./SecretInput";
import { VariableWarnings } from "./VariableWarnings";
import "./editor.css";

/**
 * What a case or folder without its own auth uses. `from` names where it is set (a folder
 * path or the collection's name); `level` says which, when the caller knows.
 */
export type InheritedAuthInfo = { auth: Auth | null; from: string; level?: "folder" | "collection" };

type Props = {
  auth: Auth | undefined;
  onChange: (auth: Auth | undefined) => void;
  /** Null for the collection itself: nothing above it, so "Inherit" reads "None". */
  inherited: InheritedAuthInfo | null;
  known: ReadonlySet<string>;
  /** Prefix of the test ids, for pages that show several (folder settings). */
  testId?: string;
};

/**
 * How a request authorizes itself: inherited, none, Basic, Bearer token, API key, Digest,
 * OAuth 1.0a or OAuth 2.0.
 */
export function AuthEditor({ auth, onChange, inherited, known, testId = "editor-auth" }: Props) {
  const { t } = useI18n();
  const kind = authKind(auth);
  const atTop = inherited === null;
  // At the collection level "None" (nothing set) already means no auth; an explicit `none`
  // from the file stays choosable so that it is shown as it is.
  const kinds = AUTH_KINDS.filter((k) => !(atTop && k === "none" && kind !== "none"));
  const label = (k: AuthKind) => t(atTop && k === "inherit" ? "editor.authUnset" : AUTH_KIND_LABELS[k]);
  // Not a <label>: the warnings list cannot sit inside one; the inputs carry aria-labels.
  const field = (name: string, input: ReactNode, text: string) => (
    <div className="ed-field">
      <span className="ed-field-label">{name}</span>
      {input}
      <VariableWarnings text={text} known={known} />
    </div>
  );

  let fields: ReactNode = null;
  if (auth !== undefined && auth !== "none") {
    if ("basic" in auth) {
      const basic = auth.basic;
      fields = (
        <>
          {field(
            t("editor.authUsername"),
            <input
              className="ed-mono"
              data-testid={`${testId}-username`}
              aria-label={t("editor.authUsername")}
              autoComplete="off"
              spellCheck={false}
              value={basic.username}
              onChange={(e) => onChange({ basic: { ...basic, username: e.target.value } })}
            />,
            basic.username,
          )}
          {field(
            t("editor.authPassword"),
            <SecretInput
              testId={`${testId}-password`}
              ariaLabel={t("editor.authPassword")}
              value={basic.password}
              onChange={(password) => onChange({ basic: { ...basic, password } })}
            />,
            basic.password,
          )}
        </>
      );
    } else if ("bearer" in auth) {
      fields = field(
        t("editor.authToken"),
        <SecretInput
          testId={`${testId}-token`}
          ariaLabel={t("editor.authToken")}
          placeholder="{{token}}"
          value={auth.bearer.token}
          onChange={(token) => onChange({ bearer: { token } })}
        />,
        auth.bearer.token,
      );
    } else if (!("api_key" in auth)) {
      fields = <HandshakeAuthFields auth={auth} onChange={onChange} testId={testId} field={field} />;
    } else {
      const key = auth.api_key;
      fields = (
        <>
          {field(
            t("editor.authKeyName"),
            <input
              className="ed-mono"
              data-testid={`${testId}-key-name`}
              aria-label={t("editor.authKeyName")}
              placeholder="X-Api-Key"
              spellCheck={false}
              value={key.name}
              onChange={(e) => onChange({ api_key: { ...key, name: e.target.value } })}
            />,
            key.name,
          )}
          {field(
            t("editor.authKeyValue"),
            <SecretInput
              testId={`${testId}-key-value`}
              ariaLabel={t("editor.authKeyValue")}
              value={key.value}
              onChange={(value) => onChange({ api_key: { ...key, value } })}
            />,
            key.value,
          )}
          {field(
            t("editor.authKeyIn"),
            <select
              data-testid={`${testId}-key-in`}
              aria-label={t("editor.authKeyIn")}
              value={key.in}
              onChange={(e) => onChange({ api_key: { ...key, in: e.target.value as ApiKeyLocation } })}
            >
              <option value="header">{t("editor.authKeyInHeader")}</option>
              <option value="query">{t("editor.authKeyInQuery")}</option>
            </select>,
            "",
          )}
        </>
      );
    }
  }

  return (
    <div className="ed-auth" data-testid={testId}>
      <label className="ed-field">
        <span className="ed-field-label">{t("editor.authType")}</span>
        <select
          data-testid={`${testId}-kind`}
          aria-label={t("editor.authType")}
          value={kind}
          onChange={(e) => onChange(authOfKind(e.target.value as AuthKind, auth))}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </select>
      </label>
      {kind === "inherit" && inherited && (
        <p className="ed-hint" data-testid={`${testId}-inherited`}>
          {inheritedText(inherited, t)}
        </p>
      )}
      {fields}
    </div>
  );
}

/** "Bearer token, from folder users", or "No auth" when nothing above sets one. */
function inheritedText(inherited: InheritedAuthInfo, t: ReturnType<typeof useI18n>["t"]): string {
  if (inherited.auth === null) return t("editor.authInheritsNothing");
  const kind = t(AUTH_KIND_LABELS[authKind(inherited.auth)]);
  if (inherited.level === "folder") return t("editor.authFromFolder", { kind, from: inherited.from });
  if (inherited.level === "collection") return t("editor.authFromCollection", { kind, from: inherited.from });
  return t("editor.authFrom", { kind, from: inherited.from });
}

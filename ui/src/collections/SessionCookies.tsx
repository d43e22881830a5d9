import type { StoredCookie } from "../bindings/StoredCookie";
import { formatTime } from "../format";
import { useI18n } from "../hooks/useI18n";
import { clearSessionCookies, sessionCookies } from "../workspaceIpc";
import { useSessionState } from "./useSessionState";

const NONE: StoredCookie[] = [];

/**
 * The cookies responses gave this collection's sends in this session: the app sends them
 * on to their site with the collection's later sends (as Postman's cookie jar does), until
 * the user clears them or the app quits. Batches keep their own jar.
 */
export function SessionCookies({ collectionId }: { collectionId: string }) {
  const { t } = useI18n();
  const { value: cookies, error, forget } = useSessionState(collectionId, sessionCookies, clearSessionCookies, NONE);

  const list = cookies ?? [];
  return (
    <section className="session-captures" data-testid="collections-session-cookies">
      <h3>{t("collections.sessionCookies")}</h3>
      {error && <p className="inline-error">{error}</p>}
      {list.length === 0 ? (
        <p className="muted">{t("collections.sessionCookiesNone")}</p>
      ) : (
        <>
          <p className="muted">{t("collections.sessionCookiesHint")}</p>
          <table className="session-captures-table">
            <thead>
              <tr>
                <th scope="col">{t("collections.cookie.site")}</th>
                <th scope="col">{t("collections.cookie.name")}</th>
                <th scope="col">{t("collections.cookie.value")}</th>
                <th scope="col">{t("collections.cookie.expires")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((cookie) => (
                <tr key={`${cookie.domain} ${cookie.path} ${cookie.name}`} data-testid="collections-session-cookie">
                  <td>
                    {cookie.domain}
                    {cookie.path !== "/" && cookie.path}
                  </td>
                  <th scope="row">{cookie.name}</th>
                  <td>
                    <code>{cookie.value}</code>
                  </td>
                  <td className="muted">{cookie.expires ? formatTime(cookie.expires) : t("collections.cookie.session")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="small" data-testid="collections-clear-cookies" onClick={forget}>
            {t("collections.clearCookies")}
          </button>
        </>
      )}
    </section>
  );
}

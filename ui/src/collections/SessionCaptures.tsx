import { useI18n } from "../hooks/useI18n";
import { clearSessionCaptures, sessionCaptures } from "../workspaceIpc";
import { useSessionState } from "./useSessionState";

const NONE: Record<string, string> = {};

/**
 * The values Send captured in this collection so far (secrets masked): later sends use
 * them, as the cases after a capture do in a batch. Hidden state is what surprises people
 * most in a workbench, so it is listed here, with a way to forget it.
 */
export function SessionCaptures({ collectionId }: { collectionId: string }) {
  const { t } = useI18n();
  // Each value as JSON text, exact.
  const { value: values, error, forget } = useSessionState(collectionId, sessionCaptures, clearSessionCaptures, NONE);

  const entries = Object.entries(values ?? {});
  return (
    <section className="session-captures" data-testid="collections-session-captures">
      <h3>{t("collections.sessionCaptures")}</h3>
      {error && <p className="inline-error">{error}</p>}
      {entries.length === 0 ? (
        <p className="muted">{t("collections.sessionCapturesNone")}</p>
      ) : (
        <>
          <p className="muted">{t("collections.sessionCapturesHint")}</p>
          <table className="session-captures-table">
            <tbody>
              {entries.map(([name, value]) => (
                <tr key={name} data-testid="collections-session-capture">
                  <th scope="row">{name}</th>
                  <td>
                    <code>{shownValue(value)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="small" data-testid="collections-clear-captures" onClick={forget}>
            {t("collections.clearCaptures")}
          </button>
        </>
      )}
    </section>
  );
}

/** A string as its text, anything else as its JSON. */
function shownValue(json: string): string {
  if (!json.startsWith('"')) return json;
  try {
    return JSON.parse(json) as string;
  } catch {
    return json;
  }
}

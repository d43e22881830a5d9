import { useState } from "react";
import type { BatchSummary } from "../bindings/BatchSummary";
import { BatchPanel } from "../components/BatchPanel";
import { BatchResultsView } from "../components/BatchResultsView";
import { HistoryTable } from "../components/HistoryTable";
import { RetentionForm } from "../components/RetentionForm";
import { useHistory } from "../hooks/useHistory";
import { useI18n } from "../hooks/useI18n";
import { deleteBatch, errorText } from "../ipc";
import { registry } from "../live";
import { notify } from "../notices";

/** Past batches: open one read-only, delete (asked in the row), export reports, retention. */
export function HistoryPage({ visible }: { visible: boolean }) {
  const { t } = useI18n();
  const history = useHistory(visible);
  const [openId, setOpenId] = useState<string | null>(null);
  const session = openId ? registry.get(openId) : undefined;

  const open = (batch: BatchSummary) => setOpenId(registry.openReadOnly(batch).id);

  const remove = async (batch: BatchSummary) => {
    try {
      await deleteBatch(batch.id);
      registry.forget(batch.id);
      if (openId === batch.id) setOpenId(null);
      notify(t("history.deleted", { name: batch.name }));
      history.reload();
    } catch (e) {
      notify(errorText(e), "error");
    }
  };

  if (session) {
    return (
      <div className="history-page">
        <div className="row">
          <button onClick={() => setOpenId(null)}>← {t("common.back")}</button>
        </div>
        <BatchPanel session={session} />
        <BatchResultsView session={session} />
      </div>
    );
  }

  return (
    <div className="history-page">
      <div className="row">
        <h3 className="section-title">{t("history.title")}</h3>
        <button onClick={history.reload} disabled={history.loading}>
          {t("history.refresh")}
        </button>
        {history.loading && <span className="muted">{t("common.loading")}</span>}
      </div>
      {history.error && <p className="error-text">{history.error}</p>}
      <HistoryTable batches={history.batches} onOpen={open} onDelete={(b) => void remove(b)} />
      <RetentionForm onApplied={history.reload} />
    </div>
  );
}

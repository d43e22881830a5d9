import { useI18n } from "../hooks/useI18n";
import { registry } from "../live";
import { BatchPanel } from "./BatchPanel";

type Props = {
  ids: readonly string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** Every batch the Runner follows, newest first; the selected one shows its results below. */
export function BatchList({ ids, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  if (ids.length === 0) return <p className="muted">{t("batches.none")}</p>;
  return (
    <div className="batch-list">
      {ids.map((id) => {
        const session = registry.get(id);
        if (!session) return null;
        return (
          <BatchPanel
            key={id}
            session={session}
            selected={id === selectedId}
            onSelect={() => onSelect(id)}
            onRerun={onSelect}
            onClose={() => registry.closeInRunner(id)}
          />
        );
      })}
    </div>
  );
}

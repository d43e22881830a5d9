import { useI18n } from "../hooks/useI18n";
import { DeleteRowButton } from "../components/DeleteRowButton";

type Props = {
  index: number;
  count: number;
  testId: string;
  onMove?: (delta: -1 | 1) => void;
  onDelete: () => void;
};

/** Move up / move down / delete buttons at the end of a row. */
export function RowActions({ index, count, testId, onMove, onDelete }: Props) {
  const { t } = useI18n();
  return (
    <span className="ck-actions">
      {onMove && (
        <>
          <button
            type="button"
            className="small"
            data-testid={`${testId}-up`}
            aria-label={t("checks.moveUp")}
            title={t("checks.moveUp")}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="small"
            data-testid={`${testId}-down`}
            aria-label={t("checks.moveDown")}
            title={t("checks.moveDown")}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
        </>
      )}
      <DeleteRowButton testId={`${testId}-delete`} label={t("checks.deleteRow")} onClick={onDelete} danger />
    </span>
  );
}

/** The × at the end of a table row that removes it. */
export function DeleteRowButton({ testId, label, onClick, danger = false }: {
  testId: string;
  /** What a screen reader and the tooltip say ("Delete row"). */
  label: string;
  onClick: () => void;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={danger ? "small danger" : "small"}
      data-testid={testId}
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      ×
    </button>
  );
}

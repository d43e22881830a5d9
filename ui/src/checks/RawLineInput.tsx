import { useI18n } from "../hooks/useI18n";

type Props = {
  testId: string;
  label: string;
  text: string;
  invalid: boolean;
  onChange: (text: string) => void;
  /** Leaving the field: the table turns a line it can read into structured fields. */
  onBlur: () => void;
};

/** A line the structured fields cannot show (or not yet), edited as the file writes it. */
export function RawLineInput({ testId, label, text, invalid, onChange, onBlur }: Props) {
  const { t } = useI18n();
  return (
    <input
      className="ck-mono ck-raw"
      data-testid={`${testId}-text`}
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={t("checks.rawLineHint")}
      spellCheck={false}
      autoComplete="off"
      value={text}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
    />
  );
}

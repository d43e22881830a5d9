import { useState } from "react";
import { useI18n } from "../hooks/useI18n";
import "./editor.css";

type Props = {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  ariaLabel: string;
  placeholder?: string;
};

/** A password-style input with a Show / Hide toggle, for passwords, tokens and keys. */
export function SecretInput({ value, onChange, testId, ariaLabel, placeholder }: Props) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState(false);
  return (
    <span className="ed-secret">
      <input
        type={revealed ? "text" : "password"}
        className="ed-mono"
        data-testid={testId}
        aria-label={ariaLabel}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button
        type="button"
        className="small"
        data-testid={`${testId}-reveal`}
        aria-pressed={revealed}
        onClick={() => setRevealed(!revealed)}
      >
        {revealed ? t("editor.hide") : t("editor.show")}
      </button>
    </span>
  );
}

import { useState } from "react";
import { useI18n } from "../hooks/useI18n";
import { parseTimeout } from "./timeoutText";
import "./editor.css";

type Props = {
  timeoutMs: number | undefined;
  /** Called with valid values only; undefined when the field is emptied. */
  onChange: (timeoutMs: number | undefined) => void;
};

/** The case's own timeout; empty uses the batch's. */
export function RequestSettings({ timeoutMs, onChange }: Props) {
  const { t } = useI18n();
  // The text typed, and the value it was typed against: an invalid text cannot live in the
  // case, so it is kept here until the case's timeout changes from outside.
  const [typed, setTyped] = useState({ text: timeoutText(timeoutMs), forValue: timeoutMs });
  const text = typed.forValue === timeoutMs ? typed.text : timeoutText(timeoutMs);
  const invalid = parseTimeout(text) === "invalid";
  return (
    <div className="ed-settings">
      <label className="ed-field">
        <span className="ed-field-label">{t("editor.timeout")}</span>
        <input
          className="ed-timeout"
          inputMode="numeric"
          data-testid="editor-timeout"
          aria-label={t("editor.timeout")}
          aria-invalid={invalid ? true : undefined}
          placeholder={t("editor.timeoutPlaceholder")}
          value={text}
          onChange={(e) => {
            const next = parseTimeout(e.target.value);
            if (next === "invalid") {
              setTyped({ text: e.target.value, forValue: timeoutMs });
            } else {
              setTyped({ text: e.target.value, forValue: next });
              onChange(next);
            }
          }}
        />
      </label>
      {invalid ? (
        <div className="ed-messages ed-error" data-testid="editor-timeout-error">
          {t("editor.timeoutInvalid")}
        </div>
      ) : (
        <p className="ed-hint">{t("editor.timeoutHint")}</p>
      )}
    </div>
  );
}

function timeoutText(timeoutMs: number | undefined): string {
  return timeoutMs === undefined ? "" : String(timeoutMs);
}

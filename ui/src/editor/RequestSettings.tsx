import { useState } from "react";
import type { RequestSettings as ClientSettings } from "../bindings/RequestSettings";
import { useI18n } from "../hooks/useI18n";
import type { MessageKey } from "../i18n/en";
import { parseTimeout } from "./timeoutText";
import "./editor.css";

type Props = {
  timeoutMs: number | undefined;
  /** Called with valid values only; undefined when the field is emptied. */
  onChange: (timeoutMs: number | undefined) => void;
  settings?: ClientSettings;
  /** Undefined when every setting is back to the batch's. */
  onSettingsChange?: (settings: ClientSettings | undefined) => void;
};

type Flag = "follow_redirects" | "follow_original_method" | "verify_tls" | "cookies";

const FLAGS: [Flag, MessageKey][] = [
  ["follow_redirects", "editor.followRedirects"],
  ["follow_original_method", "editor.followOriginalMethod"],
  ["verify_tls", "editor.verifyTls"],
  ["cookies", "editor.sendCookies"],
];

/** `settings` with `key` set (or unset), undefined when nothing is left set. */
export function withSetting(
  settings: ClientSettings | undefined,
  key: keyof ClientSettings,
  value: boolean | number | undefined,
): ClientSettings | undefined {
  const next: ClientSettings = { ...settings, [key]: value };
  if (value === undefined) delete next[key];
  return Object.values(next).some((v) => v !== undefined) ? next : undefined;
}

/**
 * The case's own timeout (empty uses the batch's), and how the client treats it:
 * redirects, certificate checks, cookies (each "as the batch" unless set).
 */
export function RequestSettings({ timeoutMs, onChange, settings, onSettingsChange }: Props) {
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
      {onSettingsChange &&
        FLAGS.map(([key, label]) => (
          <label className="ed-field" key={key}>
            <span className="ed-field-label">{t(label)}</span>
            <select
              data-testid={`editor-setting-${key}`}
              aria-label={t(label)}
              value={settings?.[key] === undefined ? "" : String(settings[key])}
              onChange={(e) =>
                onSettingsChange(withSetting(settings, key, e.target.value === "" ? undefined : e.target.value === "true"))
              }
            >
              <option value="">{t("editor.settingDefault")}</option>
              <option value="true">{t("editor.settingOn")}</option>
              <option value="false">{t("editor.settingOff")}</option>
            </select>
          </label>
        ))}
      {onSettingsChange && (
        <label className="ed-field">
          <span className="ed-field-label">{t("editor.maxRedirects")}</span>
          <input
            inputMode="numeric"
            data-testid="editor-setting-max_redirects"
            aria-label={t("editor.maxRedirects")}
            placeholder={t("editor.timeoutPlaceholder")}
            value={settings?.max_redirects ?? ""}
            onChange={(e) => {
              const text = e.target.value.trim();
              if (text === "") onSettingsChange(withSetting(settings, "max_redirects", undefined));
              else if (/^\d{1,6}$/.test(text)) onSettingsChange(withSetting(settings, "max_redirects", Number(text)));
            }}
          />
        </label>
      )}
    </div>
  );
}

function timeoutText(timeoutMs: number | undefined): string {
  return timeoutMs === undefined ? "" : String(timeoutMs);
}

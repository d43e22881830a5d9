import { useEffect, useState } from "react";
import { useI18n } from "../hooks/useI18n";
import { errorText, getRetention, setRetention } from "../ipc";
import { notify } from "../notices";

const toText = (n: number | null) => (n === null ? "" : String(n));

function parse(text: string): number | null | "bad" {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 ? Number(trimmed) : "bad";
}

/** Older than N days, keep newest M; Apply deletes what falls outside now. */
export function RetentionForm({ onApplied }: { onApplied: () => void }) {
  const { t } = useI18n();
  const [days, setDays] = useState("");
  const [keep, setKeep] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getRetention()
      .then((r) => {
        if (!live) return;
        setDays(toText(r.older_than_days));
        setKeep(toText(r.keep_newest));
      })
      .catch((e: unknown) => notify(errorText(e), "error"));
    return () => {
      live = false;
    };
  }, []);

  const olderThan = parse(days);
  const keepNewest = parse(keep);
  const bad = olderThan === "bad" || keepNewest === "bad";

  const apply = () => {
    if (olderThan === "bad" || keepNewest === "bad") return;
    setBusy(true);
    setRetention({ older_than_days: olderThan, keep_newest: keepNewest })
      .then((n) => {
        notify(t("retention.applied", { n }));
        onApplied();
      })
      .catch((e: unknown) => notify(errorText(e), "error"))
      .finally(() => setBusy(false));
  };

  return (
    <fieldset className="box retention">
      <legend>{t("retention.title")}</legend>
      <label className="field">
        <span className="label">{t("retention.olderThan")}</span>
        <input type="number" min={1} value={days} aria-invalid={olderThan === "bad" || undefined} onChange={(e) => setDays(e.target.value)} />
        {olderThan === "bad" && <span className="field-error">{t("validation.min", { n: 1 })}</span>}
      </label>
      <label className="field">
        <span className="label">{t("retention.keepNewest")}</span>
        <input type="number" min={1} value={keep} aria-invalid={keepNewest === "bad" || undefined} onChange={(e) => setKeep(e.target.value)} />
        {keepNewest === "bad" && <span className="field-error">{t("validation.min", { n: 1 })}</span>}
      </label>
      <button disabled={busy || bad} onClick={apply}>
        {t("common.apply")}
      </button>
      <span className="muted small">{t("retention.hint")}</span>
    </fieldset>
  );
}

import type { BatchSummary } from "../bindings/BatchSummary";
import type { ReportFormat } from "../bindings/ReportFormat";
import { useI18n } from "../hooks/useI18n";
import { errorText, exportReport, pickReportPath } from "../ipc";
import { notify } from "../notices";

const FORMATS: readonly { format: ReportFormat; label: string }[] = [
  { format: "junit", label: "JUnit" },
  { format: "json", label: "JSON" },
  { format: "html", label: "HTML" },
];

function fileBase(batch: BatchSummary): string {
  const safe = batch.name.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "");
  return `${safe || "report"}-${batch.id.slice(0, 8)}`;
}

/** Export a 测试报告: save dialog, then `export_report`. */
export function ExportMenu({ batch }: { batch: BatchSummary }) {
  const { t } = useI18n();
  const exportAs = async (format: ReportFormat) => {
    try {
      const path = await pickReportPath(format, fileBase(batch));
      if (!path) return;
      await exportReport(batch.id, format, path);
      notify(t("history.exported", { path }));
    } catch (e) {
      notify(errorText(e), "error");
    }
  };
  return (
    <span className="export" title={t("history.export")}>
      {FORMATS.map(({ format, label }) => (
        <button key={format} className="small" data-testid={`export-${format}`} onClick={() => void exportAs(format)}>
          {label}
        </button>
      ))}
    </span>
  );
}

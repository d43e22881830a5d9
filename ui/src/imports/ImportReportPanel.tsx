import { useSyncExternalStore } from "react";
import { useI18n } from "../hooks/useI18n";
import { currentImportReport, showImportReport, subscribeImportReport } from "./importReport";

/** After an import from another tool: what did not map, by item and field, until closed. */
export function ImportReportPanel() {
  const { t } = useI18n();
  const report = useSyncExternalStore(subscribeImportReport, currentImportReport);
  if (!report) return null;
  return (
    <section className="import-report" data-testid="import-report" aria-label={t("collections.importReport")}>
      <header>
        <strong>
          {report.direction === "export"
            ? t("collections.exportSomeUnmapped", { name: report.name, source: report.source, count: report.unmapped.length })
            : report.unmapped.length === 0
              ? t("collections.importAllMapped", { name: report.name, source: report.source })
              : t("collections.importSomeUnmapped", { name: report.name, source: report.source, count: report.unmapped.length })}
        </strong>
        <button type="button" onClick={() => showImportReport(null)}>
          {t("collections.importReportClose")}
        </button>
      </header>
      {report.unmapped.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t("collections.importItem")}</th>
              <th>{t("collections.importField")}</th>
              <th>{t("collections.importReason")}</th>
            </tr>
          </thead>
          <tbody>
            {report.unmapped.map((note, i) => (
              <tr key={i}>
                <td>{note.item}</td>
                <td>
                  <code>{note.field}</code>
                </td>
                <td>{note.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

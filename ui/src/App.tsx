import { useCallback, useState } from "react";
import { CollectionsPage } from "./collections/CollectionsPage";
import { useEnvironments } from "./collections/useEnvironments";
import { NoticeArea } from "./components/NoticeArea";
import { TopBar, type Page } from "./components/TopBar";
import { useCollections } from "./hooks/useCollections";
import { useStartup } from "./hooks/useStartup";
import { EnvironmentsPage } from "./pages/EnvironmentsPage";
import { HistoryPage } from "./pages/HistoryPage";
import { RunnerPage } from "./pages/RunnerPage";

/** Every page stays mounted (each keeps its form, selection and drafts); one is shown. */
export function App() {
  const [page, setPage] = useState<Page>("runner");
  const startup = useStartup();
  const showRunner = useCallback(() => setPage("runner"), []);
  const collections = useCollections(startup.info, showRunner, page !== "collections");
  const environments = useEnvironments();

  return (
    <div className="app">
      <TopBar page={page} onPage={setPage} environments={environments} />
      <div className="page" hidden={page !== "collections"}>
        <CollectionsPage visible={page === "collections"} environments={environments} showRunner={showRunner} />
      </div>
      <div className="page" hidden={page !== "environments"}>
        <EnvironmentsPage environments={environments} />
      </div>
      <div className="page" hidden={page !== "runner"}>
        <RunnerPage startup={startup} collections={collections} />
      </div>
      <div className="page" hidden={page !== "history"}>
        <HistoryPage visible={page === "history"} />
      </div>
      <NoticeArea />
    </div>
  );
}

import { useCallback, useState } from "react";
import { NoticeArea } from "./components/NoticeArea";
import { TopBar, type Page } from "./components/TopBar";
import { useCollections } from "./hooks/useCollections";
import { useStartup } from "./hooks/useStartup";
import { HistoryPage } from "./pages/HistoryPage";
import { RunnerPage } from "./pages/RunnerPage";

/** Both pages stay mounted (the Runner keeps its form and selection); one is shown. */
export function App() {
  const [page, setPage] = useState<Page>("runner");
  const startup = useStartup();
  const showRunner = useCallback(() => setPage("runner"), []);
  const collections = useCollections(startup.info, showRunner);

  return (
    <div className="app">
      <TopBar page={page} onPage={setPage} />
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

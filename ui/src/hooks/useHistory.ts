import { useCallback, useEffect, useState } from "react";
import type { BatchSummary } from "../bindings/BatchSummary";
import { errorText, listBatches } from "../ipc";

export type History = {
  batches: BatchSummary[];
  loading: boolean;
  error: string | null;
  reload: () => void;
};

/** `list_batches({limit: 200})`, loaded whenever the page is shown, and on demand. */
export function useHistory(visible: boolean): History {
  const [batches, setBatches] = useState<BatchSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    void Promise.resolve()
      .then(() => {
        if (live) setLoading(true);
        return listBatches(200);
      })
      .then((list) => {
        if (!live) return;
        setBatches(list);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [visible, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { batches, loading, error, reload };
}

import { useEffect, useState } from "react";
import type { ResultDetail } from "../bindings/ResultDetail";
import { errorText, resultDetail } from "../ipc";

export type DetailState = { detail: ResultDetail | null; error: string | null };

/** The full result of one case. Mount with `key={seq}` so it starts afresh for each case. */
export function useResultDetail(batchId: string, seq: number): DetailState {
  const [state, setState] = useState<DetailState>({ detail: null, error: null });
  useEffect(() => {
    let live = true;
    resultDetail(batchId, seq)
      .then((detail) => live && setState({ detail, error: null }))
      .catch((e: unknown) => live && setState({ detail: null, error: errorText(e) }));
    return () => {
      live = false;
    };
  }, [batchId, seq]);
  return state;
}

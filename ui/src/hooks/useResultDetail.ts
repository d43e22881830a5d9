import { useEffect, useState } from "react";
import type { CaseResult } from "../bindings/CaseResult";
import { errorText, resultDetail } from "../ipc";

export type DetailState = { result: CaseResult | null; error: string | null };

/** The full result of one case. Mount with `key={seq}` so it starts afresh for each case. */
export function useResultDetail(batchId: string, seq: number): DetailState {
  const [state, setState] = useState<DetailState>({ result: null, error: null });
  useEffect(() => {
    let live = true;
    resultDetail(batchId, seq)
      .then((result) => live && setState({ result, error: null }))
      .catch((e: unknown) => live && setState({ result: null, error: errorText(e) }));
    return () => {
      live = false;
    };
  }, [batchId, seq]);
  return state;
}

import { useEffect, useState } from "react";
import { errorText } from "../ipc";

export type SessionState<T> = {
  /** Null until loaded. */
  value: T | null;
  error: string | null;
  /** Clears it in the app, then shows `empty`. */
  forget: () => void;
};

/**
 * Part of a collection's workbench session kept by the app (captured values, cookies):
 * loaded when shown, forgotten on request. `load` and `clear` are module functions (stable).
 */
export function useSessionState<T>(
  collectionId: string,
  load: (collectionId: string) => Promise<T>,
  clear: (collectionId: string) => Promise<void>,
  empty: T,
): SessionState<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    load(collectionId)
      .then((found) => live && setValue(found))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [collectionId, load]);

  const forget = () => {
    clear(collectionId)
      .then(() => setValue(empty))
      .catch((e: unknown) => setError(errorText(e)));
  };
  return { value, error, forget };
}

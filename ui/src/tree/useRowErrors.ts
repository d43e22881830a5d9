import { useCallback, useState } from "react";
import { errorMessage } from "./errorMessage";

/**
 * The messages shown under tree rows, by row key (a failed action, a name refused), and
 * `attempt`, which runs an action and puts its failure under the row it was about.
 */
export function useRowErrors() {
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(() => new Map());

  const setError = useCallback((key: string, message: string | null) => {
    setErrors((current) => {
      if ((current.get(key) ?? null) === message) return current;
      const next = new Map(current);
      if (message === null) next.delete(key);
      else next.set(key, message);
      return next;
    });
  }, []);

  const attempt = useCallback(
    async (key: string, work: () => Promise<void>) => {
      setError(key, null);
      try {
        await work();
      } catch (error) {
        setError(key, errorMessage(error));
      }
    },
    [setError],
  );

  return { errors, setError, attempt };
}

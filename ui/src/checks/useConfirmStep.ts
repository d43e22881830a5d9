import { useEffect, useState } from "react";

/**
 * A two-step action (Delete, then "Confirm delete"): `arm` asks for the confirmation, which
 * lapses after `ms` so a stray click much later does not delete anything.
 */
export function useConfirmStep(ms = 4000): { armed: boolean; arm: () => void; disarm: () => void } {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), ms);
    return () => clearTimeout(timer);
  }, [armed, ms]);
  return { armed, arm: () => setArmed(true), disarm: () => setArmed(false) };
}

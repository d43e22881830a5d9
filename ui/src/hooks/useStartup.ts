import { useEffect, useState } from "react";
import type { StartupInfo } from "../bindings/StartupInfo";
import { activeBatches, errorText, onBatchesChanged, startupInfo } from "../ipc";
import { registry } from "../live";
import { notify } from "../notices";

export type Startup = {
  info: StartupInfo | null;
  /** How many running batches were found and attached on load (null until known). */
  restored: number | null;
};

/** Once per page load: startup info, attach to every active batch, follow `batches-changed`. */
export function useStartup(): Startup {
  const [startup, setStartup] = useState<Startup>({ info: null, restored: null });

  useEffect(() => {
    let live = true;
    startupInfo()
      .then((info) => live && setStartup((s) => ({ ...s, info })))
      .catch((e: unknown) => live && notify(errorText(e), "error"));
    activeBatches()
      .then((batches) => {
        for (const batch of [...batches].reverse()) registry.follow(batch);
        if (live) setStartup((s) => ({ ...s, restored: batches.length }));
      })
      .catch((e: unknown) => live && notify(errorText(e), "error"));

    const unlisten = onBatchesChanged(() => {
      activeBatches()
        .then((batches) => batches.forEach((batch) => registry.follow(batch)))
        .catch((e: unknown) => notify(errorText(e), "error"));
    });
    return () => {
      live = false;
      void unlisten.then((stop) => stop()).catch(() => undefined);
    };
  }, []);

  return startup;
}

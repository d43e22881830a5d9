/**
 * The environments and the active one, shared by the top bar, the Environments page and
 * the Collections page (unknown-variable warnings, Copy as cURL).
 */
import { useCallback, useEffect, useState } from "react";
import type { Environment } from "../bindings/Environment";
import { errorText } from "../ipc";
import { notify } from "../notices";
import { deleteEnvironment, listEnvironments, saveEnvironment, setActiveEnvironment } from "../workspaceIpc";

export type EnvironmentsState = {
  environments: Environment[];
  activeId: string | null;
  active: Environment | null;
  save: (environment: Environment) => Promise<Environment>;
  remove: (id: string) => Promise<void>;
  activate: (id: string | null) => Promise<void>;
  reload: () => Promise<void>;
};

export function useEnvironments(): EnvironmentsState {
  const [environments, setEnvironments] = useState<Environment[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const listed = await listEnvironments();
    setEnvironments(listed.environments);
    setActiveId(listed.active_id);
  }, []);

  useEffect(() => {
    let live = true;
    listEnvironments()
      .then((listed) => {
        if (!live) return;
        setEnvironments(listed.environments);
        setActiveId(listed.active_id);
      })
      .catch((e: unknown) => notify(errorText(e), "error"));
    return () => {
      live = false;
    };
  }, []);

  const save = useCallback(
    async (environment: Environment) => {
      const saved = await saveEnvironment(environment);
      await reload();
      return saved;
    },
    [reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await deleteEnvironment(id);
      await reload();
    },
    [reload],
  );
  const activate = useCallback(
    async (id: string | null) => {
      await setActiveEnvironment(id);
      await reload();
    },
    [reload],
  );

  const active = environments.find((e) => e.id === activeId) ?? null;
  return { environments, activeId, active, save, remove, activate, reload };
}

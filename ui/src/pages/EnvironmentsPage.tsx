import { EnvironmentsPanel } from "../checks/EnvironmentsPanel";
import type { EnvironmentsState } from "../collections/useEnvironments";

type Props = { environments: EnvironmentsState };

/** Environments of variables; the active one is chosen here or in the top bar. */
export function EnvironmentsPage({ environments }: Props) {
  return (
    <div className="environments-page">
      <EnvironmentsPanel
        environments={environments.environments}
        activeId={environments.activeId}
        onSave={environments.save}
        onDelete={environments.remove}
        onActivate={environments.activate}
      />
    </div>
  );
}

import type { CSSProperties } from "react";
import { useI18n } from "../hooks/useI18n";
import type { DisplayRow } from "./displayRows";
import { INDENT } from "./TreeRowView";

type Props = {
  line: Extract<DisplayRow, { type: "error" }>;
  /** The input or row it is about points here (aria-describedby). */
  domId: string;
  /** In a windowed tree every line has one row's height: a long message is cut. */
  clipped: boolean;
  style?: CSSProperties;
  onDismiss: () => void;
};

/** Why an action on the row above failed (or why a name was refused), with a dismiss. */
export function TreeLineError({ line, domId, clipped, style, onDismiss }: Props) {
  const { t } = useI18n();
  return (
    <div
      id={domId}
      role="alert"
      className={`tree-line-error${clipped ? " clipped" : ""}`}
      data-testid={`tree-error-${line.forKey}`}
      style={{ ...style, paddingLeft: 4 + line.depth * INDENT + 16 }}
    >
      <span className="tree-line-error-text" title={line.message}>
        {line.message}
      </span>
      <button type="button" className="tree-line-error-dismiss" tabIndex={-1} aria-label={t("tree.dismiss")} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

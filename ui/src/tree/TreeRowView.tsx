import type { CSSProperties, PointerEvent, ReactNode } from "react";
import { useI18n } from "../hooks/useI18n";
import { methodClass, methodLabel } from "./methodBadge";
import type { DropPosition, TreeRow } from "./treeModel";

/** Pixels of indentation per level. */
export const INDENT = 14;

export type RowHandlers = {
  click: (row: TreeRow) => void;
  toggle: (row: TreeRow) => void;
  openMenu: (row: TreeRow, x: number, y: number) => void;
  pointerDown: (row: TreeRow, event: PointerEvent<HTMLElement>) => void;
  pointerOver: (row: TreeRow, event: PointerEvent<HTMLElement>) => void;
};

type Props = {
  row: TreeRow;
  domId: string;
  selected: boolean;
  focused: boolean;
  dirty: boolean;
  dragging: boolean;
  drop: DropPosition | null;
  /** The rename input, shown in place of the name. */
  editor: ReactNode;
  style?: CSSProperties;
  handlers: RowHandlers;
};

/** One collection, folder or case row: chevron, method badge, name, unsaved dot, "⋯". */
export function TreeRowView({ row, domId, selected, focused, dirty, dragging, drop, editor, style, handlers }: Props) {
  const { t } = useI18n();
  const { node } = row;
  const classes = [
    "tree-row",
    `tree-row-${node.kind}`,
    selected && "selected",
    focused && "focused",
    dragging && "dragging",
    drop && `drop-${drop}`,
  ].filter(Boolean);
  return (
    <div
      id={domId}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={selected}
      data-testid={`tree-row-${row.key}`}
      data-kind={node.kind}
      data-depth={row.depth}
      className={classes.join(" ")}
      style={{ ...style, paddingLeft: 4 + row.depth * INDENT }}
      title={node.kind === "case" ? `${node.method} ${node.url}` : node.kind === "folder" ? node.path : undefined}
      onClick={() => handlers.click(row)}
      onContextMenu={(event) => {
        event.preventDefault();
        handlers.openMenu(row, event.clientX, event.clientY);
      }}
      onPointerDown={(event) => handlers.pointerDown(row, event)}
      onPointerMove={(event) => handlers.pointerOver(row, event)}
      onPointerEnter={(event) => handlers.pointerOver(row, event)}
    >
      <span
        className="tree-chevron"
        aria-hidden="true"
        onClick={(event) => {
          if (!row.expandable) return;
          event.stopPropagation();
          handlers.toggle(row);
        }}
      >
        {row.expandable ? (row.expanded ? "▾" : "▸") : ""}
      </span>
      {node.kind === "case" && <span className={`tree-method ${methodClass(node.method)}`}>{methodLabel(node.method)}</span>}
      {editor ?? <span className="tree-name">{node.name}</span>}
      {dirty && (
        <span className="tree-dirty" title={t("tree.unsaved")} aria-label={t("tree.unsaved")} data-testid={`tree-dirty-${row.key}`}>
          ●
        </span>
      )}
      <button
        type="button"
        className="tree-menu-button"
        tabIndex={-1}
        aria-haspopup="menu"
        aria-label={t("tree.menu", { name: node.name })}
        data-testid={`tree-menu-${row.key}`}
        onPointerDown={(event) => event.stopPropagation()}
        onClick={(event) => {
          event.stopPropagation();
          const rect = event.currentTarget.getBoundingClientRect();
          handlers.openMenu(row, rect.left, rect.bottom);
        }}
      >
        ⋯
      </button>
    </div>
  );
}

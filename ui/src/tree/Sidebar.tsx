import {
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type Ref,
} from "react";
import type { CollectionTree } from "../bindings/CollectionTree";
import type { MessageKey } from "../i18n/en";
import { useI18n } from "../hooks/useI18n";
import { useRowWindow } from "../hooks/useRowWindow";
import { CREATE_KEY, displayRows, type DisplayRow } from "./displayRows";
import { indexNodes, type EditCommand } from "./editPlan";
import { InlineNameInput } from "./InlineNameInput";
import { MENU_ACTIONS, type MenuAction } from "./menuActions";
import { removeNode, runMenuAction } from "./nodeCommands";
import type { NamedKind } from "./names";
import { RowMenu } from "./RowMenu";
import { SidebarHeader } from "./SidebarHeader";
import { treeKeyIntent } from "./treeKeys";
import {
  ancestorKeys,
  buildTree,
  caseKey,
  filterTree,
  folderKey,
  placeForKeyboardMove,
  visibleRows,
  type TreeNode,
  type TreeRow,
} from "./treeModel";
import { TreeLineError } from "./TreeLineError";
import { INDENT, TreeRowView, type RowHandlers } from "./TreeRowView";
import { useExpanded } from "./useExpanded";
import { useInlineNaming } from "./useInlineNaming";
import { useRevealFocused } from "./useRevealFocused";
import { useRowErrors } from "./useRowErrors";
import { useTreeDrag } from "./useTreeDrag";
import { withKey } from "./expandedStore";
import type { SidebarActions } from "./sidebarActions";
import "./tree.css";

export type { SidebarActions };

export type SidebarProps = {
  trees: CollectionTree[];
  selectedCaseId: string | null;
  dirtyCaseIds: ReadonlySet<string>;
  onSelectCase(id: string): void;
  actions: SidebarActions;
  /** The page focuses it on Ctrl+K. */
  searchInputRef?: Ref<HTMLInputElement>;
};

/** Fixed row height (px, as in tree.css): large trees are windowed by it. */
const ROW_HEIGHT = 24;
/** Past this many lines only the rows in view are drawn. */
const WINDOW_AFTER = 500;
const OVERSCAN = 12;

const NAME_LABELS: Record<NamedKind, MessageKey> = {
  collection: "tree.name.collection",
  folder: "tree.name.folder",
  case: "tree.name.case",
};

type MenuState = { key: string; x: number; y: number; armed: boolean };

/**
 * The sidebar: search, the tree of collections → folders → cases with their menus,
 * inline naming, drag and drop and keyboard moves. Every change goes through `actions`;
 * a rejected action shows its message under the row it was about.
 */
export function Sidebar({ trees, selectedCaseId, dirtyCaseIds, onSelectCase, actions, searchInputRef }: SidebarProps) {
  const { t } = useI18n();
  const baseId = useId();
  const rowDomId = (key: string) => `${baseId}-row-${encodeURIComponent(key)}`;
  const errorDomId = (key: string) => `${baseId}-error-${encodeURIComponent(key)}`;
  const treeRef = useRef<HTMLDivElement>(null);

  const nodes = useMemo(() => buildTree(trees), [trees]);
  const nodeByKey = useMemo(() => indexNodes(nodes), [nodes]);
  const collectionIds = useMemo(() => trees.map((tree) => tree.collection.id), [trees]);
  const persisted = useExpanded(collectionIds);

  // While searching, the rows around the matches open by themselves; what the user opens
  // or closes then is kept for that search text only, not stored.
  const [search, setSearch] = useState("");
  const filtered = useMemo(() => filterTree(nodes, search), [nodes, search]);
  const [searchOpen, setSearchOpen] = useState<{ text: string; keys: ReadonlySet<string> } | null>(null);
  const openKeys = !filtered.active
    ? persisted.expanded
    : searchOpen?.text === search
      ? searchOpen.keys
      : filtered.expand;
  const setOpen = (key: string, open: boolean) => {
    if (filtered.active) setSearchOpen({ text: search, keys: withKey(openKeys, key, open) });
    else persisted.setOpen(key, open);
  };
  const rows = useMemo(() => visibleRows(filtered.nodes, openKeys), [filtered.nodes, openKeys]);

  const { errors, setError, attempt } = useRowErrors();

  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [menu, setMenu] = useState<MenuState | null>(null);

  // A newly selected case (opened elsewhere, created, duplicated) is revealed: its
  // folders open and it takes the focus. Done while rendering so it never flashes hidden.
  const [revealed, setRevealed] = useState<string | null>(null);
  if (selectedCaseId !== revealed) {
    const target = selectedCaseId === null ? undefined : nodeByKey.get(caseKey(selectedCaseId));
    if (selectedCaseId === null || target) {
      setRevealed(selectedCaseId);
      if (target?.kind === "case") {
        persisted.openAll(ancestorKeys(target.collectionId, target.folder));
        setFocusedKey(target.key);
      }
    }
  }

  let focusIndex = rows.findIndex((row) => row.key === focusedKey);
  if (focusIndex < 0 && selectedCaseId) focusIndex = rows.findIndex((row) => row.key === caseKey(selectedCaseId));
  const focusedRow: TreeRow | undefined = rows[focusIndex];

  const drag = useTreeDrag((moved, place) => {
    // A case dropped into a collapsed folder stays in sight.
    persisted.openAll(ancestorKeys(place.collection_id, place.folder));
    void attempt(moved.key, () => actions.moveCase(moved.caseId, place));
  });

  const focusTree = () => treeRef.current?.focus({ preventScroll: true });

  // ---- Inline naming -------------------------------------------------------------

  const runCommand = async (command: EditCommand): Promise<void> => {
    switch (command.type) {
      case "createCollection":
        return actions.createCollection(command.name);
      case "createFolder":
        await actions.createFolder(command.collectionId, command.path);
        setFocusedKey(folderKey(command.collectionId, command.path));
        return;
      case "createCase":
        return actions.createCase(command.collectionId, command.folder, command.name);
      case "renameCollection":
        return actions.renameCollection(command.id, command.name);
      case "renameFolder":
        await actions.renameFolder(command.collectionId, command.from, command.to);
        persisted.renameFolder(command.collectionId, command.from, command.to);
        setFocusedKey(folderKey(command.collectionId, command.to));
        return;
      case "renameCase":
        return actions.renameCase(command.id, command.name);
    }
  };

  const naming = useInlineNaming({
    nodeByKey,
    setError,
    runCommand,
    focusTree,
    onStart: (editing) => {
      if (editing.mode === "rename") setFocusedKey(editing.key);
      else if (editing.parentKey) setOpen(editing.parentKey, true);
    },
  });
  const { editor, startCreate, startRename, cancelEdit, commitEdit, blurEdit } = naming;
  const editing = editor?.editing ?? null;
  const lines = useMemo(() => displayRows(rows, editing, errors), [rows, editing, errors]);

  const nameInput = (what: NamedKind, errorKey: string) =>
    editor && (
      <InlineNameInput
        value={editor.value}
        onChange={(value) => {
          naming.setValue(value);
          setError(errorKey, null);
        }}
        onCommit={() => void commitEdit()}
        onCancel={() => cancelEdit(true)}
        onBlur={blurEdit}
        label={t(NAME_LABELS[what])}
        hint={t("tree.nameHint")}
        invalid={errors.has(errorKey)}
        describedBy={errors.has(errorKey) ? errorDomId(errorKey) : undefined}
        busy={editor.busy}
      />
    );

  // ---- Menu actions --------------------------------------------------------------

  /** Deleting moves the focus to the row after (or before) the deleted one's rows. */
  const focusAfterRemoving = (key: string) => {
    const index = rows.findIndex((row) => row.key === key);
    if (index < 0) return;
    const depth = rows[index].depth;
    const after = rows.slice(index + 1).find((row) => row.depth <= depth);
    setFocusedKey((after ?? rows[index - 1])?.key ?? null);
  };

  const remove = (node: TreeNode) => {
    focusAfterRemoving(node.key);
    removeNode(node, { actions, attempt });
  };

  const pick = (node: TreeNode, action: MenuAction) => {
    setMenu(null);
    focusTree();
    runMenuAction(node, action, { actions, attempt, startCreate, startRename, remove });
  };

  const openMenu = (row: TreeRow, x: number, y: number, armed = false) => {
    setFocusedKey(row.key);
    setMenu({ key: row.key, x, y, armed });
  };

  const openMenuAtRow = (row: TreeRow, armed: boolean) => {
    const rect = document.getElementById(rowDomId(row.key))?.getBoundingClientRect();
    openMenu(row, rect ? rect.left + INDENT * (row.depth + 2) : 0, rect ? rect.bottom : 0, armed);
  };

  const closeMenu = () => {
    setMenu(null);
    focusTree();
  };

  // ---- Keyboard --------------------------------------------------------------------

  const activate = (row: TreeRow) => {
    setFocusedKey(row.key);
    if (row.node.kind === "case") onSelectCase(row.node.caseId);
    else if (row.expandable) setOpen(row.key, !row.expanded);
  };

  const onTreeKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) return;
    const intent = treeKeyIntent(event, rows, focusIndex);
    if (!intent) return;
    event.preventDefault();
    switch (intent.type) {
      case "focus":
        return setFocusedKey(intent.key);
      case "expand":
        setFocusedKey(intent.key);
        return setOpen(intent.key, intent.open);
      case "open":
        return activate(intent.row);
      case "rename":
        return startRename(intent.row.node);
      case "delete": {
        const { node } = intent.row;
        // A folder with cases asks first (its cases go too, without Undo).
        if (node.kind === "folder" && node.caseCount > 0) return openMenuAtRow(intent.row, true);
        return remove(node);
      }
      case "move": {
        const place = placeForKeyboardMove(rows, intent.caseId, intent.direction);
        if (place) void attempt(caseKey(intent.caseId), () => actions.moveCase(intent.caseId, place));
        return;
      }
      case "menu":
        return openMenuAtRow(intent.row, false);
    }
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const firstCase = rows.find((row) => row.node.kind === "case");
    if (event.key === "ArrowDown" && rows.length > 0) {
      event.preventDefault();
      setFocusedKey((firstCase ?? rows[0]).key);
      focusTree();
    } else if (event.key === "Enter" && firstCase) {
      event.preventDefault();
      activate(firstCase);
      focusTree();
    } else if (event.key === "Escape" && search) {
      event.preventDefault();
      event.stopPropagation();
      setSearch("");
    }
  };

  // ---- Rendering -----------------------------------------------------------------

  const windowed = lines.length > WINDOW_AFTER;
  const rowWindow = useRowWindow(treeRef, lines.length, ROW_HEIGHT, OVERSCAN);

  const lineKeys = useMemo(() => lines.map((line) => line.key), [lines]);
  useRevealFocused(focusedKey, {
    container: treeRef,
    keys: lineKeys,
    window: windowed ? rowWindow : null,
    rowHeight: ROW_HEIGHT,
    rowDomId,
  });

  const handlers: RowHandlers = {
    click: (row) => {
      if (drag.takeClick()) return;
      activate(row);
    },
    toggle: (row) => {
      setFocusedKey(row.key);
      setOpen(row.key, !row.expanded);
    },
    openMenu: (row, x, y) => openMenu(row, x, y),
    pointerDown: (row, event) => {
      if (row.node.kind === "case" && !(event.target instanceof HTMLInputElement)) drag.start(row.node, event);
    },
    pointerOver: (row, event) => drag.over(row.node, event),
  };

  const renderLine = (line: DisplayRow, style?: CSSProperties) => {
    switch (line.type) {
      case "node": {
        const { row } = line;
        const { node } = row;
        const renaming = editing?.mode === "rename" && editing.key === row.key;
        return (
          <TreeRowView
            key={line.key}
            row={row}
            domId={rowDomId(row.key)}
            selected={node.kind === "case" && node.caseId === selectedCaseId}
            focused={row.key === focusedRow?.key}
            dirty={node.kind === "case" && dirtyCaseIds.has(node.caseId)}
            dragging={drag.draggingKey === row.key}
            drop={drag.target?.key === row.key ? drag.target.position : null}
            editor={renaming ? nameInput(node.kind, row.key) : null}
            style={style}
            handlers={handlers}
          />
        );
      }
      case "create":
        return (
          <div
            key={line.key}
            role="none"
            className="tree-row tree-row-create"
            style={{ ...style, paddingLeft: 4 + line.depth * INDENT }}
          >
            <span className="tree-chevron" />
            {nameInput(line.what, CREATE_KEY)}
          </div>
        );
      case "error":
        return (
          <TreeLineError
            key={line.key}
            line={line}
            domId={errorDomId(line.forKey)}
            clipped={windowed}
            style={style}
            onDismiss={() => setError(line.forKey, null)}
          />
        );
    }
  };

  const menuNode = menu ? nodeByKey.get(menu.key) : undefined;
  const creatingCollection = editing?.mode === "create" && editing.parentKey === null;

  return (
    <div className="tree-sidebar" data-testid="tree-sidebar">
      <SidebarHeader
        search={search}
        onSearch={setSearch}
        onSearchKeyDown={onSearchKeyDown}
        searchInputRef={searchInputRef}
        onNewCollection={() => startCreate("collection", null)}
        onImport={actions.importCollection}
      />
      {trees.length === 0 && !creatingCollection && <p className="tree-empty">{t("tree.noCollections")}</p>}
      {filtered.active && filtered.nodes.length === 0 && (
        <p className="tree-empty" data-testid="tree-no-matches">
          {t("tree.noMatches", { text: search.trim() })}
        </p>
      )}
      <div
        ref={treeRef}
        role="tree"
        tabIndex={0}
        aria-label={t("tree.label")}
        aria-activedescendant={focusedRow ? rowDomId(focusedRow.key) : undefined}
        className={`tree-scroll${drag.draggingKey ? " is-dragging" : ""}`}
        data-testid="tree"
        onKeyDown={onTreeKeyDown}
        onPointerLeave={drag.leave}
      >
        {windowed ? (
          <div className="tree-window" style={{ height: rowWindow.totalHeight }}>
            {lines
              .slice(rowWindow.first, rowWindow.last + 1)
              .map((line, offset) =>
                renderLine(line, { position: "absolute", left: 0, right: 0, top: rowWindow.top(rowWindow.first + offset) }),
              )}
          </div>
        ) : (
          lines.map((line) => renderLine(line))
        )}
      </div>
      {menu && menuNode && (
        <RowMenu
          key={`${menu.key}@${menu.x},${menu.y},${menu.armed}`}
          actions={MENU_ACTIONS[menuNode.kind]}
          x={menu.x}
          y={menu.y}
          label={t("tree.menu", { name: menuNode.name })}
          confirmDelete={
            menuNode.kind === "folder" && menuNode.caseCount > 0
              ? t("tree.confirmDeleteFolder", { n: menuNode.caseCount })
              : null
          }
          armed={menu.armed}
          onPick={(action) => pick(menuNode, action)}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}

import { useState, type ReactNode } from "react";
import { useI18n } from "../hooks/useI18n";
import { assertionForNode, useAddAssertion } from "./addAssertion";
import { keyText } from "./find/bodyFind";
import { useFind, type FindState } from "./find/findContext";
import { Highlighted } from "./find/Highlighted";
import { FIND_SCROLL_BOX } from "./find/revealMatch";
import { childPath, FoldMemory, ROOT_PATH } from "./foldMemory";
import type { JsonNode } from "../json/parse";
import {
  brackets,
  CHILD_PAGE_SIZE,
  childCount,
  childSlice,
  isContainer,
  primitiveText,
  type JsonContainer,
  type OpenPolicy,
} from "./jsonTree";

type TreeView = { policy: OpenPolicy; generation: number };

/**
 * A collapsible JSON tree. Folded nodes render no children at all, so huge bodies stay fast.
 * Folding is remembered by path, so a re-sent request reopens the way the user left it.
 * Find (FindContext) marks matching keys and values and opens the way to the current one.
 */
export function JsonTree({ root, toolbarStart }: { root: JsonNode; toolbarStart?: ReactNode }) {
  const { t } = useI18n();
  const [view, setView] = useState<TreeView>({ policy: "default", generation: 0 });
  const [memory] = useState(() => new FoldMemory());
  // Expand/collapse all remounts the nodes so each takes its initial state from the new policy.
  const reopen = (policy: OpenPolicy) => {
    memory.forget();
    setView((v) => ({ policy, generation: v.generation + 1 }));
  };

  return (
    <div className="rv-json">
      {(isContainer(root) || toolbarStart) && (
        <div className="rv-toolbar">
          {toolbarStart}
          {isContainer(root) && (
            <span className="rv-toolbar-end">
              <button type="button" className="small" onClick={() => reopen("all")}>
                {t("viewer.json.expandAll")}
              </button>
              <button type="button" className="small" onClick={() => reopen("collapsed")}>
                {t("viewer.json.collapseAll")}
              </button>
            </span>
          )}
        </div>
      )}
      <div className="rv-json-tree" data-testid="json-tree" key={view.generation} {...FIND_SCROLL_BOX}>
        <JsonEntry label={null} path={ROOT_PATH} segments={[]} node={root} depth={0} policy={view.policy} memory={memory} last />
      </div>
    </div>
  );
}

type EntryProps = {
  /** Object key, array index, or null for the root. */
  label: string | number | null;
  path: string;
  /** Keys and indexes from the root: where an assertion on this value points. */
  segments: readonly (string | number)[];
  node: JsonNode;
  depth: number;
  policy: OpenPolicy;
  memory: FoldMemory;
  /** The last member gets no trailing comma. */
  last: boolean;
};

function JsonEntry(props: EntryProps) {
  const { label, path, node, last, segments } = props;
  if (isContainer(node)) return <JsonContainerEntry {...props} node={node} />;
  return (
    <div className="rv-json-line">
      <span className="rv-json-toggle-space" />
      <EntryLabel label={label} path={path} />
      <span className={`rv-json-${node.type}`}>
        <Highlighted text={primitiveText(node)} path={path} part="value" />
      </span>
      {!last && ","}
      <AssertButton segments={segments} node={node} />
    </div>
  );
}

/** "+ assert" on a value, shown on hover, when the page takes assertions. */
function AssertButton({ segments, node }: { segments: readonly (string | number)[]; node: JsonNode }) {
  const { t } = useI18n();
  const add = useAddAssertion();
  if (!add || segments.length === 0) return null;
  const line = assertionForNode(segments, node);
  return (
    <button
      type="button"
      className="rv-assert"
      data-testid="viewer-assert"
      data-assertion={line}
      title={line}
      onClick={() => add(line)}
    >
      {t("viewer.assert")}
    </button>
  );
}

function JsonContainerEntry({ label, path, segments, node, depth, policy, memory, last }: EntryProps & { node: JsonContainer }) {
  const { t } = useI18n();
  const [open, setOpenState] = useState(() => memory.isOpen(path, depth, policy));
  const setOpen = (next: boolean) => {
    memory.remember(path, next);
    setOpenState(next);
  };
  const [shown, setShown] = useState(CHILD_PAGE_SIZE);
  // The current find match lies below: open the way to it (and it stays open, as in an
  // editor). Done while rendering, once per find state (each move of the user), so the
  // match renders in this same pass.
  const find = useFind();
  const step = find?.current?.trail.find((s) => s.path === path) ?? null;
  const [revealedFor, setRevealedFor] = useState<FindState | null>(null);
  if (step !== null && find !== revealedFor) {
    setRevealedFor(find);
    if (!open) setOpen(true);
    if (step.index >= shown) setShown(Math.ceil((step.index + 1) / CHILD_PAGE_SIZE) * CHILD_PAGE_SIZE);
  }
  const count = childCount(node);
  const [openBracket, closeBracket] = brackets(node);
  const comma = last ? "" : ",";

  if (count === 0) {
    return (
      <div className="rv-json-line">
        <span className="rv-json-toggle-space" />
        <EntryLabel label={label} path={path} />
        {openBracket}
        {closeBracket}
        {comma}
      </div>
    );
  }

  const name = label === null ? t("viewer.json.root") : String(label);
  const children = open ? childSlice(node, 0, Math.min(shown, count)) : [];
  const remaining = count - children.length;
  return (
    <div className="rv-json-node">
      <div className="rv-json-line">
        <button
          type="button"
          className="rv-json-toggle"
          aria-expanded={open}
          aria-label={t(open ? "viewer.json.collapse" : "viewer.json.expand", { name })}
          onClick={() => setOpen(!open)}
        >
          {open ? "▾" : "▸"}
        </button>
        <EntryLabel label={label} path={path} />
        {openBracket}
        {!open && (
          <>
            <button type="button" className="rv-json-ellipsis" tabIndex={-1} aria-hidden onClick={() => setOpen(true)}>
              …
            </button>
            {closeBracket}
            {comma}
            <span className="rv-json-count">{countText(node, count, t)}</span>
          </>
        )}
        <AssertButton segments={segments} node={node} />
      </div>
      {open && (
        <>
          <div className="rv-json-children">
            {children.map((child, i) => (
              <JsonEntry
                // Label in the key: a different shape at this position remounts with its own folding.
                key={`${i}:${child.label}`}
                label={child.label}
                path={childPath(path, child.label)}
                segments={[...segments, child.label]}
                node={child.node}
                depth={depth + 1}
                policy={policy}
                memory={memory}
                last={i === count - 1}
              />
            ))}
            {remaining > 0 && (
              <button type="button" className="link rv-json-more" onClick={() => setShown(shown + CHILD_PAGE_SIZE)}>
                {t("viewer.json.showMore", { n: Math.min(CHILD_PAGE_SIZE, remaining), rest: remaining })}
              </button>
            )}
          </div>
          <div className="rv-json-line">
            <span className="rv-json-toggle-space" />
            {closeBracket}
            {comma}
          </div>
        </>
      )}
    </div>
  );
}

function EntryLabel({ label, path }: { label: string | number | null; path: string }) {
  if (label === null) return null;
  if (typeof label === "number") return <span className="rv-json-index">{label}: </span>;
  return (
    <>
      <span className="rv-json-key">
        <Highlighted text={keyText(label)} path={path} part="key" />
      </span>
      :{" "}
    </>
  );
}

type Translate = ReturnType<typeof useI18n>["t"];

function countText(node: JsonContainer, count: number, t: Translate): string {
  if (node.type === "object") return count === 1 ? t("viewer.json.key") : t("viewer.json.keys", { n: count });
  return count === 1 ? t("viewer.json.item") : t("viewer.json.items", { n: count });
}

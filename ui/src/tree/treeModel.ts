/**
 * The sidebar tree as plain data: collections → folders (nested by `/`) → cases, the
 * search filter, the flattened rows the sidebar draws, and where a moved case lands.
 *
 * Order inside a collection or folder: its subfolders first, then its cases — as Postman,
 * Bruno and Insomnia show them, so a folder never hides between cases. Folders keep the
 * order they first appear in (the collection's `settings.folders`, then the cases'
 * folders); cases keep the order the store gives them, which is their run order.
 */
import type { CasePlace } from "../bindings/CasePlace";
import type { CaseSummary } from "../bindings/CaseSummary";
import type { CollectionTree } from "../bindings/CollectionTree";
import { folderPaths } from "../collections/folderPaths";

export type CollectionNode = {
  kind: "collection";
  key: string;
  collectionId: string;
  name: string;
  children: TreeNode[];
};

export type FolderNode = {
  kind: "folder";
  key: string;
  collectionId: string;
  /** Full path from the collection root (`users/admin`). */
  path: string;
  /** Its last segment (`admin`). */
  name: string;
  /** Cases in it and its subfolders, unfiltered: what deleting it deletes. */
  caseCount: number;
  children: TreeNode[];
};

export type CaseNode = {
  kind: "case";
  key: string;
  collectionId: string;
  caseId: string;
  name: string;
  folder: string | null;
  method: string;
  url: string;
  /** The case after it in the same folder (unfiltered): "drop after" means "before that". */
  nextCaseId: string | null;
};

export type TreeNode = CollectionNode | FolderNode | CaseNode;
export type ContainerNode = CollectionNode | FolderNode;

export const collectionKey = (collectionId: string) => `c:${collectionId}`;
export const folderKey = (collectionId: string, path: string) => `f:${collectionId}:${path}`;
export const caseKey = (caseId: string) => `k:${caseId}`;

/** The folder a path sits in (`users` for `users/admin`), null at the collection root. */
export function parentFolderPath(path: string): string | null {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? null : path.slice(0, slash);
}

/** Keys of the rows that must be expanded to show a case: its collection and each folder. */
export function ancestorKeys(collectionId: string, folder: string | null): string[] {
  const keys = [collectionKey(collectionId)];
  if (!folder) return keys;
  const parts = folder.split("/");
  for (let i = 1; i <= parts.length; i++) keys.push(folderKey(collectionId, parts.slice(0, i).join("/")));
  return keys;
}

export function buildTree(trees: readonly CollectionTree[]): CollectionNode[] {
  return trees.map(buildCollection);
}

function buildCollection({ collection, cases }: CollectionTree): CollectionNode {
  const id = collection.id;
  const folders = new Map<string, { node: FolderNode; subfolders: FolderNode[]; cases: CaseNode[] }>();
  const rootFolders: FolderNode[] = [];
  for (const path of folderPaths(collection.settings, cases)) {
    const node: FolderNode = {
      kind: "folder",
      key: folderKey(id, path),
      collectionId: id,
      path,
      name: path.slice(path.lastIndexOf("/") + 1),
      caseCount: 0,
      children: [],
    };
    folders.set(path, { node, subfolders: [], cases: [] });
    // folderPaths lists parents before children, so the parent is already there.
    const parent = parentFolderPath(path);
    const parentEntry = parent === null ? undefined : folders.get(parent);
    if (parentEntry) parentEntry.subfolders.push(node);
    else rootFolders.push(node);
  }

  const rootCases: CaseNode[] = [];
  for (const summary of cases) {
    const folder = summary.folder ? summary.folder : null;
    const entry = folder === null ? undefined : folders.get(folder);
    (entry ? entry.cases : rootCases).push(caseNode(summary, folder));
    for (let path: string | null = folder; path !== null; path = parentFolderPath(path)) {
      const counted = folders.get(path);
      if (counted) counted.node.caseCount += 1;
    }
  }

  for (const { node, subfolders, cases: own } of folders.values()) {
    linkNextCases(own);
    node.children = [...subfolders, ...own];
  }
  linkNextCases(rootCases);
  return {
    kind: "collection",
    key: collectionKey(id),
    collectionId: id,
    name: collection.name,
    children: [...rootFolders, ...rootCases],
  };
}

function caseNode(summary: CaseSummary, folder: string | null): CaseNode {
  return {
    kind: "case",
    key: caseKey(summary.id),
    collectionId: summary.collection_id,
    caseId: summary.id,
    name: summary.name,
    folder,
    method: summary.method,
    url: summary.url,
    nextCaseId: null,
  };
}

function linkNextCases(cases: CaseNode[]): void {
  for (let i = 0; i < cases.length; i++) cases[i].nextCaseId = cases[i + 1]?.caseId ?? null;
}

export type FilteredTree = {
  nodes: TreeNode[];
  /** Whether a search is active (the text is not blank). */
  active: boolean;
  /** Collections and folders to expand so that every match shows. */
  expand: ReadonlySet<string>;
};

/**
 * The tree with only the cases whose name, URL, method or folder path contains `text`
 * (case-insensitive), and their collections and folders. A folder whose path matches
 * keeps everything in it (its cases all match by folder path anyway), including when it
 * is empty. Nodes that keep all their children are returned as they are.
 */
export function filterTree(nodes: readonly TreeNode[], text: string): FilteredTree {
  const needle = text.trim().toLowerCase();
  if (!needle) return { nodes: [...nodes], active: false, expand: new Set() };
  const expand = new Set<string>();
  const includes = (value: string | null) => value !== null && value.toLowerCase().includes(needle);

  const keep = (node: TreeNode): TreeNode | null => {
    if (node.kind === "case") {
      const matches = includes(node.name) || includes(node.url) || includes(node.method) || includes(node.folder);
      return matches ? node : null;
    }
    if (node.kind === "folder" && includes(node.path)) {
      markExpanded(node, expand);
      return node;
    }
    const children = node.children.map(keep).filter((child): child is TreeNode => child !== null);
    if (children.length === 0) return null;
    expand.add(node.key);
    return children.length === node.children.length ? node : { ...node, children };
  };

  const kept = nodes.map(keep).filter((node): node is TreeNode => node !== null);
  return { nodes: kept, active: true, expand };
}

function markExpanded(node: TreeNode, into: Set<string>): void {
  if (node.kind === "case" || node.children.length === 0) return;
  into.add(node.key);
  for (const child of node.children) markExpanded(child, into);
}

export type TreeRow = {
  key: string;
  node: TreeNode;
  /** 0 for collections. */
  depth: number;
  parentKey: string | null;
  /** Has children to show or hide. */
  expandable: boolean;
  expanded: boolean;
};

/** The rows to draw, top to bottom: children show under expanded parents only. */
export function visibleRows(nodes: readonly TreeNode[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (node: TreeNode, depth: number, parentKey: string | null) => {
    const children = node.kind === "case" ? [] : node.children;
    const expandable = children.length > 0;
    const open = expandable && expanded.has(node.key);
    rows.push({ key: node.key, node, depth, parentKey, expandable, expanded: open });
    if (open) for (const child of children) visit(child, depth + 1, node.key);
  };
  for (const node of nodes) visit(node, 0, null);
  return rows;
}

/** Where on a row a dragged case would go: above or below a case, or into a container. */
export type DropPosition = "before" | "after" | "inside";

/** Cases split their row in halves (above / below); folders and collections take it all. */
export function dropPositionFor(node: TreeNode, fractionDown: number): DropPosition {
  if (node.kind !== "case") return "inside";
  return fractionDown < 0.5 ? "before" : "after";
}

/**
 * Where a case dropped on `target` goes: before (or after) a case in that case's folder,
 * at the end of a folder, or at the end of a collection's root.
 */
export function placeForDrop(target: TreeNode, position: DropPosition): CasePlace {
  switch (target.kind) {
    case "case":
      return {
        collection_id: target.collectionId,
        folder: target.folder,
        before: position === "after" ? target.nextCaseId : target.caseId,
      };
    case "folder":
      return { collection_id: target.collectionId, folder: target.path, before: null };
    case "collection":
      return { collection_id: target.collectionId, folder: null, before: null };
  }
}

/** Whether moving `moved` to `place` leaves it where it is (not worth a call). */
export function movesNothing(moved: CaseNode, place: CasePlace): boolean {
  return (
    place.collection_id === moved.collectionId &&
    place.folder === moved.folder &&
    (place.before === moved.caseId || place.before === moved.nextCaseId)
  );
}

/**
 * Moving a case one place up (-1) or down (1) among the cases of its folder that are
 * shown; null when it is already first or last there. Folders are not crossed: the cases
 * stay in their folder.
 */
export function placeForKeyboardMove(rows: readonly TreeRow[], caseId: string, direction: -1 | 1): CasePlace | null {
  const row = rows.find((candidate) => candidate.node.kind === "case" && candidate.node.caseId === caseId);
  if (!row || row.node.kind !== "case") return null;
  const siblings: CaseNode[] = [];
  for (const candidate of rows) {
    if (candidate.parentKey === row.parentKey && candidate.node.kind === "case") siblings.push(candidate.node);
  }
  const at = siblings.findIndex((sibling) => sibling.caseId === caseId);
  const neighbour = siblings[at + direction];
  if (!neighbour) return null;
  const moved = row.node;
  return {
    collection_id: moved.collectionId,
    folder: moved.folder,
    // Up: just before the case above. Down: just after the case below, that is before
    // whatever follows it in the folder (hidden or not), or at the end.
    before: direction === -1 ? neighbour.caseId : neighbour.nextCaseId,
  };
}

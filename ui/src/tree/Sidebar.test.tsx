import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import type { CollectionTree } from "../bindings/CollectionTree";
import { I18nProvider } from "../i18n/I18nProvider";
import { EXPANDED_STORAGE_KEY } from "./expandedStore";
import { Sidebar, type SidebarActions } from "./Sidebar";
import { collectionTree, shopTree, summary } from "./testTrees";

afterEach(cleanup);
beforeEach(() => localStorage.clear());

type FakeActions = { [K in keyof SidebarActions]: Mock<SidebarActions[K]> };

function fakeActions(): FakeActions {
  const ok = async () => undefined;
  return {
    createCollection: vi.fn<SidebarActions["createCollection"]>(ok),
    importCollection: vi.fn<SidebarActions["importCollection"]>(ok),
    renameCollection: vi.fn<SidebarActions["renameCollection"]>(ok),
    deleteCollection: vi.fn<SidebarActions["deleteCollection"]>(ok),
    saveCollectionFile: vi.fn<SidebarActions["saveCollectionFile"]>(ok),
    runCollection: vi.fn<SidebarActions["runCollection"]>(ok),
    createFolder: vi.fn<SidebarActions["createFolder"]>(ok),
    renameFolder: vi.fn<SidebarActions["renameFolder"]>(ok),
    deleteFolder: vi.fn<SidebarActions["deleteFolder"]>(ok),
    createCase: vi.fn<SidebarActions["createCase"]>(ok),
    renameCase: vi.fn<SidebarActions["renameCase"]>(ok),
    duplicateCase: vi.fn<SidebarActions["duplicateCase"]>(ok),
    deleteCase: vi.fn<SidebarActions["deleteCase"]>(ok),
    copyCaseAsCurl: vi.fn<SidebarActions["copyCaseAsCurl"]>(ok),
    moveCase: vi.fn<SidebarActions["moveCase"]>(ok),
    openCollectionSettings: vi.fn<SidebarActions["openCollectionSettings"]>(),
  };
}

function setup(
  options: { trees?: CollectionTree[]; expanded?: string[]; selected?: string | null; dirty?: string[] } = {},
) {
  if (options.expanded) {
    localStorage.setItem(EXPANDED_STORAGE_KEY, JSON.stringify({ expanded: options.expanded, seen: ["c1"] }));
  }
  const actions = fakeActions();
  const onSelectCase = vi.fn();
  const props = {
    trees: options.trees ?? [shopTree()],
    selectedCaseId: options.selected ?? null,
    dirtyCaseIds: new Set(options.dirty ?? []),
    onSelectCase,
    actions,
  };
  const view = render(
    <I18nProvider lang="en">
      <Sidebar {...props} />
    </I18nProvider>,
  );
  const rerender = (next: Partial<typeof props>) =>
    view.rerender(
      <I18nProvider lang="en">
        <Sidebar {...props} {...next} />
      </I18nProvider>,
    );
  return { actions, onSelectCase, rerender };
}

const row = (key: string) => screen.getByTestId(`tree-row-${key}`);
const rowKeys = () => screen.queryAllByRole("treeitem").map((item) => item.dataset.testid?.replace("tree-row-", ""));
const tree = () => screen.getByRole("tree");

/** Picks `action` from the row's "⋯" menu and lets the action it starts settle. */
async function openMenu(key: string, action: string) {
  fireEvent.click(screen.getByTestId(`tree-menu-${key}`));
  await act(async () => {
    fireEvent.click(screen.getByTestId(`tree-action-${action}`));
  });
}

async function typeAndEnter(text: string) {
  const input = screen.getByTestId("tree-inline-input");
  fireEvent.change(input, { target: { value: text } });
  await act(async () => {
    fireEvent.keyDown(input, { key: "Enter" });
  });
}

describe("Sidebar", () => {
  it("renders collections, nested folders and cases with kinds and depths", () => {
    setup({ expanded: ["c:c1", "f:c1:users", "f:c1:users/admin"] });
    expect(rowKeys()).toEqual([
      "c:c1",
      "f:c1:users",
      "f:c1:users/admin",
      "k:a1",
      "k:u1",
      "k:u2",
      "f:c1:empty",
      "f:c1:orders",
      "k:root1",
      "k:root2",
    ]);
    expect(row("c:c1").dataset.kind).toBe("collection");
    expect(row("f:c1:users/admin").dataset).toMatchObject({ kind: "folder", depth: "2" });
    expect(row("k:a1").dataset).toMatchObject({ kind: "case", depth: "3" });
    expect(row("k:a1").getAttribute("aria-level")).toBe("4");
    expect(row("f:c1:users").getAttribute("aria-expanded")).toBe("true");
    expect(row("f:c1:orders").getAttribute("aria-expanded")).toBe("false");
    expect(row("f:c1:empty").hasAttribute("aria-expanded")).toBe(false);
    expect(row("k:u2").textContent).toContain("DEL");
    expect(row("k:u2").textContent).toContain("Delete user");
  });

  it("starts new collections expanded, folders collapsed, and stores what the user toggles", () => {
    setup();
    expect(rowKeys()).toEqual(["c:c1", "f:c1:users", "f:c1:empty", "f:c1:orders", "k:root1", "k:root2"]);
    fireEvent.click(row("f:c1:orders"));
    expect(rowKeys()).toContain("k:o1");
    const stored = JSON.parse(localStorage.getItem(EXPANDED_STORAGE_KEY) ?? "{}") as { expanded: string[] };
    expect(stored.expanded).toEqual(expect.arrayContaining(["c:c1", "f:c1:orders"]));
    fireEvent.click(row("c:c1"));
    expect(rowKeys()).toEqual(["c:c1"]);
    cleanup();
    // Collapsed stays collapsed after a restart: the collection was seen already.
    setup();
    expect(rowKeys()).toEqual(["c:c1"]);
  });

  it("marks the selected case and unsaved cases, and selects a case on click", () => {
    const { onSelectCase } = setup({ selected: "root1", dirty: ["root2"] });
    expect(row("k:root1").getAttribute("aria-selected")).toBe("true");
    expect(row("k:root2").getAttribute("aria-selected")).toBe("false");
    expect(screen.getByTestId("tree-dirty-k:root2")).toBeTruthy();
    expect(screen.queryByTestId("tree-dirty-k:root1")).toBeNull();
    fireEvent.click(row("k:root2"));
    expect(onSelectCase).toHaveBeenCalledWith("root2");
  });

  it("reveals a selected case inside collapsed folders", () => {
    const { rerender } = setup({ expanded: ["c:c1"] });
    expect(rowKeys()).not.toContain("k:a1");
    rerender({ selectedCaseId: "a1" });
    expect(rowKeys()).toContain("k:a1");
    expect(tree().getAttribute("aria-activedescendant")).toBe(row("k:a1").id);
  });

  it("filters by the search text, opening the folders around the matches", () => {
    setup({ expanded: [] });
    const search = screen.getByTestId("tree-search");
    expect(search.getAttribute("placeholder")).toBe("Search cases (Ctrl+K)");
    fireEvent.change(search, { target: { value: "GRANT" } });
    expect(rowKeys()).toEqual(["c:c1", "f:c1:users", "f:c1:users/admin", "k:a1"]);
    fireEvent.change(search, { target: { value: "/orders" } });
    expect(rowKeys()).toEqual(["c:c1", "f:c1:orders", "k:o1"]);
    fireEvent.change(search, { target: { value: "nothing like it" } });
    expect(rowKeys()).toEqual([]);
    expect(screen.getByTestId("tree-no-matches").textContent).toContain("nothing like it");
    fireEvent.keyDown(search, { key: "Escape" });
    expect(rowKeys()).toEqual(["c:c1"]);
  });

  it("renames a case through its menu with the typed name", async () => {
    const { actions } = setup();
    fireEvent.click(screen.getByTestId("tree-menu-k:root1"));
    expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual([
      "Rename",
      "Duplicate",
      "Copy as cURL",
      "Delete",
    ]);
    fireEvent.click(screen.getByTestId("tree-action-rename"));
    const input = screen.getByTestId<HTMLInputElement>("tree-inline-input");
    expect(input.value).toBe("Health check");
    expect(document.activeElement).toBe(input);
    await typeAndEnter("  Liveness ");
    expect(actions.renameCase).toHaveBeenCalledWith("root1", "Liveness");
    expect(screen.queryByTestId("tree-inline-input")).toBeNull();
  });

  it("cancels a rename with Escape", async () => {
    const { actions } = setup();
    await openMenu("k:root1", "rename");
    const input = screen.getByTestId("tree-inline-input");
    fireEvent.change(input, { target: { value: "Changed" } });
    fireEvent.keyDown(input, { key: "Escape" });
    expect(screen.queryByTestId("tree-inline-input")).toBeNull();
    expect(row("k:root1").textContent).toContain("Health check");
    expect(actions.renameCase).not.toHaveBeenCalled();
  });

  it("shows an empty name as an inline error and keeps the input", async () => {
    const { actions } = setup();
    await openMenu("c:c1", "new-case");
    await typeAndEnter("   ");
    expect(screen.getByRole("alert").textContent).toContain("Enter a name.");
    expect(screen.getByTestId("tree-inline-input").getAttribute("aria-invalid")).toBe("true");
    expect(actions.createCase).not.toHaveBeenCalled();
    await typeAndEnter("Ping");
    expect(actions.createCase).toHaveBeenCalledWith("c1", null, "Ping");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("refuses a slash in a new folder's name and creates subfolders by path", async () => {
    const { actions } = setup({ expanded: ["c:c1"] });
    await openMenu("f:c1:users", "new-subfolder");
    await typeAndEnter("a/b");
    expect(screen.getByRole("alert").textContent).toContain("cannot contain “/”");
    await typeAndEnter("guests");
    expect(actions.createFolder).toHaveBeenCalledWith("c1", "users/guests");
  });

  it("renames a folder to a path next to it", async () => {
    const { actions } = setup({ expanded: ["c:c1", "f:c1:users"] });
    await openMenu("f:c1:users/admin", "rename");
    await typeAndEnter("root");
    expect(actions.renameFolder).toHaveBeenCalledWith("c1", "users/admin", "users/root");
  });

  it("creates a collection from the header", async () => {
    const { actions } = setup({ trees: [] });
    expect(screen.getByText(/No collection yet/)).toBeTruthy();
    fireEvent.click(screen.getByTestId("tree-new-collection"));
    await typeAndEnter("Billing");
    expect(actions.createCollection).toHaveBeenCalledWith("Billing");
  });

  it("shows the message of a failed action next to its row", async () => {
    const { actions } = setup();
    actions.renameCase.mockRejectedValueOnce({ kind: "invalid_input", message: "Name taken" });
    await openMenu("k:root1", "rename");
    await typeAndEnter("Version");
    expect(screen.getByTestId("tree-error-k:root1").textContent).toContain("Name taken");
    // The input stays open to fix the name.
    expect(screen.getByTestId("tree-inline-input")).toBeTruthy();

    actions.duplicateCase.mockRejectedValueOnce({ kind: "storage", message: "Disk full" });
    fireEvent.keyDown(screen.getByTestId("tree-inline-input"), { key: "Escape" });
    await openMenu("k:root2", "duplicate");
    expect(screen.getByTestId("tree-error-k:root2").textContent).toContain("Disk full");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("tree-error-k:root2")).toBeNull();
  });

  it("offers the collection menu's actions", async () => {
    const { actions } = setup();
    fireEvent.click(screen.getByTestId("tree-menu-c:c1"));
    expect(screen.getAllByRole("menuitem").map((item) => item.dataset.action)).toEqual([
      "new-case",
      "new-folder",
      "rename",
      "settings",
      "save-file",
      "run",
      "delete",
    ]);
    fireEvent.click(screen.getByTestId("tree-action-settings"));
    expect(actions.openCollectionSettings).toHaveBeenCalledWith("c1");
    await openMenu("c:c1", "run");
    expect(actions.runCollection).toHaveBeenCalledWith("c1");
    await openMenu("c:c1", "delete");
    expect(actions.deleteCollection).toHaveBeenCalledWith("c1");
  });

  it("opens the same menu on right-click and closes it with Escape", () => {
    setup();
    fireEvent.contextMenu(row("f:c1:orders"), { clientX: 40, clientY: 50 });
    expect(screen.getAllByRole("menuitem").map((item) => item.dataset.action)).toEqual([
      "new-case",
      "new-subfolder",
      "rename",
      "delete",
    ]);
    fireEvent.keyDown(screen.getByRole("menu"), { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("asks before deleting a folder with cases", async () => {
    const { actions } = setup();
    fireEvent.click(screen.getByTestId("tree-menu-f:c1:users"));
    fireEvent.click(screen.getByTestId("tree-action-delete"));
    expect(actions.deleteFolder).not.toHaveBeenCalled();
    expect(screen.getByTestId("tree-action-delete").textContent).toBe("Delete with its 3 case(s)?");
    await act(async () => fireEvent.click(screen.getByTestId("tree-action-delete")));
    expect(actions.deleteFolder).toHaveBeenCalledWith("c1", "users");
    // An empty folder goes at once.
    await openMenu("f:c1:empty", "delete");
    expect(actions.deleteFolder).toHaveBeenCalledWith("c1", "empty");
  });

  it("moves the focus with the arrow keys and opens a case with Enter", () => {
    const { onSelectCase } = setup();
    tree().focus();
    fireEvent.keyDown(tree(), { key: "ArrowDown" });
    expect(tree().getAttribute("aria-activedescendant")).toBe(row("c:c1").id);
    fireEvent.keyDown(tree(), { key: "End" });
    expect(tree().getAttribute("aria-activedescendant")).toBe(row("k:root2").id);
    fireEvent.keyDown(tree(), { key: "Enter" });
    expect(onSelectCase).toHaveBeenCalledWith("root2");
    fireEvent.keyDown(tree(), { key: "Home" });
    fireEvent.keyDown(tree(), { key: "ArrowLeft" });
    expect(rowKeys()).toEqual(["c:c1"]);
    fireEvent.keyDown(tree(), { key: "ArrowRight" });
    expect(rowKeys()).toHaveLength(6);
  });

  it("renames with F2 and deletes with Delete", async () => {
    const { actions } = setup({ selected: "root2" });
    tree().focus();
    fireEvent.keyDown(tree(), { key: "F2" });
    expect(screen.getByTestId<HTMLInputElement>("tree-inline-input").value).toBe("Version");
    fireEvent.keyDown(screen.getByTestId("tree-inline-input"), { key: "Escape" });
    await act(async () => fireEvent.keyDown(tree(), { key: "Delete" }));
    expect(actions.deleteCase).toHaveBeenCalledWith("root2");
  });

  it("moves the focused case down with Alt+ArrowDown and up with Alt+ArrowUp", async () => {
    const { actions } = setup({ expanded: ["c:c1", "f:c1:users"] });
    fireEvent.click(row("k:u1"));
    await act(async () => fireEvent.keyDown(tree(), { key: "ArrowDown", altKey: true }));
    expect(actions.moveCase).toHaveBeenCalledWith("u1", { collection_id: "c1", folder: "users", before: null });
    fireEvent.click(row("k:root2"));
    await act(async () => fireEvent.keyDown(tree(), { key: "ArrowUp", altKey: true }));
    expect(actions.moveCase).toHaveBeenLastCalledWith("root2", { collection_id: "c1", folder: null, before: "root1" });
    // At the top of its folder there is nowhere to go.
    fireEvent.click(row("k:u1"));
    await act(async () => fireEvent.keyDown(tree(), { key: "ArrowUp", altKey: true }));
    expect(actions.moveCase).toHaveBeenCalledTimes(2);
  });

  it("drags a case onto a folder with the pointer", async () => {
    const { actions, onSelectCase } = setup();
    fireEvent.pointerDown(row("k:root1"), { button: 0, clientX: 20, clientY: 100 });
    fireEvent.pointerMove(row("f:c1:orders"), { clientX: 20, clientY: 60 });
    expect(row("k:root1").classList.contains("dragging")).toBe(true);
    expect(row("f:c1:orders").classList.contains("drop-inside")).toBe(true);
    await act(async () => {
      fireEvent.pointerUp(row("f:c1:orders"), { clientX: 20, clientY: 60 });
    });
    expect(actions.moveCase).toHaveBeenCalledWith("root1", { collection_id: "c1", folder: "orders", before: null });
    expect(row("f:c1:orders").classList.contains("drop-inside")).toBe(false);
    // The folder it went into opens.
    expect(row("f:c1:orders").getAttribute("aria-expanded")).toBe("true");
    // The click that ends a drag selects nothing.
    fireEvent.click(row("f:c1:orders"));
    expect(onSelectCase).not.toHaveBeenCalled();
  });

  it("treats a small pointer movement as a click and Escape as a cancelled drag", () => {
    const { actions, onSelectCase } = setup();
    fireEvent.pointerDown(row("k:root1"), { button: 0, clientX: 20, clientY: 100 });
    fireEvent.pointerMove(row("k:root1"), { clientX: 22, clientY: 102 });
    fireEvent.pointerUp(row("k:root1"), { clientX: 22, clientY: 102 });
    fireEvent.click(row("k:root1"));
    expect(onSelectCase).toHaveBeenCalledWith("root1");
    expect(row("k:root1").classList.contains("dragging")).toBe(false);

    fireEvent.pointerDown(row("k:root1"), { button: 0, clientX: 20, clientY: 100 });
    fireEvent.pointerMove(row("f:c1:users"), { clientX: 20, clientY: 40 });
    fireEvent.keyDown(window, { key: "Escape" });
    fireEvent.pointerUp(row("f:c1:users"));
    expect(actions.moveCase).not.toHaveBeenCalled();
  });

  it("draws only the rows in view for very large trees", () => {
    const cases = Array.from({ length: 2000 }, (_, i) => summary(`n${i}`, null, { name: `Case ${i}` }));
    setup({ trees: [collectionTree("c1", "Big", cases)] });
    const drawn = screen.getAllByRole("treeitem");
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(100);
    expect(drawn[0].style.position).toBe("absolute");
  });

  it("reports a failed import under the header", async () => {
    const { actions } = setup();
    actions.importCollection.mockRejectedValueOnce({ kind: "invalid_input", message: "Not a collection" });
    await act(async () => fireEvent.click(screen.getByTestId("tree-import")));
    expect(actions.importCollection).toHaveBeenCalled();
    expect(screen.getByTestId("tree-header-error").textContent).toContain("Not a collection");
  });
});

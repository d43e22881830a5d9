import type { CasePlace } from "../bindings/CasePlace";

/**
 * What the sidebar asks the page to do. Each returns once the change is stored (the page
 * reloads the trees); a rejection's message is shown under the row it was about.
 */
export type SidebarActions = {
  createCollection(name: string): Promise<void>;
  /** Opens a file dialog itself. */
  /** From the file dialog, or the file dropped on the page. */
  importCollection(path?: string): Promise<void>;
  renameCollection(id: string, name: string): Promise<void>;
  /** The page offers Undo. */
  deleteCollection(id: string): Promise<void>;
  saveCollectionFile(id: string): Promise<void>;
  runCollection(id: string): Promise<void>;
  createFolder(collectionId: string, path: string): Promise<void>;
  renameFolder(collectionId: string, from: string, to: string): Promise<void>;
  deleteFolder(collectionId: string, path: string): Promise<void>;
  createCase(collectionId: string, folder: string | null, name: string): Promise<void>;
  renameCase(id: string, name: string): Promise<void>;
  duplicateCase(id: string): Promise<void>;
  deleteCase(id: string): Promise<void>;
  copyCaseAsCurl(id: string): Promise<void>;
  moveCase(id: string, place: CasePlace): Promise<void>;
  openCollectionSettings(id: string): void;
};

/** Small collection trees for the tree area's tests. */
import type { CaseSummary } from "../bindings/CaseSummary";
import type { CollectionTree } from "../bindings/CollectionTree";

export function summary(
  id: string,
  folder: string | null,
  extra: Partial<CaseSummary> = {},
  collectionId = "c1",
): CaseSummary {
  return {
    id,
    collection_id: collectionId,
    name: `Case ${id}`,
    folder,
    method: "GET",
    url: `https://api.example.com/${id}`,
    captures: [],
    ...extra,
  };
}

export function collectionTree(
  id: string,
  name: string,
  cases: CaseSummary[],
  folders: string[] = [],
): CollectionTree {
  return {
    collection: {
      id,
      name,
      settings: { variables: {}, auth: null, folders: folders.map((path) => ({ path })) },
      file_path: null,
    },
    cases,
  };
}

/**
 * "Shop": folder `users` (with `users/admin` and two cases), an empty folder `empty`
 * listed by the settings, folder `orders`, and two cases at the root.
 */
export function shopTree(): CollectionTree {
  return collectionTree(
    "c1",
    "Shop",
    [
      summary("root1", null, { name: "Health check", url: "{{base}}/health" }),
      summary("u1", "users", { name: "List users", url: "{{base}}/users" }),
      summary("o1", "orders", { name: "Create order", method: "POST", url: "{{base}}/orders" }),
      summary("a1", "users/admin", { name: "Grant admin", method: "PUT", url: "{{base}}/admin/grant" }),
      summary("u2", "users", { name: "Delete user", method: "DELETE", url: "{{base}}/users/1" }),
      summary("root2", null, { name: "Version", url: "{{base}}/version" }),
    ],
    ["users", "empty"],
  );
}

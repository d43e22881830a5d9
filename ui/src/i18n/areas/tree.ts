/**
 * Words of the tree area, English and Simplified Chinese side by side; merged into the
 * dictionaries by en.ts and zh.ts. Keys start with "tree.".
 */
export const treeEn = {
  // Header
  "tree.search": "Search cases",
  "tree.searchPlaceholder": "Search cases (Ctrl+K)",
  "tree.newCollection": "New collection",
  "tree.import": "Open file…",
  "tree.label": "Collections, folders and test cases",
  "tree.noCollections": "No collection yet: create one or open a collection file.",
  "tree.noMatches": "No test case matches “{text}”.",
  // Rows
  "tree.menu": "Actions for {name}",
  "tree.unsaved": "Unsaved changes",
  "tree.dismiss": "Dismiss",
  // Menu
  "tree.action.newCase": "New case",
  "tree.action.newFolder": "New folder",
  "tree.action.newSubfolder": "New subfolder",
  "tree.action.rename": "Rename",
  "tree.action.settings": "Settings",
  "tree.action.saveFile": "Save to file",
  "tree.action.run": "Run",
  "tree.action.duplicate": "Duplicate",
  "tree.action.copyCurl": "Copy as cURL",
  "tree.action.delete": "Delete",
  "tree.confirmDeleteFolder": "Delete with its {n} case(s)?",
  // Inline name input
  "tree.name.collection": "Collection name",
  "tree.name.folder": "Folder name",
  "tree.name.case": "Case name",
  "tree.nameHint": "Enter to save, Escape to cancel",
  "tree.error.empty": "Enter a name.",
  "tree.error.slash": "A folder name cannot contain “/”.",
  "tree.error.folderExists": "A folder named “{name}” is already here.",
} as const;

export const treeZh: Record<keyof typeof treeEn, string> = {
  "tree.search": "搜索接口用例",
  "tree.searchPlaceholder": "搜索接口用例 (Ctrl+K)",
  "tree.newCollection": "新建集合",
  "tree.import": "打开文件…",
  "tree.label": "集合、文件夹和接口用例",
  "tree.noCollections": "还没有集合：新建一个，或打开集合文件。",
  "tree.noMatches": "没有与“{text}”匹配的接口用例。",
  "tree.menu": "{name} 的操作",
  "tree.unsaved": "有未保存的修改",
  "tree.dismiss": "关闭",
  "tree.action.newCase": "新建接口用例",
  "tree.action.newFolder": "新建文件夹",
  "tree.action.newSubfolder": "新建子文件夹",
  "tree.action.rename": "重命名",
  "tree.action.settings": "设置",
  "tree.action.saveFile": "保存到文件",
  "tree.action.run": "运行",
  "tree.action.duplicate": "创建副本",
  "tree.action.copyCurl": "复制为 cURL",
  "tree.action.delete": "删除",
  "tree.confirmDeleteFolder": "连同其中 {n} 个接口用例一起删除？",
  "tree.name.collection": "集合名称",
  "tree.name.folder": "文件夹名称",
  "tree.name.case": "接口用例名称",
  "tree.nameHint": "回车保存，Esc 取消",
  "tree.error.empty": "请输入名称。",
  "tree.error.slash": "文件夹名称不能包含“/”。",
  "tree.error.folderExists": "这里已有名为“{name}”的文件夹。",
};

import { useCallback, useEffect, useRef, useState } from "react";
import type { CollectionInfo } from "../bindings/CollectionInfo";
import type { StartupInfo } from "../bindings/StartupInfo";
import {
  COLLECTION_EXTENSIONS,
  errorText,
  onCollectionOpened,
  onFileDrop,
  openCollection,
  pickCollectionFile,
} from "../ipc";
import { notify } from "../notices";

export type Collections = {
  known: CollectionInfo[];
  selected: string | null;
  /** The last file that failed to open: the shell's message (file:line:col), null if not a collection file. */
  invalid: { path: string; message: string | null } | null;
  select: (path: string) => void;
  openPath: (path: string) => Promise<void>;
  openDialog: (title: string) => Promise<void>;
};

function withCollection(list: CollectionInfo[], info: CollectionInfo): CollectionInfo[] {
  return [...list.filter((c) => c.path !== info.path), info];
}

/**
 * The collections the Runner offers: demo, the one opened last, and those opened since
 * (dialog, drop, command line). `onOpened` runs when one is opened (to show the Runner).
 */
export function useCollections(info: StartupInfo | null, onOpened: () => void, dropsWanted = true): Collections {
  // Files dropped while another page is shown are that page's (Collections imports them).
  const acceptDrops = useRef(dropsWanted);
  useEffect(() => {
    acceptDrops.current = dropsWanted;
  }, [dropsWanted]);
  const [opened, setOpened] = useState<CollectionInfo[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<Collections["invalid"]>(null);

  const startupList: CollectionInfo[] = [];
  if (info?.demo) startupList.push(info.demo);
  if (info?.opened && info.opened.path !== info.demo?.path) startupList.push(info.opened);
  let known = startupList;
  for (const c of opened) known = withCollection(known, c);

  const fallback = info?.opened?.path ?? info?.demo?.path ?? null;
  const selected = chosen ?? fallback;

  const adopt = useCallback(
    (collection: CollectionInfo) => {
      setOpened((list) => withCollection(list, collection));
      setChosen(collection.path);
      setInvalid(null);
      onOpened();
    },
    [onOpened],
  );

  const openPath = useCallback(
    async (path: string) => {
      try {
        adopt(await openCollection(path));
      } catch (e) {
        setInvalid({ path, message: errorText(e) });
        onOpened();
      }
    },
    [adopt, onOpened],
  );

  const openDialog = useCallback(
    async (title: string) => {
      try {
        const path = await pickCollectionFile(title);
        if (path) await openPath(path);
      } catch (e) {
        notify(errorText(e), "error");
      }
    },
    [openPath],
  );

  useEffect(() => {
    const stopOpened = onCollectionOpened(adopt);
    const stopDrop = onFileDrop((paths) => {
      if (!acceptDrops.current) return; // the Collections page imports what is dropped there
      const path = paths.find((p) => COLLECTION_EXTENSIONS.some((ext) => p.toLowerCase().endsWith(`.${ext}`)));
      if (path) void openPath(path);
      else if (paths.length > 0) setInvalid({ path: paths[0], message: null });
    });
    return () => {
      for (const stop of [stopOpened, stopDrop]) void stop.then((f) => f()).catch(() => undefined);
    };
  }, [adopt, openPath]);

  return { known, selected, invalid, select: setChosen, openPath, openDialog };
}

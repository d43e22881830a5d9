/**
 * Dragging a case to another place in the tree, with pointer events.
 *
 * Why not HTML5 drag and drop: the desktop webview handles file drops natively and can
 * swallow the page's drag events. Here a pointerdown on a case row arms the drag, moving
 * more than 4px starts it, the rows report the pointer over them while it lasts
 * (`over`), and pointerup drops. Escape cancels. Listening on `window` keeps the drag
 * alive when the pointer leaves the tree.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { CasePlace } from "../bindings/CasePlace";
import {
  dropPositionFor,
  movesNothing,
  placeForDrop,
  type CaseNode,
  type DropPosition,
  type TreeNode,
} from "./treeModel";

/** How far (px) the pointer moves before a press becomes a drag, so clicks stay clicks. */
const DRAG_THRESHOLD = 4;

export type DropTarget = { key: string; position: DropPosition };

type Drag = {
  moved: CaseNode;
  startX: number;
  startY: number;
  active: boolean;
  place: CasePlace | null;
  stop: () => void;
};

export type TreeDrag = {
  /** Key of the case being dragged, once the drag started. */
  draggingKey: string | null;
  target: DropTarget | null;
  start: (moved: CaseNode, event: ReactPointerEvent<HTMLElement>) => void;
  over: (node: TreeNode, event: ReactPointerEvent<HTMLElement>) => void;
  /** The pointer left the tree: dropping now does nothing. */
  leave: () => void;
  /** True once after a drag ended: the click the release produces is not a click. */
  takeClick: () => boolean;
};

export function useTreeDrag(onDrop: (moved: CaseNode, place: CasePlace) => void): TreeDrag {
  const drag = useRef<Drag | null>(null);
  const swallowClick = useRef(false);
  const dropRef = useRef(onDrop);
  const [draggingKey, setDraggingKey] = useState<string | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);

  useEffect(() => {
    dropRef.current = onDrop;
  }, [onDrop]);

  const end = useCallback(() => {
    drag.current?.stop();
    drag.current = null;
    setDraggingKey(null);
    setTarget(null);
  }, []);

  useEffect(() => end, [end]);

  /** Whether a drag is under way, starting it when the pointer went far enough. */
  const activate = useCallback((point: { clientX: number; clientY: number }): Drag | null => {
    const current = drag.current;
    if (!current) return null;
    if (current.active) return current;
    if (Math.hypot(point.clientX - current.startX, point.clientY - current.startY) <= DRAG_THRESHOLD) return null;
    current.active = true;
    setDraggingKey(current.moved.key);
    return current;
  }, []);

  const start = useCallback(
    (moved: CaseNode, event: ReactPointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      end();
      swallowClick.current = false;
      const onMove = (e: PointerEvent) => void activate(e);
      const onUp = () => {
        const finished = drag.current;
        if (finished?.active) {
          swallowClick.current = true;
          if (finished.place) dropRef.current(finished.moved, finished.place);
        }
        end();
      };
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== "Escape" || !drag.current?.active) return;
        e.preventDefault();
        e.stopPropagation();
        swallowClick.current = true;
        end();
      };
      window.addEventListener("pointermove", onMove);
      window.addEventListener("pointerup", onUp);
      window.addEventListener("pointercancel", end);
      window.addEventListener("keydown", onKey, true);
      drag.current = {
        moved,
        startX: event.clientX,
        startY: event.clientY,
        active: false,
        place: null,
        stop: () => {
          window.removeEventListener("pointermove", onMove);
          window.removeEventListener("pointerup", onUp);
          window.removeEventListener("pointercancel", end);
          window.removeEventListener("keydown", onKey, true);
        },
      };
    },
    [activate, end],
  );

  const over = useCallback(
    (node: TreeNode, event: ReactPointerEvent<HTMLElement>) => {
      const current = activate(event);
      if (!current) return;
      const rect = event.currentTarget.getBoundingClientRect();
      // A row without a size (not laid out) counts as hit in its middle.
      const fraction = rect.height > 0 ? (event.clientY - rect.top) / rect.height : 0.5;
      const position = dropPositionFor(node, fraction);
      const place = placeForDrop(node, position);
      // Dropping where the case already is would do nothing: show no target there.
      current.place = movesNothing(current.moved, place) ? null : place;
      const next = current.place ? { key: node.key, position } : null;
      setTarget((previous) =>
        previous?.key === next?.key && previous?.position === next?.position ? previous : next,
      );
    },
    [activate],
  );

  const leave = useCallback(() => {
    if (!drag.current?.active) return;
    drag.current.place = null;
    setTarget(null);
  }, []);

  const takeClick = useCallback(() => {
    const swallow = swallowClick.current;
    swallowClick.current = false;
    return swallow;
  }, []);

  return { draggingKey, target, start, over, leave, takeClick };
}

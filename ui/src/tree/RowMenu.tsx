import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from "react";
import { useI18n } from "../hooks/useI18n";
import { MENU_LABELS, type MenuAction } from "./menuActions";

type Props = {
  actions: readonly MenuAction[];
  /** Where the menu opens (viewport pixels): under the "⋯" button or at the pointer. */
  x: number;
  y: number;
  label: string;
  /** When set, Delete asks again with this text before it deletes (a folder's cases). */
  confirmDelete: string | null;
  /** Open with Delete already asking (the Delete key on such a folder). */
  armed: boolean;
  onPick: (action: MenuAction) => void;
  onClose: () => void;
};

const MENU_WIDTH = 200;
const ITEM_HEIGHT = 26;

/** A row's action menu: arrow keys move, Enter picks, Escape or a click outside closes. */
export function RowMenu({ actions, x, y, label, confirmDelete, armed: startArmed, onPick, onClose }: Props) {
  const { t } = useI18n();
  const menu = useRef<HTMLDivElement>(null);
  const [armed, setArmed] = useState(startArmed);
  const closeFromOutside = useEffectEvent((event: PointerEvent) => {
    if (event.target instanceof Node && menu.current?.contains(event.target)) return;
    onClose();
  });

  // Once, when it opens: focus the first item (or the asking Delete) and watch for clicks
  // elsewhere. The sidebar remounts the menu (by key) for another row.
  useEffect(() => {
    const selector = startArmed ? "[data-action=delete]" : "[role=menuitem]";
    menu.current?.querySelector<HTMLButtonElement>(selector)?.focus();
    const onOutside = (event: PointerEvent) => closeFromOutside(event);
    document.addEventListener("pointerdown", onOutside, true);
    return () => document.removeEventListener("pointerdown", onOutside, true);
  }, [startArmed]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = items.findIndex((item) => item === document.activeElement);
    const focus = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        focus(at + 1);
        break;
      case "ArrowUp":
        focus(at - 1);
        break;
      case "Home":
        focus(0);
        break;
      case "End":
        focus(items.length - 1);
        break;
      case "Escape":
      case "Tab":
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const left = Math.max(0, Math.min(x, window.innerWidth - MENU_WIDTH));
  const top = Math.max(0, Math.min(y, window.innerHeight - actions.length * ITEM_HEIGHT - 8));
  return (
    <div
      ref={menu}
      role="menu"
      aria-label={label}
      className="tree-menu"
      data-testid="tree-menu"
      style={{ left, top, minWidth: MENU_WIDTH - 40 }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {actions.map((action) => {
        const asking = action === "delete" && armed && confirmDelete !== null;
        return (
          <button
            key={action}
            type="button"
            role="menuitem"
            data-action={action}
            data-testid={`tree-action-${action}`}
            className={action === "delete" ? "danger" : undefined}
            onClick={() => {
              if (action === "delete" && confirmDelete !== null && !armed) setArmed(true);
              else onPick(action);
            }}
          >
            {asking ? confirmDelete : t(MENU_LABELS[action])}
          </button>
        );
      })}
    </div>
  );
}

import { useState, type FocusEvent, type KeyboardEvent } from "react";
import { useI18n } from "../hooks/useI18n";

type Props = { onAdd: (kind: "line" | "schema") => void };

/** "Add" button with a two-item menu: an assertion line or a JSON Schema. */
export function AddAssertionMenu({ onAdd }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const choose = (kind: "line" | "schema") => {
    setOpen(false);
    onAdd(kind);
  };
  const closeWhenFocusLeaves = (e: FocusEvent<HTMLDivElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    if (items.length === 0) return;
    e.preventDefault();
    const at = items.findIndex((item) => item === document.activeElement);
    const next = e.key === "ArrowDown" ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next].focus();
  };
  return (
    <div className="ck-add" onBlur={closeWhenFocusLeaves} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="small"
        data-testid="checks-add-assertion"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        + {t("checks.addAssertion")} ▾
      </button>
      {open && (
        <div className="ck-menu" role="menu">
          <button
            type="button"
            role="menuitem"
            data-testid="checks-add-assertion-line"
            autoFocus
            onClick={() => choose("line")}
          >
            {t("checks.addLine")}
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="checks-add-assertion-schema"
            onClick={() => choose("schema")}
          >
            {t("checks.addSchema")}
          </button>
        </div>
      )}
    </div>
  );
}

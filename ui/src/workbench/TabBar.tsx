import type { KeyboardEvent, ReactNode } from "react";
import { tabIndexForKey } from "../components/tabKeys";

export type Tab<Id extends string> = { id: Id; label: ReactNode };

type Props<Id extends string> = {
  tabs: ReadonlyArray<Tab<Id>>;
  selected: Id;
  onSelect: (id: Id) => void;
  /** Prefix for tab/panel ids, so each tab can point at its panel (aria-controls). */
  idPrefix: string;
  label: string;
};

export function tabId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

export function panelId(prefix: string, id: string): string {
  return `${prefix}-panel-${id}`;
}

/** WAI-ARIA tabs: one tab stop, arrows/Home/End move between tabs. */
export function TabBar<Id extends string>({ tabs, selected, onSelect, idPrefix, label }: Props<Id>) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const target = tabIndexForKey(event.key, index, tabs.length);
    if (target === null) return;
    event.preventDefault();
    const id = tabs[target].id;
    onSelect(id);
    document.getElementById(tabId(idPrefix, id))?.focus();
  }

  return (
    <div className="rv-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className={tab.id === selected ? "rv-tab rv-tab-active" : "rv-tab"}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

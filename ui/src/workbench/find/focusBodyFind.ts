/** The find field's class: Ctrl+F reaches it from the page's shortcut handler. */
export const FIND_FIELD_CLASS = "rv-find-input";

/** Focuses (and selects) the shown response body's find field; false when none is shown. */
export function focusBodyFind(root: ParentNode = document): boolean {
  const fields = root.querySelectorAll<HTMLInputElement>(`input.${FIND_FIELD_CLASS}`);
  // The body's tab panel stays mounted while another tab is shown: skip a hidden one.
  const field = Array.from(fields).find((f) => f.closest("[hidden]") === null);
  if (!field) return false;
  field.focus();
  field.select();
  return true;
}

import { useEffect, useRef } from "react";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** Enter. The sidebar checks the name and keeps the input open on a problem. */
  onCommit: () => void;
  /** Escape. */
  onCancel: () => void;
  /** Focus left the input without Enter or Escape. */
  onBlur: () => void;
  label: string;
  hint: string;
  invalid: boolean;
  /** The action is running: the input is read-only and ignores blur. */
  busy: boolean;
  describedBy?: string;
};

/** The tree's inline name input (new items and renames); starts focused, text selected. */
export function InlineNameInput({ value, onChange, onCommit, onCancel, onBlur, label, hint, invalid, busy, describedBy }: Props) {
  const input = useRef<HTMLInputElement>(null);
  // Escape unmounts the input, and some engines then report a blur: it must not commit.
  const settled = useRef(false);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  return (
    <input
      ref={input}
      className="tree-inline-input"
      data-testid="tree-inline-input"
      aria-label={label}
      placeholder={label}
      title={hint}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      readOnly={busy}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onPointerDown={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        // The tree's own keys (arrows, Delete, F2) must not act while typing.
        event.stopPropagation();
        if (event.key === "Enter") {
          event.preventDefault();
          if (!busy) onCommit();
        } else if (event.key === "Escape") {
          event.preventDefault();
          settled.current = true;
          onCancel();
        }
      }}
      onBlur={() => {
        if (!settled.current && !busy) onBlur();
      }}
    />
  );
}

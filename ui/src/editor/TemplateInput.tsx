import { useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { TemplateText } from "../components/TemplateText";
import "./editor.css";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** Variable names defined somewhere (environment, collection, captures). */
  known: ReadonlySet<string>;
  testId: string;
  ariaLabel: string;
  placeholder?: string;
  invalid?: boolean;
  className?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
};

/**
 * A one-line input whose `{{variables}}` are coloured: known ones (dynamic values such as
 * `{{$uuid}}` included) in the accent colour, unknown ones underlined in red.
 *
 * An input cannot colour part of its text, so the text is drawn twice: a transparent input
 * (it keeps the caret, selection, IME and undo) over a mirror of the same text cut into
 * segments. Both share font and padding, and the mirror follows the input's horizontal
 * scroll.
 */
export function TemplateInput({ value, onChange, known, testId, ariaLabel, placeholder, invalid, className, onKeyDown }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const followScroll = () => {
    if (input.current && mirror.current) mirror.current.scrollLeft = input.current.scrollLeft;
  };
  // The input scrolls itself to keep the caret visible as text changes.
  useLayoutEffect(followScroll, [value]);

  return (
    <div className={`mirrored ed-template ${className ?? ""}`}>
      <div className="mirrored-copy ed-template-mirror" ref={mirror} aria-hidden="true">
        <TemplateText text={value} known={known} />
      </div>
      <input
        ref={input}
        className="mirrored-input ed-template-input"
        data-testid={testId}
        aria-label={ariaLabel}
        aria-invalid={invalid ? true : undefined}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={followScroll}
        onSelect={followScroll}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

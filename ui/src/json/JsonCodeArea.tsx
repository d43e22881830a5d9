import { useImperativeHandle, useLayoutEffect, useMemo, useRef, type ReactNode, type Ref } from "react";
import { TemplateText } from "../components/TemplateText";
import { indentInsertion } from "./indentKeys";
import { jsonTokens, type JsonToken } from "./tokens";
import "./json.css";

type Props = {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  ariaLabel: string;
  className?: string;
  invalid?: boolean;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
  /** Variable names defined somewhere; when given, `{{names}}` in strings are coloured too. */
  known?: ReadonlySet<string>;
  /** For buttons that rewrite the whole text (Format). */
  handle?: Ref<JsonCodeAreaHandle>;
  /** Another language's colouring (the script tabs' JavaScript); JSON's by default. */
  colour?: (text: string) => ReactNode[];
};

export type JsonCodeAreaHandle = {
  /**
   * Puts `text` in place of the whole text as if typed, so Ctrl+Z brings the old text
   * back (a value set by React would reset the text area's undo history).
   */
  replaceAll(text: string): void;
};

/**
 * Past this size the text is shown uncoloured: tokens and spans are rebuilt on every
 * keystroke, and a request body that large is pasted, not typed.
 */
const COLOURED_UP_TO = 200_000;

/**
 * A text area for JSON whose keys, strings, numbers and literals are coloured as they are
 * typed, and whose broken parts are underlined.
 *
 * Same trick as TemplateInput: the textarea (caret, selection, IME, undo) has transparent
 * text and lies over a mirror that draws the same text in coloured spans. Both share font,
 * padding and line height, neither wraps lines, and the mirror's content is moved by the
 * textarea's scroll offsets so the two stay aligned however far it is scrolled.
 */
export function JsonCodeArea({ value, onChange, testId, ariaLabel, className, invalid, placeholder, rows, autoFocus, known, handle, colour }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(
    handle,
    () => ({
      replaceAll(text: string) {
        const element = area.current;
        if (!element || !typeUndoably(element, text)) onChange(text);
      },
    }),
    [onChange],
  );
  const content = useRef<HTMLElement>(null);
  const tabLeaves = useRef(false);
  const followScroll = () => {
    if (area.current && content.current) {
      const { scrollLeft, scrollTop } = area.current;
      content.current.style.transform = `translate(${-scrollLeft}px, ${-scrollTop}px)`;
    }
  };
  // Typing scrolls the textarea to keep the caret visible.
  useLayoutEffect(followScroll, [value]);
  const coloured = useMemo(
    () =>
      value.length > COLOURED_UP_TO ? value : colour ? colour(value) : jsonTokens(value).map((token) => tokenSpan(token, known)),
    [value, known, colour],
  );

  return (
    <div className={`mirrored json-area ${className ?? ""}`}>
      <div className="mirrored-copy json-area-mirror" aria-hidden="true">
        {/* A text ending in a newline has one more (empty) line than a <code> would draw. */}
        <code ref={content}>
          {coloured}
          {"\n"}
        </code>
      </div>
      <textarea
        ref={area}
        className="mirrored-input json-area-input"
        data-testid={testId}
        aria-label={ariaLabel}
        aria-invalid={invalid ? true : undefined}
        placeholder={placeholder}
        rows={rows}
        autoFocus={autoFocus}
        spellCheck={false}
        autoComplete="off"
        wrap="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          // Escape, then Tab, leaves the field (as in code editors that take Tab).
          const leaving = tabLeaves.current;
          tabLeaves.current = e.key === "Escape";
          if (leaving && e.key === "Tab") return;
          const element = e.currentTarget;
          const insertion = indentInsertion(e.nativeEvent, element.value, element.selectionStart, element.selectionEnd);
          // Typed through the editing commands (undoable); where there are none, the key
          // keeps its default.
          if (insertion !== null && typeUndoably(element, insertion, false)) e.preventDefault();
        }}
        onScroll={followScroll}
      />
    </div>
  );
}

function tokenSpan(token: JsonToken, known: ReadonlySet<string> | undefined): ReactNode {
  if (token.kind === "space") return token.text;
  const inside =
    known && token.kind === "string" && token.text.includes("{{") ? <TemplateText text={token.text} known={known} /> : token.text;
  return (
    <span key={token.start} className={`json-${token.kind}`}>
      {inside}
    </span>
  );
}

/**
 * Types `text` over the whole content (or only the selection) through the editing commands, which the undo history
 * records; the input event it fires reaches `onChange`. False where the browser has no such
 * command (jsdom) or refuses it: the caller then sets the value itself.
 */
function typeUndoably(element: HTMLTextAreaElement, text: string, wholeText = true): boolean {
  if (typeof document.execCommand !== "function") return false;
  element.focus();
  if (wholeText) element.select();
  return document.execCommand("insertText", false, text);
}

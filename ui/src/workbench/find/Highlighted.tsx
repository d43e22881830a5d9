import { useEffect, useRef, type ReactNode } from "react";
import { occurrences, sameMatch, type MatchPart } from "./bodyFind";
import { useFind } from "./findContext";
import { revealMatch } from "./revealMatch";

type Props = { text: string; path: string; part: MatchPart };

/**
 * A shown text with the find's occurrences marked; the current match is marked apart and
 * scrolled into view when it becomes current.
 */
export function Highlighted({ text, path, part }: Props) {
  const find = useFind();
  if (!find) return <>{text}</>;
  const spans = occurrences(text, find.pattern);
  if (spans.length === 0) return <>{text}</>;

  const pieces: ReactNode[] = [];
  let from = 0;
  for (const { start, end } of spans) {
    if (start > from) pieces.push(text.slice(from, start));
    const current = sameMatch(find.current, path, part, start);
    pieces.push(
      current ? (
        <CurrentMark key={start} text={text.slice(start, end)} visit={find.visit} />
      ) : (
        <mark key={start} className="find-hit">
          {text.slice(start, end)}
        </mark>
      ),
    );
    from = end;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return <>{pieces}</>;
}

/** Scrolled into view when it becomes current, and again at each move onto it (`visit`). */
function CurrentMark({ text, visit }: { text: string; visit: number }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (ref.current) revealMatch(ref.current);
  }, [visit]);
  return (
    <mark ref={ref} className="find-hit find-current" data-testid="find-current">
      {text}
    </mark>
  );
}

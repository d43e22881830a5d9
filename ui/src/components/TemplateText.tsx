import { isDynamicVariable, templateSegments } from "../authoring/templates";

type Props = {
  text: string;
  /** Variable names defined somewhere (environment, collection, captures). */
  known: ReadonlySet<string>;
};

/**
 * `text` with its `{{variables}}` marked: known ones (dynamic values such as `{{$uuid}}`
 * included) as `.var-known`, the others as `.var-unknown` (styles.css). For the mirrors
 * that colour what an input or text area holds.
 */
export function TemplateText({ text, known }: Props) {
  return templateSegments(text).map((segment) =>
    segment.kind === "text" ? (
      <span key={segment.start}>{segment.text}</span>
    ) : (
      <span
        key={segment.start}
        className={known.has(segment.name) || isDynamicVariable(segment.name) ? "var-known" : "var-unknown"}
      >
        {segment.text}
      </span>
    ),
  );
}

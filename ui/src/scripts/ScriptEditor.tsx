import type { ReactNode } from "react";
import { useI18n } from "../hooks/useI18n";
import { JsonCodeArea } from "../json/JsonCodeArea";
import { jsTokens } from "./jsTokens";
import "./scripts.css";

type Props = {
  /** "pre" (before the request) or "test" (after the response). */
  phase: "pre" | "test";
  value: string;
  onChange: (value: string) => void;
};

/** Colours JavaScript for the code area (the same mirrored layer as the JSON areas). */
export function colourJs(text: string): ReactNode[] {
  return jsTokens(text).map((token) =>
    token.kind === "space" ? (
      token.text
    ) : (
      <span key={token.start} className={`js-${token.kind}`}>
        {token.text}
      </span>
    ),
  );
}

/** A case's pre-request or test script: JavaScript for Postman's `pm` API. */
export function ScriptEditor({ phase, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div className="script-editor">
      <p className="muted small">{t(phase === "pre" ? "scripts.preHint" : "scripts.testHint")}</p>
      <JsonCodeArea
        className="script-area"
        testId={phase === "pre" ? "editor-script-pre" : "editor-script-test"}
        ariaLabel={t(phase === "pre" ? "scripts.pre" : "scripts.test")}
        value={value}
        onChange={onChange}
        rows={14}
        placeholder={phase === "pre" ? 'pm.variables.set("stamp", Date.now());' : 'pm.test("status is 200", () => pm.response.to.have.status(200));'}
        colour={colourJs}
      />
    </div>
  );
}

/** Rendering helpers for the editor's component tests. */
import { render } from "@testing-library/react";
import { useState, type ReactNode } from "react";
import { I18nProvider } from "../i18n/I18nProvider";

/**
 * Renders a controlled component the way the page does: the value lives in state and every
 * onChange replaces it. `latest()` is the value after the last change.
 */
export function renderControlled<T>(initial: T, view: (value: T, onChange: (next: T) => void) => ReactNode) {
  const seen = { value: initial };
  function Host() {
    const [value, setValue] = useState(initial);
    const onChange = (next: T) => {
      seen.value = next;
      setValue(next);
    };
    return <>{view(value, onChange)}</>;
  }
  const result = render(
    <I18nProvider lang="en">
      <Host />
    </I18nProvider>,
  );
  return { ...result, latest: () => seen.value };
}

/** Renders `ui` with English words. */
export function renderInEnglish(ui: ReactNode) {
  return render(<I18nProvider lang="en">{ui}</I18nProvider>);
}

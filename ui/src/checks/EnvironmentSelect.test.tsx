import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n/I18nProvider";
import { EnvironmentSelect } from "./EnvironmentSelect";

afterEach(cleanup);

const environments = [
  { id: "dev", name: "Dev", variables: [] },
  { id: "prod", name: "Prod", variables: [] },
];

describe("EnvironmentSelect", () => {
  it("offers no environment first and activates the choice", () => {
    const onActivate = vi.fn();
    render(
      <I18nProvider lang="en">
        <EnvironmentSelect environments={environments} activeId="dev" onActivate={onActivate} />
      </I18nProvider>,
    );
    const select = screen.getByTestId("checks-env-select") as HTMLSelectElement;
    expect(select.value).toBe("dev");
    expect([...select.options].map((option) => option.text)).toEqual(["No environment", "Dev", "Prod"]);
    fireEvent.change(select, { target: { value: "" } });
    expect(onActivate).toHaveBeenLastCalledWith(null);
    fireEvent.change(select, { target: { value: "prod" } });
    expect(onActivate).toHaveBeenLastCalledWith("prod");
  });

  it("shows no environment when the active id is unknown", () => {
    render(
      <I18nProvider lang="en">
        <EnvironmentSelect environments={environments} activeId="gone" onActivate={() => undefined} />
      </I18nProvider>,
    );
    expect((screen.getByTestId("checks-env-select") as HTMLSelectElement).value).toBe("");
  });
});

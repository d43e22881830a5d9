import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Environment } from "../bindings/Environment";
import { I18nProvider } from "../i18n/I18nProvider";
import { EnvironmentsPanel } from "./EnvironmentsPanel";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const dev: Environment = {
  id: "dev",
  name: "Dev",
  variables: [
    { name: "host", value: "localhost", secret: false, enabled: true },
    { name: "token", value: "s3cret", secret: true, enabled: true },
  ],
};
const prod: Environment = { id: "prod", name: "Prod", variables: [] };

function show(props: Partial<Parameters<typeof EnvironmentsPanel>[0]> = {}) {
  const handlers = {
    onSave: vi.fn(async (environment: Environment) => ({ ...environment, id: environment.id || "new-id" })),
    onDelete: vi.fn(async () => undefined),
    onActivate: vi.fn(async () => undefined),
  };
  render(
    <I18nProvider lang="en">
      <EnvironmentsPanel environments={[dev, prod]} activeId="dev" {...handlers} {...props} />
    </I18nProvider>,
  );
  return handlers;
}

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe("EnvironmentsPanel", () => {
  it("masks a secret value until its row is revealed", () => {
    show();
    expect(input("checks-env-var-0-value").type).toBe("text");
    expect(input("checks-env-var-0-value").value).toBe("localhost");
    expect(input("checks-env-var-1-value").type).toBe("password");
    expect(screen.queryByTestId("checks-env-var-0-reveal")).toBeNull();
    fireEvent.click(screen.getByTestId("checks-env-var-1-reveal"));
    expect(input("checks-env-var-1-value").type).toBe("text");
    fireEvent.click(screen.getByTestId("checks-env-var-1-reveal"));
    expect(input("checks-env-var-1-value").type).toBe("password");
    // Making a plain value secret masks it at once.
    fireEvent.click(screen.getByTestId("checks-env-var-0-secret"));
    expect(input("checks-env-var-0-value").type).toBe("password");
  });

  it("starts from unsaved edits kept from before, and reports each new one", () => {
    const onDraft = vi.fn();
    const edited = { ...dev, name: "Dev (edited)" };
    const handlers = show({ initialDrafts: { dev: edited }, onDraft });
    expect(input("checks-env-name").value).toBe("Dev (edited)");
    expect(screen.getByTestId("checks-env-unsaved")).toBeTruthy();
    fireEvent.change(input("checks-env-var-0-value"), { target: { value: "example.test" } });
    expect(onDraft).toHaveBeenLastCalledWith("dev", {
      ...edited,
      variables: [{ ...dev.variables[0], value: "example.test" }, dev.variables[1]],
    });
    fireEvent.click(screen.getByTestId("checks-env-save"));
    return vi.waitFor(() => {
      expect(handlers.onSave).toHaveBeenCalled();
      expect(onDraft).toHaveBeenLastCalledWith("dev", null);
    });
  });

  it("shows a reference cycle and blocks Save", () => {
    show();
    fireEvent.change(input("checks-env-var-0-value"), { target: { value: "{{token}}" } });
    fireEvent.change(input("checks-env-var-1-value"), { target: { value: "Bearer {{host}}" } });
    expect(screen.getByTestId("checks-env-cycle").textContent).toBe("Cycle: host → token → host");
    expect(screen.getByTestId("checks-env-save")).toHaveProperty("disabled", true);
  });

  it("saves the edited environment, marking it unsaved until then", async () => {
    const { onSave } = show();
    expect(screen.getByTestId("checks-env-save")).toHaveProperty("disabled", true);
    expect(screen.queryByTestId("checks-env-unsaved")).toBeNull();
    fireEvent.change(input("checks-env-name"), { target: { value: "Development" } });
    fireEvent.click(screen.getByTestId("checks-env-add-variable"));
    fireEvent.change(input("checks-env-var-2-name"), { target: { value: "port" } });
    fireEvent.change(input("checks-env-var-2-value"), { target: { value: "8080" } });
    fireEvent.click(screen.getByTestId("checks-env-var-0-enabled"));
    expect(screen.getByTestId("checks-env-unsaved")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId("checks-env-save"));
    });
    expect(onSave).toHaveBeenCalledWith({
      id: "dev",
      name: "Development",
      variables: [
        { name: "host", value: "localhost", secret: false, enabled: false },
        { name: "token", value: "s3cret", secret: true, enabled: true },
        { name: "port", value: "8080", secret: false, enabled: true },
      ],
    });
  });

  it("reports an empty name and duplicate enabled names", () => {
    show();
    fireEvent.change(input("checks-env-name"), { target: { value: "" } });
    expect(screen.getByTestId("checks-env-name-error").textContent).toBe("The environment needs a name.");
    fireEvent.change(input("checks-env-var-1-name"), { target: { value: "host" } });
    expect(screen.getByTestId("checks-env-var-1-error").textContent).toBe("Another enabled variable has this name.");
    expect(screen.getByTestId("checks-env-save")).toHaveProperty("disabled", true);
  });

  it("asks to confirm a delete, and forgets the request after a while", async () => {
    vi.useFakeTimers();
    const { onDelete } = show();
    const button = screen.getByTestId("checks-env-delete");
    fireEvent.click(button);
    expect(button.textContent).toBe("Confirm delete");
    expect(onDelete).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(button.textContent).toBe("Delete");
    fireEvent.click(button);
    await act(async () => {
      fireEvent.click(button);
    });
    expect(onDelete).toHaveBeenCalledWith("dev");
  });

  it("creates a new environment with an empty id", async () => {
    const { onSave } = show();
    fireEvent.click(screen.getByTestId("checks-env-new"));
    expect(input("checks-env-name").value).toBe("");
    expect(screen.getByTestId("checks-env-save")).toHaveProperty("disabled", true);
    fireEvent.change(input("checks-env-name"), { target: { value: "QA" } });
    await act(async () => {
      fireEvent.click(screen.getByTestId("checks-env-save"));
    });
    expect(onSave).toHaveBeenCalledWith({ id: "", name: "QA", variables: [] });
  });

  it("keeps unsaved edits while another environment is open", () => {
    show();
    fireEvent.change(input("checks-env-name"), { target: { value: "Dev 2" } });
    fireEvent.click(screen.getByTestId("checks-env-item-1"));
    expect(input("checks-env-name").value).toBe("Prod");
    expect(screen.getByTestId("checks-env-item-0").textContent).toContain("•");
    fireEvent.click(screen.getByTestId("checks-env-item-0"));
    expect(input("checks-env-name").value).toBe("Dev 2");
  });

  it("activates the selected environment and shows a failure inline", async () => {
    const onActivate = vi.fn(async () => {
      throw new Error("store is read-only");
    });
    show({ onActivate });
    fireEvent.click(screen.getByTestId("checks-env-item-1"));
    await act(async () => {
      fireEvent.click(screen.getByTestId("checks-env-activate"));
    });
    expect(onActivate).toHaveBeenCalledWith("prod");
    expect(screen.getByTestId("checks-env-error").textContent).toBe("store is read-only");
  });
});

/**
 * The text to show for whatever an action rejected with: the shell's `{kind, message}`,
 * an Error, or anything else.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  if (typeof error === "string") return error;
  return String(error);
}

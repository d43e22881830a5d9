/**
 * The message of a failed action (the page's IPC calls reject with an Error or with the
 * command's error object, `{ message, ... }`).
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") {
    return error.message;
  }
  return String(error);
}

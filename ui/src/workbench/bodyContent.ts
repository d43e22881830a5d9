/** One body (request or response) as bytes or as text, whatever form the engine sent it in. */
import type { ResponseRecord } from "../bindings/ResponseRecord";
import { base64ToBytes } from "./base64";

/** Text when the bytes were valid UTF-8, else `{ base64 }`. */
export type Body = ResponseRecord["body"];

export function isEmptyBody(body: Body | null): body is null {
  if (body === null) return true;
  return typeof body === "string" ? body.length === 0 : body.base64.length === 0;
}

/** The exact bytes: the engine only sends text when it was UTF-8, so encoding it back is lossless. */
export function bodyBytes(body: Body): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : base64ToBytes(body.base64);
}

/**
 * The body as text. Binary bodies decode with U+FFFD for invalid sequences, which is
 * also what a text body cut mid-character at the storage cap needs.
 */
export function bodyText(body: Body): string {
  return typeof body === "string" ? body : new TextDecoder("utf-8").decode(base64ToBytes(body.base64));
}

/** Bytes held (not received): what is left of a body cut at the storage cap. */
export function bodyByteLength(body: Body): number {
  if (typeof body === "string") return new TextEncoder().encode(body).length;
  const unpadded = body.base64.replace(/=+$/, "");
  return Math.floor((unpadded.length * 3) / 4);
}

/**
 * A case as "Copy as cURL" sees it: enabled headers and query parameters, the auth it is sent with (its own or
 * the inherited one) as the header or query parameter the engine adds, and the body as
 * text with the Content-Type the engine would set. Multipart bodies become `-F` fields
 * in curl's own syntax, which toCurl cannot express; they are left out (see the notice).
 */
import type { Auth } from "../bindings/Auth";
import type { Case } from "../bindings/Case";
import type { CurlRequest } from "../authoring/curl";
import { sentUrl } from "../authoring/queryParams";

/** `jsonBody`: the JSON body as text, when known (exact, unlike `request.json`). */
export function curlRequest(definition: Case, inherited: Auth | null = null, jsonBody: string | null = null): CurlRequest {
  const request = definition.request;
  const headers: [string, string][] = Object.entries(request.headers ?? {}).filter(([name]) => !name.startsWith("~"));
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
  let url = sentUrl(request.url);
  const auth = request.auth ?? inherited;
  if (auth && auth !== "none") {
    if ("basic" in auth) {
      if (!has("authorization")) {
        headers.push(["Authorization", `Basic ${base64(`${auth.basic.username}:${auth.basic.password}`)}`]);
      }
    } else if ("bearer" in auth) {
      if (!has("authorization")) headers.push(["Authorization", `Bearer ${auth.bearer.token}`]);
    } else if ("api_key" in auth) {
      if (auth.api_key.in === "query") {
        const pair = `${encodeURIComponent(auth.api_key.name)}=${encodeURIComponent(auth.api_key.value)}`;
        url += (url.includes("?") ? "&" : "?") + pair;
      } else if (!has(auth.api_key.name)) {
        headers.push([auth.api_key.name, auth.api_key.value]);
      }
    }
    // Digest, OAuth 1.0a and OAuth 2.0 are computed while sending (a challenge, a
    // signature over the moment, a fetched token): no fixed header says them.
  }
  let body: string | null = null;
  if (request.body !== undefined) {
    body = request.body;
  } else if (jsonBody !== null || request.json !== undefined) {
    if (!has("content-type")) headers.push(["Content-Type", "application/json"]);
    body = jsonBody ?? JSON.stringify(request.json);
  } else if (request.form !== undefined) {
    if (!has("content-type")) headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
    body = new URLSearchParams(Object.entries(request.form).filter(([name]) => !name.startsWith("~"))).toString();
  }
  return { method: request.method, url, headers, body };
}

/** UTF-8 text as base64 (btoa alone takes Latin-1 only). */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

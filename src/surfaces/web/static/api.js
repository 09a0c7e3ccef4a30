// Calls to Samsyn's JSON endpoints. Every call carries the page's header (the server refuses
// requests without it, which stops cross-site forms) and the administrator's code when given.

const TOKEN_KEY = "samsyn-token";

/** An error the server (or the network) reported, with a Swedish message to show. */
export class ApiError extends Error {
  constructor(status, reason, message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

/** The administrator's access code for this tab, if logged in. */
export const accessToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Calls `/api/web/<path>`; `json` is sent as JSON, `body` as is. Resolves with the JSON reply. */
export async function api(path, { method = "GET", json, body, headers = {} } = {}) {
  const requestHeaders = { "X-Samsyn-Request": "1", ...headers };
  const token = accessToken.get();
  if (token) requestHeaders.Authorization = `Bearer ${token}`;
  let payload = body;
  if (json !== undefined) {
    requestHeaders["Content-Type"] = "application/json";
    payload = JSON.stringify(json);
  }
  let response;
  try {
    response = await fetch(`/api/web/${path}`, {
      method,
      headers: requestHeaders,
      body: payload,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(
      0,
      "network",
      "Samsyn går inte att nå. Kontrollera att programmet körs och försök igen.",
    );
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data?.error?.reason ?? "unknown",
      data?.error?.message ?? `Något gick fel (HTTP ${response.status}). Försök igen.`,
    );
  }
  return data;
}

/** A random id kept in this browser, so a second vote on an answer replaces the first. */
export function clientId() {
  const key = "samsyn-client";
  let id = localStorage.getItem(key);
  if (!id) {
    // getRandomValues works on plain http too (randomUUID needs a secure context).
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(key, id);
  }
  return id;
}

/**
 * An error as it may be logged. HTTP client errors from the Teams SDK (axios) serialise their
 * request configuration, including the bot's bearer token, so only the name, message and HTTP
 * status are kept.
 */
export function loggableError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const response = (error as { response?: { status?: unknown; data?: unknown } }).response;
  const status = typeof response?.status === "number" ? response.status : undefined;
  const detail = response?.data === undefined ? "" : `: ${JSON.stringify(response.data).slice(0, 300)}`;
  const safe = new Error(status === undefined ? error.message : `${error.message}${detail}`);
  safe.name = error.name;
  if (status !== undefined) Object.assign(safe, { code: status });
  return safe;
}

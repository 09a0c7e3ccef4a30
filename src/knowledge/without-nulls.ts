/**
 * Drops keys whose value is null, recursively through objects (not lists). In YAML an empty
 * field (`groups:`) reads as null; it should mean "not given" rather than be an error.
 */
export function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Date)
    return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== null)
      .map(([key, entry]) => [key, withoutNulls(entry)]),
  );
}

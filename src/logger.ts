/** Log levels in increasing severity. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured logger; message texts and tokens never belong in `fields` at info level. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** A logger writing one line per entry to stderr, so stdout stays free for command output. */
export function createLogger(level: LogLevel = "info", base: Record<string, unknown> = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const write = (entryLevel: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(entryLevel) < threshold) return;
    const extra = { ...base, ...fields };
    const rendered = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra, errorReplacer)}` : "";
    process.stderr.write(`${new Date().toISOString()} ${entryLevel.toUpperCase()} ${message}${rendered}\n`);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}

/** A logger that drops everything (tests, JSON output modes). */
export const silentLogger: Logger = createLogger("silent");

/** Keys whose values are never written to a log, wherever they appear in the logged fields. */
const SECRET_KEY = /authorization|token|password|secret|api[-_]?key|cookie|assertion/i;

function errorReplacer(key: string, value: unknown): unknown {
  if (SECRET_KEY.test(key) && typeof value !== "boolean") return "[dold]";
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

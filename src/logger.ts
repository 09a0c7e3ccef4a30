import fs from "node:fs";
import path from "node:path";

/** Log levels in increasing severity. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where machine logs go: `text` keeps the console for people (logs in a file), `json` writes JSON lines to stdout. */
export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** One log entry, ready to be written. */
export interface LogEntry {
  time: Date;
  level: Exclude<LogLevel, "silent">;
  message: string;
  fields: Record<string, unknown>;
}

/** Receives every entry that passes the level. */
export type LogSink = (entry: LogEntry) => void;

/** Structured logger; message texts and tokens never belong in `fields` at info level. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/**
 * A structured logger. By default it writes one line per entry to stderr, so stdout stays free for
 * command output; the commands people run pass the sink `logSink` chooses.
 */
export function createLogger(
  level: LogLevel = "info",
  base: Record<string, unknown> = {},
  sink: LogSink = (entry) => process.stderr.write(`${textLine(entry)}\n`),
): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const write = (entryLevel: LogEntry["level"], message: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(entryLevel) < threshold) return;
    sink({ time: new Date(), level: entryLevel, message, fields: { ...base, ...fields } });
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
  };
}

/** `2026-12-05T10:59:14.866Z INFO message {"field":1}`: the line format of the log file. */
export function textLine(entry: LogEntry): string {
  const rendered =
    Object.keys(entry.fields).length > 0 ? ` ${JSON.stringify(entry.fields, errorReplacer)}` : "";
  return `${entry.time.toISOString()} ${entry.level.toUpperCase()} ${entry.message}${rendered}`;
}

/** One JSON object per entry: `{"time":…,"level":"info","message":…,…fields}`. */
export function jsonLine(entry: LogEntry): string {
  return JSON.stringify(
    { time: entry.time.toISOString(), level: entry.level, message: entry.message, ...entry.fields },
    errorReplacer,
  );
}

/** A log file is started afresh (the old one kept as `.1`) once it grows past this. */
const MAX_LOG_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Where the logs of a command go. `json`: JSON lines on stdout, for a service manager or a log
 * collector. `text` (default): the console is for people, so entries go to `logFile`; an error also
 * gets one line on the console saying where the details are.
 */
export function logSink(format: LogFormat, logFile: string): LogSink {
  if (format === "json") return (entry) => process.stdout.write(`${jsonLine(entry)}\n`);
  let opened = false;
  return (entry) => {
    try {
      if (!opened) {
        fs.mkdirSync(path.dirname(logFile), { recursive: true });
        if ((fs.statSync(logFile, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_FILE_BYTES)
          fs.renameSync(logFile, `${logFile}.1`);
        opened = true;
      }
      fs.appendFileSync(logFile, `${textLine(entry)}\n`);
    } catch {
      // A log that cannot be written must not stop Samsyn; the console still gets errors below.
    }
    if (entry.level === "error") process.stderr.write(`Fel: ${entry.message} (detaljer i ${logFile})\n`);
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

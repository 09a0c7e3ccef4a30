import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.ts";

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Lets Bolt, its receivers and its Web API client write into Samsyn's log. */
export function boltLogger(logger: Logger, initialLevel: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initialLevel;
  let name = "slack";
  const write = (entryLevel: LogLevel, parts: unknown[]) => {
    if (ORDER.indexOf(entryLevel) < ORDER.indexOf(level)) return;
    const errors = parts.filter((part) => part instanceof Error);
    const text = parts
      .filter((part) => !(part instanceof Error))
      .map((part) => (typeof part === "string" ? part : JSON.stringify(part)))
      .join(" ");
    const fields = { component: name, ...(errors.length > 0 ? { error: errors[0] } : {}) };
    logger[entryLevel](text || String(errors[0]?.message ?? ""), fields);
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

import type { AppOptions, IPlugin } from "@microsoft/teams.apps";
import type { Logger } from "../../logger.ts";
import { loggableError } from "./loggable-error.ts";

/** The SDK's logger interface (from @microsoft/teams.common, reached through the app options). */
type TeamsSdkLogger = NonNullable<AppOptions<IPlugin>["logger"]>;
type TeamsLogLevel = Parameters<TeamsSdkLogger["log"]>[0];

/**
 * Lets the Teams SDK write into Samsyn's log. The SDK logs whole activities (message texts) at
 * debug level, so they stay out of the log unless debugging is on; trace is folded into debug.
 */
export function teamsLogger(logger: Logger, name = "teams"): TeamsSdkLogger {
  const write = (level: "debug" | "info" | "warn" | "error", parts: unknown[]) => {
    const errors = parts.filter((part) => part instanceof Error);
    const text = parts
      .filter((part) => !(part instanceof Error))
      .map((part) => (typeof part === "string" ? part : safeJson(part)))
      .join(" ");
    const fields = { component: name, ...(errors.length > 0 ? { error: loggableError(errors[0]) } : {}) };
    logger[level](text || String((errors[0] as Error | undefined)?.message ?? ""), fields);
  };
  const toLevel = (level: TeamsLogLevel) => (level === "trace" ? "debug" : level);
  return {
    debug: (...parts: unknown[]) => write("debug", parts),
    info: (...parts: unknown[]) => write("info", parts),
    warn: (...parts: unknown[]) => write("warn", parts),
    error: (...parts: unknown[]) => write("error", parts),
    trace: (...parts: unknown[]) => write("debug", parts),
    log: (level: TeamsLogLevel, ...parts: unknown[]) => write(toLevel(level), parts),
    child: (childName: string) => teamsLogger(logger, `${name}/${childName}`),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

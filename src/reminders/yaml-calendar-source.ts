import { isNode, LineCounter, parseDocument } from "yaml";
import { describeZodIssue } from "../knowledge/describe-zod-issue.ts";
import { withoutNulls } from "../knowledge/without-nulls.ts";
import { yamlErrorText } from "../knowledge/yaml-error-text.ts";
import type { CalendarEvent } from "./calendar-event.ts";
import { type CalendarProblem, calendarProblem } from "./calendar-problem.ts";
import { yamlCalendarEvent } from "./yaml-calendar-event.ts";
import { yamlCalendarFileSchema, yamlEventSchema } from "./yaml-calendar-schema.ts";

/**
 * Reads a YAML calendar file. A file that is not valid YAML is reported (with its line) and yields
 * nothing; an event that fails the schema is reported with its line and id and skipped.
 */
export function parseYamlCalendar(
  file: string,
  source: string,
  defaultGroup: string | null = null,
): { events: CalendarEvent[]; problems: CalendarProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? null : lineCounter.linePos(offset).line;
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) =>
      calendarProblem(
        file,
        lineAt(error.pos[0]),
        null,
        `filen är inte giltig YAML (${yamlErrorText(error)}) – hela filen hoppas över`,
      ),
    );
    return { events: [], problems };
  }
  const data = withoutNulls(document.toJS() ?? {});
  const top = yamlCalendarFileSchema.safeParse(data);
  if (!top.success) {
    const problems = top.error.issues.map((issue) =>
      calendarProblem(
        file,
        lineOf(issue.path),
        null,
        `${describeZodIssue(issue, data)} – hela filen hoppas över`,
      ),
    );
    return { events: [], problems };
  }

  const events: CalendarEvent[] = [];
  const problems: CalendarProblem[] = [];
  top.data.events.forEach((raw, index) => {
    const eventLine = lineOf(["events", index]);
    const input = withoutNulls(raw);
    const rawId = typeof input === "object" && input !== null ? (input as { id?: unknown }).id : undefined;
    const eventId =
      typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : `nr ${index + 1}`;
    const parsed = yamlEventSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const line = lineOf(["events", index, ...issue.path]) ?? eventLine;
        problems.push(
          calendarProblem(file, line, eventId, `${describeZodIssue(issue, input)} – händelsen hoppas över`),
        );
      }
      return;
    }
    const groupId = parsed.data.group ?? top.data.group ?? defaultGroup;
    events.push(yamlCalendarEvent(parsed.data, groupId, { file, line: eventLine }));
  });
  return { events, problems };

  function lineOf(path: readonly PropertyKey[]): number | null {
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length) as (string | number)[], true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return null;
  }
}

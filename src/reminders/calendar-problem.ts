/** Something in a calendar file that could not be used; the rest of the calendar still works. */
export interface CalendarProblem {
  file: string;
  /** 1-based line, when known. */
  line: number | null;
  eventId: string | null;
  /** Swedish, naming file, line and event, e.g. `calendar/laholm.yaml rad 12 (händelse x): fältet "start" saknas`. */
  message: string;
}

/** Builds a problem whose message names file, line and event. */
export function calendarProblem(
  file: string,
  line: number | null,
  eventId: string | null,
  reason: string,
): CalendarProblem {
  const where = `${file}${line === null ? "" : ` rad ${line}`}${eventId ? ` (händelse ${eventId})` : ""}`;
  return { file, line, eventId, message: `${where}: ${reason}` };
}

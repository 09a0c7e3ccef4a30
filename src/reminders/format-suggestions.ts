import { stringify } from "yaml";
import type { CalendarSuggestion } from "./suggest-calendar.ts";

/**
 * The suggestions as YAML to paste under `events:` in a file in `knowledge/calendar/`. Entries
 * without a date are commented out (the text gives none); every entry carries its citation.
 */
export function suggestionsToYaml(suggestions: readonly CalendarSuggestion[]): string {
  const header = [
    "# Förslag till kalenderhändelser, hittade i dokumenten i kunskapsmappen (npm run calendar:suggest).",
    "# Granska titel, datum, tid och upprepning, och klistra sedan in de händelser ni vill ha under",
    '# "events:" i en fil i knowledge/calendar/. Ett förslag som finns i kalendern visas inte igen.',
    "events:",
  ];
  const entries = suggestions.map((suggestion) => {
    const event: Record<string, unknown> = {
      id: suggestion.id,
      ...(suggestion.groupId ? { group: suggestion.groupId } : {}),
      title: suggestion.title,
      kind: suggestion.kind,
      ...(suggestion.kind === "meeting" ? { start: suggestion.date } : { due: suggestion.date }),
      ...(suggestion.recurrence ? { recurrence: suggestion.recurrence } : {}),
      notes: suggestion.notes,
      source: {
        document: suggestion.citation.document,
        chunk: suggestion.citation.chunk,
        quote: suggestion.citation.quote,
      },
    };
    const body = stringify([event], { lineWidth: 0 })
      .trimEnd()
      .split("\n")
      .map((line) => `  ${line}`);
    const comments = [
      `  # ${suggestion.citation.documentTitle}: "${suggestion.cadence}"${suggestion.past ? " (datumet har redan passerat)" : ""}`,
    ];
    // Entries that cannot be pasted as they are (no date, or a date already past) are commented out.
    const disabled =
      suggestion.date === null
        ? "Datum saknas i underlaget; fyll i due: och ta bort #-tecknen."
        : suggestion.past
          ? "Datumet har redan passerat; med för fullständighetens skull."
          : null;
    if (disabled)
      return [...comments, `  # ${disabled}`, ...body.map((line) => `  #${line.slice(1)}`)].join("\n");
    return [...comments, ...body].join("\n");
  });
  if (entries.length === 0) return `${header.join("\n")} []\n`;
  return `${header.join("\n")}\n${entries.join("\n\n")}\n`;
}

/** A Swedish chat list of the suggestions with their sources. */
export function formatSuggestions(suggestions: readonly CalendarSuggestion[]): string {
  if (suggestions.length === 0) return "Jag hittade inga nya mötesrytmer eller sista dagar i dokumenten.";
  const lines = suggestions.map(
    (suggestion) =>
      `• ${suggestion.title} (${suggestion.cadence}${suggestion.date ? `, förslag: ${suggestion.date}` : ""}${suggestion.past ? ", redan passerat" : ""}) – ”${suggestion.citation.quote}” [${suggestion.citation.documentTitle}]`,
  );
  return [
    "Förslag till kalendern utifrån dokumenten (kör npm run calendar:suggest för YAML att klistra in):",
    ...lines,
  ].join("\n");
}

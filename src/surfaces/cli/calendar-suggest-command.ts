import path from "node:path";
import { bootstrap } from "../../app/bootstrap.ts";
import { loadGroups } from "../../knowledge/groups.ts";
import { systemClock } from "../../reminders/clock.ts";
import { formatSuggestions, suggestionsToYaml } from "../../reminders/format-suggestions.ts";
import { indexedChunks } from "../../reminders/indexed-chunks.ts";
import { loadCalendar } from "../../reminders/load-calendar.ts";
import { inStockholm } from "../../reminders/stockholm-time.ts";
import { suggestCalendar } from "../../reminders/suggest-calendar.ts";
import { EXIT_OK, parseCommandArguments, runCommand, UsageError } from "./run-command.ts";

const USAGE = `Användning: npm run calendar:suggest -- [--group GRUPP-ID] [--text | --json]
  Letar i kunskapsmappens dokument efter mötesrytmer och sista dagar ("minst fyra gånger per år",
  "vartannat år", "senast 15 mars" …) och skriver förslag som YAML att klistra in i knowledge/calendar/.
  --group  bara förslag för gruppen
  --text   en lista i klartext i stället för YAML
  --json   förslagen som JSON`;

async function main(): Promise<number> {
  const { values } = parseArguments();
  const { core } = await bootstrap();
  try {
    const { groups } = await loadGroups(path.join(core.config.knowledgeDir, "groups"));
    if (values.group && !groups.some((group) => group.id === values.group)) {
      throw new UsageError(
        `Okänd grupp "${values.group}". Finns: ${groups.map((group) => group.id).join(", ")}`,
      );
    }
    const calendar = await loadCalendar(path.join(core.config.knowledgeDir, "calendar"), groups);
    const suggestions = suggestCalendar(indexedChunks(core.index.database), core.index.catalog.documents(), {
      today: inStockholm(systemClock.now()).toISODate() ?? "",
      existing: calendar.events,
      groupOfDocument: (documentId) =>
        groups.find((group) => group.documents.includes(documentId))?.id ?? null,
    }).filter((suggestion) => !values.group || suggestion.groupId === values.group);
    if (values.json) process.stdout.write(`${JSON.stringify(suggestions, null, 2)}\n`);
    else if (values.text) process.stdout.write(`${formatSuggestions(suggestions)}\n`);
    else process.stdout.write(suggestionsToYaml(suggestions));
    return EXIT_OK;
  } finally {
    core.close();
  }
}

function parseArguments() {
  const parsed = parseCommandArguments({
    options: { group: { type: "string" }, text: { type: "boolean" }, json: { type: "boolean" } },
    allowPositionals: false,
  });
  if (parsed.values.text && parsed.values.json) throw new UsageError("Välj --text eller --json, inte båda.");
  return parsed;
}

runCommand(main, USAGE);

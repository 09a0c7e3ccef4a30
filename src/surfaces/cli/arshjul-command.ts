import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../../config/config.ts";
import { loadGroups } from "../../knowledge/groups.ts";
import { arshjulPng, renderArshjulSvg } from "../../reminders/arshjul.ts";
import { arshjulItems } from "../../reminders/arshjul-items.ts";
import { loadCalendar } from "../../reminders/load-calendar.ts";
import { ADMINISTRATOR, shownGroups } from "../../retrieval/scope.ts";
import { EXIT_OK, parseCommandArguments, runCommand, UsageError } from "./run-command.ts";

const USAGE = `Användning: npm run arshjul -- --group GRUPP-ID --year ÅÅÅÅ --out SÖKVÄG
  Ritar årets möten och sista dagar för gruppen som ett årshjul och skriver SÖKVÄG.svg och SÖKVÄG.png.`;

async function main(): Promise<number> {
  const { values } = parseArguments();
  const year = Number(values.year);
  if (!values.group) throw new UsageError("--group saknas.");
  if (!values.year || !Number.isInteger(year) || year < 1900 || year > 2999)
    throw new UsageError("Ange året med --year, t.ex. --year 2027.");
  if (!values.out) throw new UsageError("--out saknas (sökväg utan filändelse, t.ex. arshjul/laholm-2027).");
  const config = loadConfig(process.env);
  const { groups } = await loadGroups(path.join(config.knowledgeDir, "groups"));
  // A withheld group (its file cannot be used) is not offered.
  const offered = shownGroups(ADMINISTRATOR, groups);
  const group = offered.find((candidate) => candidate.id === values.group);
  if (!group)
    throw new UsageError(
      `Okänd grupp "${values.group}". Finns: ${offered.map((candidate) => candidate.id).join(", ")}`,
    );
  const calendar = await loadCalendar(path.join(config.knowledgeDir, "calendar"), groups);
  for (const problem of calendar.problems) process.stderr.write(`Varning: ${problem.message}\n`);
  const svg = renderArshjulSvg({
    groupName: group.name,
    year,
    items: arshjulItems(calendar.events, group.id, year),
  });
  const base = values.out.replace(/\.(svg|png)$/i, "");
  await mkdir(path.dirname(path.resolve(base)), { recursive: true });
  await writeFile(`${base}.svg`, svg);
  await writeFile(`${base}.png`, arshjulPng(svg));
  process.stdout.write(`Skrev ${base}.svg och ${base}.png\n`);
  return EXIT_OK;
}

function parseArguments() {
  return parseCommandArguments({
    options: { group: { type: "string" }, year: { type: "string" }, out: { type: "string" } },
    allowPositionals: false,
    strict: true,
  });
}

runCommand(main, USAGE);

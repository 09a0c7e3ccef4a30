import path from "node:path";
import { bootstrap } from "../../app/bootstrap.ts";
import { loadGroups } from "../../knowledge/groups.ts";
import { buildIntroduction } from "../../onboarding/build-introduction.ts";
import { calendarUpcoming } from "../../onboarding/calendar-upcoming.ts";
import { detectRole, findGroup } from "../../onboarding/detect-role.ts";
import { renderIntroductionText } from "../../onboarding/render-introduction-text.ts";
import { ADMINISTRATOR, shownGroups } from "../../retrieval/scope.ts";
import { EXIT_OK, parseCommandArguments, runCommand, UsageError } from "./run-command.ts";

const USAGE = `Användning: npm run intro -- --group GRUPP-ID [--role "ny ersättare"] [--json]
  --group  gruppen som introduktionen gäller (filnamnet i knowledge/groups/ utan .yaml)
  --role   din roll, t.ex. "ersättare" eller "Jag är ny ledamot i …" (då kan --group utelämnas)
  --json   skriv introduktionen som JSON`;

async function main(): Promise<number> {
  const { values } = parseArguments();
  if (!values.group && !values.role) throw new UsageError("Ange gruppen med --group.");
  const { core } = await bootstrap();
  try {
    const { groups } = await loadGroups(path.join(core.config.knowledgeDir, "groups"));
    // A withheld group (its file cannot be used) is not offered; its problem is reported at ingest.
    const offered = shownGroups(ADMINISTRATOR, groups);
    const ids = offered.map((group) => group.id).join(", ") || "(inga)";
    const hint = values.role ? detectRole(values.role)?.groupHint : null;
    const group = values.group
      ? offered.find((candidate) => candidate.id === values.group)
      : hint
        ? findGroup(hint, offered)
        : undefined;
    if (!group) {
      throw new UsageError(
        values.group
          ? `Okänd grupp "${values.group}". Finns: ${ids}`
          : `Kunde inte avgöra gruppen av "${values.role}". Ange den med --group (${ids}).`,
      );
    }
    const intro = await buildIntroduction(core, group, {
      groups,
      ...(values.role ? { role: values.role } : {}),
      upcoming: calendarUpcoming(path.join(core.config.knowledgeDir, "calendar"), groups),
    });
    process.stdout.write(
      values.json ? `${JSON.stringify(intro, null, 2)}\n` : `${renderIntroductionText(intro)}\n`,
    );
    return EXIT_OK;
  } finally {
    core.close();
  }
}

function parseArguments() {
  return parseCommandArguments({
    options: { group: { type: "string" }, role: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: false,
    strict: true,
  });
}

runCommand(main, USAGE);

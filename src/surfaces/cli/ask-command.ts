import path from "node:path";
import { bootstrap } from "../../app/bootstrap.ts";
import { type Group, loadGroups } from "../../knowledge/groups.ts";
import { EVERYTHING, type Scope, scopeForGroups } from "../../retrieval/scope.ts";
import { formatAnswer } from "./format-answer.ts";
import { EXIT_OK, parseCommandArguments, runCommand, UsageError } from "./run-command.ts";

const USAGE = `Användning: npm run ask -- "din fråga" [--group GRUPP-ID] [--now TID] [--json] [--explain]
  --group    fråga som i gruppens kanal: gruppens egna dokument och kalender först, sedan de offentliga
  --now      tidpunkten kalenderfrågor besvaras utifrån, ISO-tid med tidszon (standard: nu)
  --json     skriv svaret som JSON (Answer)
  --explain  visa hur frågan tolkades och vilka avsnitt som hittades`;

const EXPANSION_KINDS = {
  synonym: "synonym",
  neighbour: "närliggande ord",
  acronym: "förkortning",
  definition: "definition",
} as const;

async function main(): Promise<number> {
  const { values, positionals } = parseArguments();
  const question = positionals.join(" ").trim();
  if (question === "") throw new UsageError("Ingen fråga angavs.");
  const { core } = await bootstrap();
  try {
    let scope: Scope = EVERYTHING;
    let group: Group | undefined;
    if (values.group) {
      const { groups } = await loadGroups(path.join(core.config.knowledgeDir, "groups"));
      group = groups.find((candidate) => candidate.id === values.group);
      if (!group) {
        throw new UsageError(
          `Okänd grupp "${values.group}". Finns: ${groups.map((candidate) => candidate.id).join(", ")}`,
        );
      }
      scope = scopeForGroups([group.id], groups, core.index.catalog.documents());
    }
    const now = values.now === undefined ? undefined : new Date(values.now);
    if (now !== undefined && Number.isNaN(now.getTime())) {
      throw new UsageError(
        `--now ska vara en ISO-tid med tidszon, t.ex. 2027-03-01T10:00:00+01:00 (fick "${values.now}").`,
      );
    }
    const result = await core.answers.ask(question, {
      scope,
      ...(group ? { group } : {}),
      ...(now ? { now } : {}),
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result.answer, null, 2)}\n`);
      return EXIT_OK;
    }
    if (values.explain) {
      const lines = [
        `Sökord: ${result.retrieval.queryTerms.join(", ") || "(inga)"}`,
        `Utökning: ${result.retrieval.expansions.map((expansion) => `${expansion.term} (${EXPANSION_KINDS[expansion.kind]} för ${expansion.source})`).join(", ") || "(ingen)"}`,
        "Hittade avsnitt:",
        ...result.retrieval.passages.map(
          (passage, index) =>
            `  ${index + 1}. ${passage.score.toFixed(4)}  ord ${passage.keywordScore?.toFixed(2) ?? "–"}  vektor ${passage.vectorScore?.toFixed(3) ?? "–"}  ${passage.document.title} › ${passage.chunk.headingPath.join(" › ")}`,
        ),
        "",
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    }
    process.stdout.write(`${formatAnswer(result.answer)}\n`);
    return EXIT_OK;
  } finally {
    core.close();
  }
}

function parseArguments() {
  return parseCommandArguments({
    options: {
      group: { type: "string" },
      now: { type: "string" },
      json: { type: "boolean" },
      explain: { type: "boolean" },
    },
    allowPositionals: true,
    strict: true,
  });
}

runCommand(main, USAGE);

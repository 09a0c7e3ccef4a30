import { describeLocation } from "../../answer/passage-reference.ts";
import type { AcronymExplanation, Glossary } from "../../onboarding/glossary.ts";
import type { TeamsCommandReply } from "./teams-surface-context.ts";
import { teamsMarkdown, truncate } from "./teams-text.ts";

function sourceLines(sources: Glossary["sources"]): string[] {
  if (sources.length === 0) return [];
  const lines = sources.map((source) => {
    const where = teamsMarkdown(truncate(describeLocation(source), 300)).replace(/[[\]]/g, "");
    return `- [${source.n}] ${source.source ? `[${where}](${source.source})` : where}`;
  });
  return ["", "**Källor:**", "", ...lines];
}

/** The glossary (`ordlista`) as Teams Markdown: each acronym, its long form and [n], then the sources. */
export function renderTeamsGlossary(glossary: Glossary): TeamsCommandReply {
  if (glossary.items.length === 0) return { text: "Underlaget innehåller inga förkortningar som förklaras." };
  const items = glossary.items.map(
    (item) =>
      `- **${teamsMarkdown(item.acronym)}** – ${teamsMarkdown(item.longForm)} [${item.definition.source}]`,
  );
  return {
    text: [
      "**Ordlista** (förkortningar som förklaras i underlaget)",
      "",
      ...items,
      ...sourceLines(glossary.sources),
    ].join("\n"),
  };
}

/** One acronym explained (`ordlista HSN`), with the defining sentence; or "finns inte i underlaget". */
export function renderTeamsAcronym(explanation: AcronymExplanation): TeamsCommandReply {
  const quotes = explanation.items.map((item) => `> ${teamsMarkdown(truncate(item.definition.text, 500))}`);
  return {
    text: [
      teamsMarkdown(explanation.text),
      ...(quotes.length > 0 ? ["", ...quotes] : []),
      ...sourceLines(explanation.sources),
    ].join("\n"),
  };
}

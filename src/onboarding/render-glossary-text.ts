import { describeLocation } from "../answer/passage-reference.ts";
import type { Glossary } from "./glossary.ts";

/** The glossary (`ordlista`) as Swedish plain text: acronym, long form and where it is defined. */
export function renderGlossaryText(glossary: Glossary, title = "Ordlista"): string {
  if (glossary.items.length === 0) return "Underlaget innehåller inga förkortningar som förklaras.";
  const lines = [`${title} (förkortningar som förklaras i underlaget):`];
  for (const item of glossary.items) {
    lines.push(`  ${item.acronym} – ${item.longForm} [${item.definition.source}]`);
  }
  lines.push("", "Källor:");
  for (const source of glossary.sources) lines.push(`  [${source.n}] ${describeLocation(source)}`);
  return lines.join("\n");
}

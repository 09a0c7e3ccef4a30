import type { Answer } from "../../answer/answer.ts";
import { titleWithDate } from "../../answer/passage-reference.ts";

/** Renders an answer for a terminal: the text, then numbered sources (title, date, section, page) with a short quote. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length > 0) {
    lines.push("", answer.language === "en" ? "Sources:" : "Källor:");
    for (const citation of answer.citations) {
      const where = [
        titleWithDate(citation),
        citation.section ? `§ ${citation.section}` : null,
        citation.page ? `s. ${citation.page}` : null,
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(`  [${citation.n}] ${where}`);
      lines.push(`      ”${shorten(citation.quote, 200)}”`);
      if (citation.source) lines.push(`      ${citation.source}`);
    }
  }
  if (answer.abstained && answer.closest.length > 0) {
    for (const [index, passage] of answer.closest.entries()) {
      const where = [
        titleWithDate(passage),
        passage.section ? `§ ${passage.section}` : null,
        passage.page ? `s. ${passage.page}` : null,
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(`  ${index + 1}. ${where}`, `      ”${shorten(passage.excerpt, 200)}”`);
    }
  }
  return lines.join("\n");
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

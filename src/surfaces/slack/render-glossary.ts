import type { types } from "@slack/bolt";
import { describeLocation } from "../../answer/passage-reference.ts";
import type { AcronymExplanation, Glossary } from "../../onboarding/glossary.ts";
import { escapeMrkdwn, mrkdwnLink, SECTION_TEXT_LIMIT, splitMrkdwn, truncate } from "./mrkdwn.ts";
import type { SlackMessage } from "./render-answer.ts";

// Block Kit allows 50 blocks; the fallback text is what notifications show.
const MAX_BLOCKS = 50;
const FALLBACK_LIMIT = 3000;

function sections(text: string): types.SectionBlock[] {
  return splitMrkdwn(text, SECTION_TEXT_LIMIT).map((part) => ({
    type: "section",
    text: { type: "mrkdwn", text: part },
  }));
}

/** The glossary (`/samsyn ordlista`) as Block Kit: each acronym with its long form and source. */
export function renderGlossary(glossary: Glossary, title = "Ordlista"): SlackMessage {
  if (glossary.items.length === 0) {
    const text = "Underlaget innehåller inga förkortningar som förklaras.";
    return { text, blocks: sections(text) };
  }
  const lines = glossary.items.map((item) => {
    const source = glossary.sources.find((candidate) => candidate.n === item.definition.source);
    const where = source ? ` – _${escapeMrkdwn(truncate(describeLocation(source), 300))}_` : "";
    return `• *${escapeMrkdwn(item.acronym)}* – ${escapeMrkdwn(item.longForm)}${where}`;
  });
  return {
    text: truncate(`${title}: ${glossary.items.map((item) => item.acronym).join(", ")}`, FALLBACK_LIMIT),
    blocks: sections([`*${escapeMrkdwn(title)}*`, ...lines].join("\n")).slice(0, MAX_BLOCKS),
  };
}

/**
 * One acronym explained (`/samsyn ordlista HSN`): the long form with its [n], the defining
 * sentence and where it stands; or the honest "finns inte i underlaget".
 */
export function renderAcronymExplanation(explanation: AcronymExplanation): SlackMessage {
  const lines = [escapeMrkdwn(explanation.text)];
  for (const item of explanation.items) lines.push(`> ${escapeMrkdwn(truncate(item.definition.text, 500))}`);
  if (explanation.sources.length > 0) {
    lines.push("*Källor*");
    for (const source of explanation.sources) {
      const where = truncate(describeLocation(source), 300);
      lines.push(`[${source.n}] ${source.source ? mrkdwnLink(source.source, where) : escapeMrkdwn(where)}`);
    }
  }
  return {
    text: truncate(explanation.text, FALLBACK_LIMIT),
    blocks: sections(lines.join("\n")).slice(0, MAX_BLOCKS),
  };
}

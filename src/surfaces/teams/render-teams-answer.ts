import { type CitationIconName, MessageActivityInput, type SuggestedActions } from "@microsoft/teams.api";
import type { Answer, Citation, PassageReference } from "../../answer/answer.ts";
import { describeLocation, titleWithDate } from "../../answer/passage-reference.ts";
import { teamsMarkdown, truncate } from "./teams-text.ts";
import { TEAMS_COMMAND_WORDS } from "./teams-texts.ts";

// Teams' limits: citation names 80 characters, abstracts 160, at most 20 citations, ~28 KB per message.
const NAME_LIMIT = 80;
const ABSTRACT_LIMIT = 160;
const MAX_CITATIONS = 20;
const TEXT_LIMIT = 20_000;
const CARD_QUOTE_LIMIT = 2_000;
const MAX_CLOSEST = 5;

const LABELS = {
  sv: { closest: "Närmast i underlaget" },
  en: { closest: "Closest in the documents" },
} as const;

/** How an answer is shown. */
export interface TeamsAnswerOptions {
  /** Offer the commands as buttons under the message (Teams shows them in personal chats only). */
  suggestedActions: boolean;
}

/**
 * Renders an answer the way Teams shows AI answers: the text with its [n] markers, a citation per
 * marker (document title and date, the quoted passage as abstract, the source link and the full quote in a
 * pop-up card), the "AI-generated" label and the 👍/👎 feedback buttons. A decline lists the
 * closest passages in the text instead.
 */
export function renderTeamsAnswer(answer: Answer, options: TeamsAnswerOptions): MessageActivityInput {
  const closest = answer.abstained ? closestText(answer.closest, answer.language) : "";
  const text = truncate(`${teamsMarkdown(answer.text)}${closest}`, TEXT_LIMIT);
  const message = new MessageActivityInput(text).addAiGenerated().addFeedback();
  const cited = answer.citations
    .filter((citation) => text.includes(`[${citation.n}]`))
    .slice(0, MAX_CITATIONS);
  for (const citation of cited) {
    const icon = iconFor(citation.documentId);
    message.addCitation(citation.n, {
      name: truncate(titleWithDate(citation), NAME_LIMIT),
      // Teams needs an abstract; a passage without words (a heading) is described by its place.
      abstract: truncate(
        oneLine(citation.quote) || describeLocation(citation, answer.language),
        ABSTRACT_LIMIT,
      ),
      ...(isWebAddress(citation.source) ? { url: citation.source } : {}),
      ...(icon ? { icon } : {}),
      text: JSON.stringify(citationCard(citation, answer.language)),
    });
  }
  if (options.suggestedActions) message.withSuggestedActions(commandSuggestions());
  return message;
}

/** The commands as buttons that type the command word for the user. */
export function commandSuggestions(): SuggestedActions {
  const action = (title: string, value: string) => ({ type: "imBack" as const, title, value });
  return {
    to: [],
    actions: [
      action("Möten", TEAMS_COMMAND_WORDS.meetings[0]),
      action("Påminnelser", TEAMS_COMMAND_WORDS.reminders[0]),
      action("Intro", TEAMS_COMMAND_WORDS.intro[0]),
      action("Hjälp", TEAMS_COMMAND_WORDS.help[0]),
    ],
  };
}

/** The Adaptive Card Teams opens from a citation: where the passage is and its words. */
function citationCard(citation: Citation, language: Answer["language"]) {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      { type: "TextBlock", text: describeLocation(citation, language), weight: "Bolder", wrap: true },
      { type: "TextBlock", text: truncate(citation.quote, CARD_QUOTE_LIMIT), wrap: true },
    ],
  };
}

function closestText(passages: readonly PassageReference[], language: Answer["language"]): string {
  if (passages.length === 0) return "";
  const items = passages.slice(0, MAX_CLOSEST).map((passage, index) => {
    const where = teamsMarkdown(truncate(describeLocation(passage, language), 200)).replace(/[[\]]/g, "");
    const title = isWebAddress(passage.source) ? `[${where}](${passage.source})` : `**${where}**`;
    return `${index + 1}. ${title}: ”${teamsMarkdown(truncate(oneLine(passage.excerpt), 300))}”`;
  });
  return `\n\n**${LABELS[language].closest}:**\n\n${items.join("\n")}`;
}

function iconFor(documentId: string): CitationIconName | null {
  const extension = documentId.toLowerCase().split(".").at(-1);
  if (extension === "pdf") return "PDF";
  if (extension === "docx") return "Microsoft Word";
  if (extension === "md" || extension === "txt") return "Text";
  return null;
}

function isWebAddress(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

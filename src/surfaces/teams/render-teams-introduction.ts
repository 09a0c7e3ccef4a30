import { describeLocation } from "../../answer/passage-reference.ts";
import type { Group } from "../../knowledge/groups.ts";
import type { Introduction, IntroductionStatement } from "../../onboarding/introduction.ts";
import {
  hasRolePart,
  meetingsNotDescribed,
  roleHeading,
  roleNotDescribed,
} from "../../onboarding/render-introduction-text.ts";
import { welcomeText } from "../../onboarding/welcome.ts";
import { adaptiveCard, type CardElement, imBackAction, textBlock } from "./adaptive-card.ts";
import type { TeamsCommandReply } from "./teams-surface-context.ts";
import { truncate } from "./teams-text.ts";
import { TEAMS_COMMAND_WORDS } from "./teams-texts.ts";

// Teams cuts long button titles; the whole question still goes out as the clicked message.
const BUTTON_TITLE_LIMIT = 80;
const MAX_QUESTIONS = 10;
const MAX_SOURCES = 40;

/** A Markdown list for an Adaptive Card text block (Teams wants the items separated by `\r`). */
function list(lines: readonly string[], options: Record<string, unknown> = {}): CardElement {
  return textBlock(lines.map((line) => `- ${line}`).join("\r"), options);
}

function heading(text: string): CardElement {
  return textBlock(text, { weight: "Bolder", size: "Medium", spacing: "Medium" });
}

function statement(item: IntroductionStatement): string {
  return `${item.text} [${item.source}]`;
}

/** A Markdown link; brackets in the label would end it early. */
function link(url: string, label: string): string {
  return `[${label.replace(/[[\]]/g, "")}](${url})`;
}

/**
 * The introduction as one Adaptive Card: each part with its sentences and [n], the key documents,
 * the glossary, the suggested questions as buttons that ask the question in the same conversation
 * (`imBack`, so they work in personal chats, group chats and channels), and the numbered sources.
 */
export function renderTeamsIntroduction(intro: Introduction): TeamsCommandReply {
  const body: CardElement[] = [
    textBlock(`Introduktion: ${intro.groupName}`, { size: "Large", weight: "Bolder", style: "heading" }),
  ];
  body.push(heading("Syfte"));
  body.push(
    intro.purpose.length > 0
      ? list(intro.purpose.map(statement))
      : textBlock("Underlaget beskriver inte gruppens syfte."),
  );
  for (const entry of intro.bodies) {
    if (entry.aspects.length === 0) continue;
    body.push(heading(entry.name));
    for (const aspect of entry.aspects) {
      body.push(
        textBlock(`_${aspect.label}:_`, { spacing: "Small" }),
        list(aspect.statements.map(statement)),
      );
    }
  }
  body.push(heading("Möten"));
  body.push(
    intro.meetings.statements.length > 0
      ? list(intro.meetings.statements.map(statement))
      : textBlock(meetingsNotDescribed(intro.groupName)),
  );
  if (intro.meetings.upcoming.length > 0) {
    body.push(
      textBlock("_Nästa möten enligt kalendern:_", { spacing: "Small" }),
      list(intro.meetings.upcoming.map((meeting) => `${meeting.when}: ${meeting.title}`)),
    );
  } else if (intro.meetings.calendarChecked) {
    body.push(textBlock("Kalendern har inga kommande möten för gruppen.", { spacing: "Small" }));
  }
  if (hasRolePart(intro.role)) {
    body.push(heading(roleHeading(intro.role.role)));
    if (!intro.role.described) body.push(textBlock(roleNotDescribed(intro.role.role, intro.groupName)));
    body.push(list(intro.role.statements.map(statement)));
  }
  if (intro.documents.length > 0) {
    body.push(heading("Viktiga dokument"));
    body.push(
      list(
        intro.documents.map((document) => {
          const facts = [document.typeLabel.toLowerCase(), document.date].filter(Boolean).join(", ");
          const title = document.link ? link(document.link, document.title) : document.title;
          return `${title} (${facts})`;
        }),
      ),
    );
  }
  if (intro.glossary.length > 0) {
    body.push(heading("Ordlista"));
    body.push(
      list(
        intro.glossary.map((item) => `**${item.acronym}** – ${item.longForm} [${item.definition.source}]`),
      ),
    );
  }
  if (intro.questions.length > 0) {
    body.push(heading("Fråga gärna vidare"));
    // One action set per question stacks the buttons, so each question stays readable.
    for (const question of intro.questions.slice(0, MAX_QUESTIONS)) {
      body.push({
        type: "ActionSet",
        spacing: "Small",
        actions: [imBackAction(truncate(question.question, BUTTON_TITLE_LIMIT), question.question)],
      });
    }
  }
  if (intro.sources.length > 0) {
    body.push(textBlock("Källor", { weight: "Bolder", size: "Small", spacing: "Large" }));
    body.push(
      list(
        intro.sources.slice(0, MAX_SOURCES).map((source) => {
          const where = truncate(describeLocation(source), 300);
          return `[${source.n}] ${source.source ? link(source.source, where) : where}`;
        }),
        { size: "Small", isSubtle: true },
      ),
    );
  }
  return { text: "", attachments: [adaptiveCard(body, { wide: true })] };
}

/**
 * The welcome for people added to a mapped conversation, with a button that asks for the
 * group's introduction (`intro <grupp-id>`); null when the group has not turned welcomes on.
 */
export function renderTeamsWelcome(group: Group, mention: string): TeamsCommandReply | null {
  const text = welcomeText(group, { command: TEAMS_COMMAND_WORDS.intro[0], ...(mention ? { mention } : {}) });
  if (text === null) return null;
  const action = imBackAction("Visa introduktionen", `${TEAMS_COMMAND_WORDS.intro[0]} ${group.id}`);
  // One card, not text plus card: Teams would split those into two messages. Cards know no code spans.
  const body = [textBlock(text.replace(/`([^`]+)`/g, "**$1**"))];
  return { text: "", attachments: [adaptiveCard(body, { actions: [action] })] };
}

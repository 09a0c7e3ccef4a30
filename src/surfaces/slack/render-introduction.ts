import type { types } from "@slack/bolt";
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
import { escapeMrkdwn, mrkdwnLink, SECTION_TEXT_LIMIT, splitMrkdwn, truncate } from "./mrkdwn.ts";
import type { SlackMessage } from "./render-answer.ts";

/**
 * Action ids of the introduction's buttons. A suggested question is `samsyn_intro_ask:<i>` (unique
 * per message, i = 0…4) with the question as its value, to be answered like a typed question in the
 * same channel; the welcome's button is `samsyn_intro_start` with the group id as its value.
 */
export const INTRODUCTION_ACTIONS = {
  ask: "samsyn_intro_ask",
  start: "samsyn_intro_start",
} as const;

/** A click on an introduction button, as the handler needs it. */
export type IntroductionAction = { kind: "ask"; question: string } | { kind: "start"; groupId: string };

/** Reads an introduction button's action id and value; null when it is not one of ours. */
export function parseIntroductionAction(
  actionId: string,
  value: string | undefined,
): IntroductionAction | null {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  if (new RegExp(`^${INTRODUCTION_ACTIONS.ask}(?::\\d+)?$`).test(actionId))
    return { kind: "ask", question: text };
  if (actionId === INTRODUCTION_ACTIONS.start) return { kind: "start", groupId: text };
  return null;
}

// Block Kit limits: 50 blocks, 10 context elements, 75 characters of button text, 2,000 of value.
const MAX_BLOCKS = 50;
const MAX_CONTEXT_ELEMENTS = 10;
const MAX_SOURCES = 30;
const BUTTON_TEXT_LIMIT = 75;
const BUTTON_VALUE_LIMIT = 2000;
const FALLBACK_LIMIT = 3000;

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function sections(text: string): types.SectionBlock[] {
  return splitMrkdwn(text, SECTION_TEXT_LIMIT).map(section);
}

function bullet(statement: IntroductionStatement): string {
  return `• ${escapeMrkdwn(statement.text)} [${statement.source}]`;
}

/**
 * The introduction as Block Kit: a header, one section per part with each sentence's [n], the key
 * documents with links, the glossary, the suggested questions as buttons and the sources as context.
 */
export function renderIntroduction(intro: Introduction): SlackMessage {
  const body: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(`Introduktion: ${intro.groupName}`, 150) } },
  ];
  const part = (heading: string, lines: readonly string[]) => {
    body.push(...sections([`*${escapeMrkdwn(heading)}*`, ...lines].join("\n")));
  };
  part(
    "Syfte",
    intro.purpose.length > 0 ? intro.purpose.map(bullet) : ["Underlaget beskriver inte gruppens syfte."],
  );
  for (const entry of intro.bodies) {
    if (entry.aspects.length === 0) continue;
    part(
      entry.name,
      entry.aspects.flatMap((aspect) => [`_${aspect.label}:_`, ...aspect.statements.map(bullet)]),
    );
  }
  const meetingLines = intro.meetings.statements.map(bullet);
  if (meetingLines.length === 0) meetingLines.push(escapeMrkdwn(meetingsNotDescribed(intro.groupName)));
  if (intro.meetings.upcoming.length > 0) {
    meetingLines.push(
      "_Nästa möten enligt kalendern:_",
      ...intro.meetings.upcoming.map(
        (meeting) => `• ${escapeMrkdwn(meeting.when)}: ${escapeMrkdwn(meeting.title)}`,
      ),
    );
  }
  part("Möten", meetingLines);
  if (hasRolePart(intro.role)) {
    part(roleHeading(intro.role.role), [
      ...(intro.role.described ? [] : [escapeMrkdwn(roleNotDescribed(intro.role.role, intro.groupName))]),
      ...intro.role.statements.map(bullet),
    ]);
  }
  if (intro.documents.length > 0) {
    part(
      "Viktiga dokument",
      intro.documents.map((document) => {
        const title = document.link
          ? mrkdwnLink(document.link, document.title)
          : escapeMrkdwn(document.title);
        const facts = [document.typeLabel.toLowerCase(), document.date].filter(Boolean).join(", ");
        return `• ${title} (${escapeMrkdwn(facts)})`;
      }),
    );
  }
  if (intro.glossary.length > 0) {
    part(
      "Ordlista",
      intro.glossary.map(
        (entry) =>
          `• *${escapeMrkdwn(entry.acronym)}* – ${escapeMrkdwn(entry.longForm)} [${entry.definition.source}]`,
      ),
    );
  }
  const questions: types.KnownBlock[] =
    intro.questions.length > 0
      ? [
          section("*Fråga gärna vidare:*"),
          {
            type: "actions",
            block_id: "samsyn_intro_questions",
            elements: intro.questions.slice(0, 25).map((question, index) => ({
              type: "button",
              action_id: `${INTRODUCTION_ACTIONS.ask}:${index}`,
              text: { type: "plain_text", text: truncate(question.question, BUTTON_TEXT_LIMIT), emoji: true },
              value: truncate(question.question, BUTTON_VALUE_LIMIT),
            })),
          },
        ]
      : [];
  const sources = sourceBlocks(intro);
  const room = MAX_BLOCKS - questions.length - sources.length;
  return {
    text: truncate(`Introduktion till ${intro.groupName}`, FALLBACK_LIMIT),
    blocks: [...body.slice(0, Math.max(1, room)), ...questions, ...sources].slice(0, MAX_BLOCKS),
  };
}

function sourceBlocks(intro: Introduction): types.KnownBlock[] {
  if (intro.sources.length === 0) return [];
  const lines = intro.sources.slice(0, MAX_SOURCES).map((source) => {
    const where = truncate(describeLocation(source), 400);
    return `[${source.n}] ${source.source ? mrkdwnLink(source.source, where) : escapeMrkdwn(where)}`;
  });
  const elements = ["*Källor*", ...lines];
  const blocks: types.KnownBlock[] = [];
  for (let start = 0; start < elements.length; start += MAX_CONTEXT_ELEMENTS) {
    blocks.push({
      type: "context",
      elements: elements
        .slice(start, start + MAX_CONTEXT_ELEMENTS)
        .map((text) => ({ type: "mrkdwn" as const, text: truncate(text, SECTION_TEXT_LIMIT) })),
    });
  }
  return blocks;
}

/**
 * The welcome for someone who joined a mapped channel, with a button that starts the introduction;
 * null when the group has not turned welcomes on.
 */
export function renderWelcome(group: Group, userId: string): SlackMessage | null {
  // The mention goes in after escaping, so the group's own text cannot inject mrkdwn.
  const placeholder = "\uE000";
  const plain = welcomeText(group, { mention: placeholder, command: "/samsyn intro" });
  if (plain === null) return null;
  const text = escapeMrkdwn(plain).replace(placeholder, `<@${userId}>`);
  return {
    text,
    blocks: [
      section(text),
      {
        type: "actions",
        block_id: "samsyn_intro_welcome",
        elements: [
          {
            type: "button",
            action_id: INTRODUCTION_ACTIONS.start,
            text: { type: "plain_text", text: "Visa introduktionen", emoji: true },
            value: group.id,
            style: "primary",
          },
        ],
      },
    ],
  };
}

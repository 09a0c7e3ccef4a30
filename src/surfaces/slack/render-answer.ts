import type { types } from "@slack/bolt";
import type { Answer, Citation, PassageReference } from "../../answer/answer.ts";
import { describeLocation } from "../../answer/passage-reference.ts";
import {
  answerTextToMrkdwn,
  escapeMrkdwn,
  mrkdwnLink,
  SECTION_TEXT_LIMIT,
  splitMrkdwn,
  truncate,
} from "./mrkdwn.ts";

/** Action ids of the buttons Samsyn puts under its answers. */
export const ANSWER_ACTIONS = {
  showSource: "samsyn_show_source",
  voteUp: "samsyn_vote_up",
  voteDown: "samsyn_vote_down",
} as const;

/** A Slack message: blocks plus the plain fallback shown in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

const LABELS = {
  sv: {
    sources: "Källor",
    showSource: "Visa källtext",
    closest: "Närmast i underlaget",
    up: "👍 Bra svar",
    down: "👎 Inte bra",
    aiNotice: "Svaret är AI-genererat – kontrollera mot källan.",
  },
  en: {
    sources: "Sources",
    showSource: "Show source text",
    closest: "Closest in the documents",
    up: "👍 Helpful",
    down: "👎 Not helpful",
    aiNotice: "The answer is AI-generated – check it against the source.",
  },
} as const;

// Block Kit limits: 50 blocks per message, 10 elements per context block, 25 per actions block.
const MAX_BLOCKS = 50;
const MAX_ANSWER_SECTIONS = 20;
const MAX_CONTEXT_ELEMENTS = 10;
const MAX_SOURCE_BUTTONS = 20;
const MAX_CLOSEST = 5;
const FALLBACK_LIMIT = 3000;

/**
 * Renders an answer as Block Kit: the text with [n] markers, the sources with title, section, page
 * and link, a "Visa källtext" button per source, 👍/👎 and the AI notice. A decline shows the
 * closest passages instead. Buttons carry only `answerId` (and the source number), well under
 * Slack's 2,000-character value limit; the answer itself is stored server-side.
 */
export function renderAnswer(answer: Answer, answerId: string): SlackMessage {
  const labels = LABELS[answer.language];
  const body = splitMrkdwn(answerTextToMrkdwn(answer.text)).slice(0, MAX_ANSWER_SECTIONS).map(section);
  const sources =
    answer.citations.length > 0 ? sourceBlocks(answer.citations, answerId, answer.language) : [];
  const closest = answer.abstained ? closestBlocks(answer.closest, answer.language) : [];
  const footer: types.KnownBlock[] = [
    {
      type: "actions",
      block_id: "samsyn_feedback",
      elements: [
        button(ANSWER_ACTIONS.voteUp, labels.up, answerId),
        button(ANSWER_ACTIONS.voteDown, labels.down, answerId),
      ],
    },
    { type: "context", elements: [{ type: "mrkdwn", text: `_${labels.aiNotice}_` }] },
  ];
  const room = MAX_BLOCKS - footer.length - sources.length - closest.length;
  return {
    text: truncate(answer.text, FALLBACK_LIMIT),
    blocks: [...body.slice(0, Math.max(1, room)), ...sources, ...closest, ...footer].slice(0, MAX_BLOCKS),
  };
}

/** The modal that "Visa källtext" opens: where the passage is, the quoted words and the link. */
export function renderSourceView(citation: Citation, language: Answer["language"] = "sv"): types.ModalView {
  const heading = `*[${citation.n}]* ${escapeMrkdwn(truncate(describeLocation(citation, language), 2900))}`;
  const quote = splitMrkdwn(
    escapeMrkdwn(citation.quote)
      .split("\n")
      .map((line) => `>${line}`)
      .join("\n"),
  ).map(section);
  const link: types.KnownBlock[] = citation.source
    ? [
        {
          type: "context",
          elements: [{ type: "mrkdwn", text: mrkdwnLink(citation.source, citation.source) }],
        },
      ]
    : [];
  return {
    type: "modal",
    title: { type: "plain_text", text: language === "en" ? "Source text" : "Källtext" },
    close: { type: "plain_text", text: language === "en" ? "Close" : "Stäng" },
    blocks: [section(heading), ...quote.slice(0, 90), ...link],
  };
}

function sourceBlocks(
  citations: readonly Citation[],
  answerId: string,
  language: Answer["language"],
): types.KnownBlock[] {
  const labels = LABELS[language];
  const shown = citations.slice(0, MAX_SOURCE_BUTTONS);
  const lines = shown.map((citation) => {
    const where = truncate(describeLocation(citation, language), 400);
    const title = citation.source ? mrkdwnLink(citation.source, where) : escapeMrkdwn(where);
    return `[${citation.n}] ${title}`;
  });
  const contexts: types.KnownBlock[] = [];
  const elements = [`*${labels.sources}*`, ...lines];
  for (let start = 0; start < elements.length; start += MAX_CONTEXT_ELEMENTS) {
    contexts.push({
      type: "context",
      elements: elements
        .slice(start, start + MAX_CONTEXT_ELEMENTS)
        .map((text) => ({ type: "mrkdwn" as const, text: truncate(text, SECTION_TEXT_LIMIT) })),
    });
  }
  const buttons: types.KnownBlock = {
    type: "actions",
    block_id: "samsyn_sources",
    elements: shown.map((citation) =>
      button(
        `${ANSWER_ACTIONS.showSource}:${citation.n}`,
        `${labels.showSource} [${citation.n}]`,
        `${answerId}:${citation.n}`,
      ),
    ),
  };
  return [...contexts, buttons];
}

function closestBlocks(
  passages: readonly PassageReference[],
  language: Answer["language"],
): types.KnownBlock[] {
  if (passages.length === 0) return [];
  const labels = LABELS[language];
  return [
    section(`*${labels.closest}:*`),
    ...passages.slice(0, MAX_CLOSEST).map((passage, index) => {
      const where = truncate(describeLocation(passage, language), 400);
      const title = passage.source ? mrkdwnLink(passage.source, where) : `*${escapeMrkdwn(where)}*`;
      return section(
        truncate(`${index + 1}. ${title}\n>${escapeMrkdwn(passage.excerpt)}`, SECTION_TEXT_LIMIT),
      );
    }),
  ];
}

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function button(actionId: string, label: string, value: string): types.Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: truncate(label, 75), emoji: true },
    value,
  };
}

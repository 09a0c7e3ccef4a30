import { escapeMrkdwn, truncate } from "./mrkdwn.ts";
import type { SlackCommandReply } from "./slack-surface-context.ts";

/** An årshjul as the Slack surface posts it. */
export interface SlackArshjul {
  /** E.g. "Årshjul 2027 – Samverkansberedningen i Laholm". */
  title: string;
  png: Buffer;
  /** The file name without extension, e.g. "arshjul-laholm-samverkansberedning-2027". */
  name: string;
  alt: string;
  /** One line per meeting or deadline. */
  lines: readonly string[];
}

// Slack keeps a file comment to 4,000 characters and alt text to 1,000.
const COMMENT_LIMIT = 3900;
const ALT_LIMIT = 1000;

/** The årshjul as a PNG for the channel, with the year's meetings and deadlines as its comment. */
export function renderSlackArshjul(wheel: SlackArshjul): SlackCommandReply {
  const comment = [`*${escapeMrkdwn(wheel.title)}*`, ...wheel.lines.map((line) => `• ${escapeMrkdwn(line)}`)];
  return {
    text: truncate(comment.join("\n"), COMMENT_LIMIT),
    file: {
      data: wheel.png,
      filename: `${wheel.name}.png`,
      title: wheel.title,
      altText: truncate([wheel.alt, ...wheel.lines].join(" "), ALT_LIMIT),
    },
  };
}

/** Slack's limit for the text of one section block. */
export const SECTION_TEXT_LIMIT = 3000;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A mrkdwn link; `|` and `>` would end the link early, so they are percent-encoded in the URL. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, "%7C").replace(/>/g, "%3E").replace(/</g, "%3C");
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}

/**
 * Turns answer text into mrkdwn: escapes it and maps the Markdown an LLM may write (`**bold**`,
 * `[label](url)`) to Slack's syntax. The [n] markers stay as they are.
 */
export function answerTextToMrkdwn(text: string): string {
  // Links are set aside under private-use placeholders so escaping does not touch them.
  const links: string[] = [];
  const withoutLinks = text.replace(
    /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g,
    (_match, label: string, url: string) => {
      links.push(mrkdwnLink(url, label));
      return `\uE000${links.length - 1}\uE000`;
    },
  );
  return escapeMrkdwn(withoutLinks)
    .replace(/\*\*([^*\n]+)\*\*/g, "*$1*")
    .replace(/^#{1,6}\s+(.+)$/gm, "*$1*")
    .replace(/\uE000(\d+)\uE000/g, (_match, index: string) => links[Number(index)] ?? "");
}

/**
 * Reads a Slack message text as plain text: drops mentions of the bot, shows other mentions,
 * channels and links by their labels, and undoes Slack's escaping.
 */
export function plainTextFromSlack(text: string, botUserId: string | undefined): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_match, userId: string) =>
      userId === botUserId ? "" : `@${userId}`,
    )
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<![^>|]+(?:\|([^>]*))?>/g, (_match, label: string | undefined) => label ?? "")
    .replace(/<([^>|]+)\|([^>]*)>/g, "$2")
    .replace(/<([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Cuts text to at most `max` characters, ending with "…" when something was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Splits mrkdwn into pieces of at most `max` characters, preferring paragraph, line, sentence and
 * word boundaries, so long answers fit in several section blocks without cutting an entity.
 */
export function splitMrkdwn(text: string, max = SECTION_TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = bestCut(window);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

function bestCut(window: string): number {
  let cut = window.length;
  for (const separator of ["\n\n", "\n", ". ", " "]) {
    const at = window.lastIndexOf(separator);
    if (at > window.length / 2) {
      cut = at + separator.length;
      break;
    }
  }
  const prefix = window.slice(0, cut);
  // Never cut inside a <link|label> or an &amp; entity.
  const open = prefix.lastIndexOf("<");
  if (open > 0 && open > prefix.lastIndexOf(">")) return open;
  const entity = prefix.lastIndexOf("&");
  if (entity > 0 && entity > prefix.length - 5 && !prefix.slice(entity).includes(";")) return entity;
  return cut;
}

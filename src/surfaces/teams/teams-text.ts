/** A mention in an incoming activity's `entities` (other entity types are skipped). */
interface Mention {
  type: string;
  mentioned?: { id?: string; name?: string };
  text?: string;
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Reads a Teams message as plain text: drops mentions of Samsyn (`<at>Samsyn</at>`), keeps other
 * mentions as names, removes the HTML Teams may put around text and undoes its escaping.
 */
export function plainTextFromTeams(text: string, entities: readonly object[], botId: string): string {
  let result = text;
  for (const mention of entities as readonly Mention[]) {
    if (mention.type !== "mention" || mention.mentioned?.id !== botId) continue;
    const tag = mention.text ?? (mention.mentioned.name ? `<at>${mention.mentioned.name}</at>` : null);
    if (tag) result = result.split(tag).join(" ");
  }
  return result
    .replace(/<at>([^<]*)<\/at>/gi, "$1")
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (match, name: string) => decodeEntity(match, name))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Prepares answer text (Markdown with [n] markers) for a Teams message: `<` would start an HTML tag
 * in Teams, and headings are not rendered, so they become bold lines.
 */
export function teamsMarkdown(text: string): string {
  return text.replace(/</g, "&lt;").replace(/^#{1,6}\s+(.+)$/gm, "**$1**");
}

/** Cuts text to at most `max` characters, ending with "…" when something was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function decodeEntity(match: string, name: string): string {
  if (!name.startsWith("#")) return ENTITIES[name.toLowerCase()] ?? match;
  const code = /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

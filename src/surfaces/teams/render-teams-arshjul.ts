import { adaptiveCard, textBlock } from "./adaptive-card.ts";
import type { TeamsCommandReply } from "./teams-surface-context.ts";

/** An årshjul as the Teams surface posts it. */
export interface TeamsArshjul {
  /** E.g. "Årshjul 2027 – Samverkansberedningen i Laholm". */
  title: string;
  /** At most 1024×1024 pixels: Teams shows larger pictures not at all. */
  png: Buffer;
  alt: string;
  /** One line per meeting or deadline. */
  lines: readonly string[];
}

/**
 * The årshjul as an Adaptive Card: the picture inline as a `data:` URL (Adaptive Cards 1.2+ take
 * data URIs; Teams leaves base64 pictures out of its 100 KB message limit), expandable to full
 * size, and the year's meetings and deadlines as a short list under it.
 */
export function renderTeamsArshjul(wheel: TeamsArshjul): TeamsCommandReply {
  const body = [
    textBlock(wheel.title, { size: "Large", weight: "Bolder", style: "heading" }),
    {
      type: "Image",
      url: `data:image/png;base64,${wheel.png.toString("base64")}`,
      altText: wheel.alt,
      size: "Stretch",
      msteams: { allowExpand: true },
    },
    textBlock(wheel.lines.map((line) => `- ${line}`).join("\r"), { spacing: "Medium" }),
  ];
  return { text: "", attachments: [adaptiveCard(body, { wide: true })] };
}

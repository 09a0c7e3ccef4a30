import { expect } from "vitest";
import type { RecordedActivity } from "../../fakes/fake-bot-connector.ts";

// Reading what Samsyn sent into Teams: text, citations and Adaptive Cards.

/** The text of a message Samsyn sent. */
export function text(recorded: RecordedActivity): string {
  return String(recorded.activity.text ?? "");
}

interface Claim {
  position: number;
  appearance: { name: string; abstract: string; url?: string; text?: string };
}

/** The schema.org Message entity of a message: its AI label and its citations. */
export function messageEntity(recorded: RecordedActivity): { additionalType?: string[]; citation?: Claim[] } {
  const entities = (recorded.activity.entities ?? []) as { type: string }[];
  return (entities.find((entity) => entity.type === "https://schema.org/Message") ?? {}) as {
    additionalType?: string[];
    citation?: Claim[];
  };
}

/** The titles of the documents a message cites, joined for assertions. */
export function citedTitles(recorded: RecordedActivity): string {
  return (messageEntity(recorded).citation ?? []).map((claim) => claim.appearance.name).join(" | ");
}

/** An element or action of an Adaptive Card, as far as the tests read it. */
export interface CardNode {
  type: string;
  text?: string;
  url?: string;
  altText?: string;
  title?: string;
  actions?: CardNode[];
  items?: CardNode[];
  data?: { msteams?: { type?: string; value?: string } };
}

/** The Adaptive Card a message carries. */
export function cardOf(recorded: RecordedActivity): {
  version: string;
  body: CardNode[];
  actions?: CardNode[];
} {
  const attachments = (recorded.activity.attachments ?? []) as { contentType: string; content: unknown }[];
  const card = attachments.find(
    (attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive",
  );
  expect(card, "an Adaptive Card").toBeDefined();
  return card?.content as { version: string; body: CardNode[]; actions?: CardNode[] };
}

/** Every element and action of a card, nested ones included. */
export function cardNodes(card: { body: CardNode[]; actions?: CardNode[] }): CardNode[] {
  const all: CardNode[] = [];
  const visit = (node: CardNode) => {
    all.push(node);
    for (const child of [...(node.items ?? []), ...(node.actions ?? [])]) visit(child);
  };
  for (const node of [...card.body, ...(card.actions ?? [])]) visit(node);
  return all;
}

/** All text of a card, one element a line. */
export function cardText(card: { body: CardNode[]; actions?: CardNode[] }): string {
  return cardNodes(card)
    .flatMap((node) => (node.text ? [node.text] : []))
    .join("\n");
}

/** The messages the card's imBack buttons send when clicked. */
export function imBackValues(card: { body: CardNode[]; actions?: CardNode[] }): string[] {
  return cardNodes(card)
    .filter((node) => node.type === "Action.Submit" && node.data?.msteams?.type === "imBack")
    .map((node) => node.data?.msteams?.value ?? "");
}

import type { Attachment } from "@microsoft/teams.api";

/** An Adaptive Card element or action, as JSON. */
export type CardElement = Record<string, unknown>;

/** Teams renders Adaptive Cards up to schema 1.5 in every client. */
const CARD_VERSION = "1.5";

/** An Adaptive Card 1.5 as a message attachment; `wide` uses the full width of the conversation. */
export function adaptiveCard(
  body: readonly CardElement[],
  options: { actions?: readonly CardElement[]; wide?: boolean } = {},
): Attachment {
  return {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: CARD_VERSION,
      body,
      ...(options.actions && options.actions.length > 0 ? { actions: options.actions } : {}),
      ...(options.wide ? { msteams: { width: "Full" } } : {}),
    },
  };
}

/**
 * A button that, when clicked, sends `value` as a message from the clicker (Teams' `imBack`): in
 * personal chats, group chats and channels alike, visible to everyone there and answered like typed
 * text. In channels and group chats Teams puts Samsyn's name in front, so it reaches Samsyn.
 */
export function imBackAction(title: string, value: string): CardElement {
  return { type: "Action.Submit", title, data: { msteams: { type: "imBack", value } } };
}

/** A wrapped text block; Adaptive Card text takes a subset of Markdown. */
export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...options };
}

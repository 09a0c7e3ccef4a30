import { z } from "zod";

/** A field Slack sends as an id string in some payloads and as an object (`{ id, … }`) in others. */
const idOrObject = z.union([z.string(), z.looseObject({ id: z.string().optional() })]);

/** The fields of an event that Bolt's matchers and Samsyn's handlers read, with Slack's types. */
const eventSchema = z.looseObject({
  type: z.string(),
  subtype: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  bot_id: z.string().optional(),
  channel: idOrObject.optional(),
  user: idOrObject.optional(),
});

/**
 * The smallest shape of what Slack posts (Events API envelope, interaction payload or slash
 * command): known fields, when present, have the types Slack gives them. Bolt reads them without
 * checking, so a signed body with `event: null` or `actions: [null]` would fail inside Bolt.
 */
export const slackEnvelopeSchema = z
  .looseObject({
    type: z.string().optional(),
    event: eventSchema.optional(),
    actions: z
      .array(z.looseObject({ action_id: z.string().optional(), type: z.string().optional() }))
      .optional(),
    user: idOrObject.optional(),
    channel: idOrObject.optional(),
    team: idOrObject.nullable().optional(),
    command: z.string().optional(),
    text: z.string().optional(),
    response_url: z.string().optional(),
    trigger_id: z.string().optional(),
  })
  .refine((envelope) => envelope.type !== "event_callback" || envelope.event !== undefined, {
    error: "event_callback without event",
  });

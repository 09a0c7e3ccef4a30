import type { Group } from "../knowledge/groups.ts";
import type { NotificationTarget } from "../surfaces/notifier.ts";
import type { RecipientChoice } from "./reminder-rule.ts";

const ADDRESSED_SURFACES = ["slack", "teams"] as const;

/**
 * Where a group's reminders go on one surface. Slack and Teams use the channel and secretary ids
 * in the group file; a surface without such ids (the terminal) gets one "channel" per group, named
 * by the group id. With the default choice, an empty list falls back to the other kind of recipient
 * so that a group with only a secretary (or only a channel) still hears about everything.
 */
export function recipientsFor(
  group: Group,
  surface: string,
  choice: RecipientChoice,
  fallback: boolean,
): NotificationTarget[] {
  const addressed = (ADDRESSED_SURFACES as readonly string[]).includes(surface)
    ? (surface as (typeof ADDRESSED_SURFACES)[number])
    : null;
  const channels: NotificationTarget[] = (addressed ? (group.channels[addressed] ?? []) : [group.id]).map(
    (id) => ({ kind: "channel", id }),
  );
  const secretaries: NotificationTarget[] = addressed
    ? group.secretaries.flatMap((secretary) =>
        secretary[addressed] ? [{ kind: "user" as const, id: secretary[addressed] as string }] : [],
      )
    : [];
  if (choice === "all") return [...channels, ...secretaries];
  const [preferred, other] = choice === "channels" ? [channels, secretaries] : [secretaries, channels];
  return preferred.length > 0 || !fallback ? preferred : other;
}

/** `slack:channel:C123`, the recipient part of an outbox key. */
export function recipientKey(surface: string, target: NotificationTarget): string {
  return `${surface}:${target.kind}:${target.id}`;
}

import { z } from "zod";
import { describeZodIssue } from "../knowledge/describe-zod-issue.ts";
import type { Group } from "../knowledge/groups.ts";
import { withoutNulls } from "../knowledge/without-nulls.ts";
import type { EventKind, Occurrence } from "./calendar-event.ts";
import {
  clockTimeSchema,
  makeRule,
  type RecipientChoice,
  type ReminderRule,
  reminderRuleSchema,
} from "./reminder-rule.ts";

/** Time of day reminders go out when neither rule nor group says otherwise. */
export const DEFAULT_SEND_TIME = "09:00";

/** Rules per kind when neither the event nor the group overrides them. */
export const DEFAULT_RULES: Record<EventKind, readonly ReminderRule[]> = {
  meeting: [makeRule(7, "days"), makeRule(1, "days")],
  deadline: [makeRule(14, "workdays"), makeRule(3, "workdays"), makeRule(1, "workdays"), makeRule(0, "days")],
  report: [makeRule(14, "workdays"), makeRule(3, "workdays"), makeRule(1, "workdays"), makeRule(0, "days")],
  other: [makeRule(1, "days")],
};

/** Meetings are announced in the group's channels; deadlines go to the secretaries who own them. */
export const DEFAULT_RECIPIENTS: Record<EventKind, RecipientChoice> = {
  meeting: "channels",
  deadline: "secretaries",
  report: "secretaries",
  other: "channels",
};

const rules = z.array(reminderRuleSchema);

/** The `reminders:` key of a group file (`knowledge/groups/<id>.yaml`). */
export const groupReminderSettingsSchema = z.strictObject({
  /** false turns reminders off for the group. */
  enabled: z.boolean().default(true),
  /** Default time of day for the group's reminders. */
  at: clockTimeSchema.optional(),
  meeting: rules.optional(),
  deadline: rules.optional(),
  report: rules.optional(),
  other: rules.optional(),
});

/** A group's validated reminder settings. */
export type GroupReminderSettings = z.output<typeof groupReminderSettingsSchema>;

/** Reads a group's `reminders:` settings; invalid settings are reported in Swedish and the defaults used. */
export function groupReminderSettings(group: Group): {
  settings: GroupReminderSettings;
  problem: string | null;
} {
  const input = withoutNulls(group.reminders ?? {});
  const result = groupReminderSettingsSchema.safeParse(input);
  if (result.success) return { settings: result.data, problem: null };
  const reasons = result.error.issues.map((issue) =>
    describeZodIssue({ ...issue, path: ["reminders", ...issue.path] }, { reminders: input }),
  );
  return {
    settings: groupReminderSettingsSchema.parse({}),
    problem: `groups/${group.id}.yaml: ${reasons.join("; ")} – standardreglerna används`,
  };
}

/** A rule resolved for one occurrence: its send time and recipient choice filled in. */
export interface ResolvedRule {
  rule: ReminderRule;
  at: string;
  to: RecipientChoice;
  /** Whether `to` was chosen by default (then an empty recipient list falls back to the other kind). */
  defaultRecipients: boolean;
}

/** The rules that apply to an occurrence: the event's, else the group's for the kind, else the defaults. */
export function rulesFor(
  occurrence: Occurrence,
  settings: GroupReminderSettings | undefined,
): ResolvedRule[] {
  if (settings && !settings.enabled) return [];
  const kind = occurrence.event.kind;
  const chosen = occurrence.event.reminders ?? settings?.[kind] ?? DEFAULT_RULES[kind];
  return chosen.map((rule) => ({
    rule,
    at: rule.at ?? settings?.at ?? DEFAULT_SEND_TIME,
    to: rule.to ?? DEFAULT_RECIPIENTS[kind],
    defaultRecipients: rule.to === null,
  }));
}

import type { DateTime } from "luxon";
import type { Catalog } from "../index/catalog.ts";
import type { Group } from "../knowledge/groups.ts";
import type { CalendarEvent, Occurrence } from "./calendar-event.ts";
import { recipientKey, recipientsFor } from "./recipients.ts";
import type { PlannedDelivery } from "./reminder-outbox.ts";
import type { ReminderPayload } from "./reminder-payload.ts";
import { describeRule, type ReminderRule, reminderTime } from "./reminder-rule.ts";
import { type GroupReminderSettings, type ResolvedRule, rulesFor } from "./reminder-settings.ts";
import { isoWithOffset } from "./stockholm-time.ts";

/** Titles and sources of knowledge documents, for links in reminders (the catalog fits). */
export type DocumentLookup = Pick<Catalog, "document">;

/** One rule's send time for an occurrence. */
export interface PlannedTime {
  rule: ReminderRule;
  resolved: ResolvedRule;
  at: DateTime;
}

/** The times an occurrence's rules fire, earliest first; rules that would fire after it has started are left out. */
export function plannedTimes(
  occurrence: Occurrence,
  settings: GroupReminderSettings | undefined,
): PlannedTime[] {
  return rulesFor(occurrence, settings)
    .map((resolved) => ({
      rule: resolved.rule,
      resolved,
      at: reminderTime(occurrence.start, resolved.rule, resolved.at),
    }))
    .filter((planned) => planned.at < occurrence.usefulUntil)
    .sort((left, right) => left.at.toMillis() - right.at.toMillis());
}

/** How many days before an occurrence its earliest reminder can fire, so the planner expands far enough ahead. */
export function longestLead(
  events: readonly CalendarEvent[],
  settings: ReadonlyMap<string, GroupReminderSettings>,
): number {
  let longest = 31;
  for (const event of events) {
    const groupSettings = event.groupId ? settings.get(event.groupId) : undefined;
    const rules = event.reminders ?? groupSettings?.[event.kind] ?? [];
    for (const rule of rules)
      longest = Math.max(longest, rule.unit === "days" ? rule.amount + 1 : Math.ceil(rule.amount * 1.5) + 12);
  }
  return longest;
}

/** Input of one planning pass. */
export interface PlanInput {
  events: readonly CalendarEvent[];
  groups: ReadonlyMap<string, Group>;
  settings: ReadonlyMap<string, GroupReminderSettings>;
  surfaces: readonly string[];
  /** Deliveries due in [from, to] are planned. */
  from: DateTime;
  to: DateTime;
  documents?: DocumentLookup | undefined;
}

/** Every delivery (occurrence × rule × recipient on each surface) due in the window. */
export function planDeliveries(input: PlanInput): PlannedDelivery[] {
  const lead = longestLead(input.events, input.settings);
  const deliveries: PlannedDelivery[] = [];
  const seen = new Set<string>();
  for (const event of input.events) {
    const group = event.groupId ? input.groups.get(event.groupId) : undefined;
    if (!group) continue;
    const settings = input.settings.get(group.id);
    for (const occurrence of event.occurrences(input.from, input.to.plus({ days: lead }))) {
      for (const planned of plannedTimes(occurrence, settings)) {
        if (planned.at < input.from || planned.at > input.to) continue;
        const payload = payloadOf(occurrence, group, planned.rule, input.documents);
        for (const surface of input.surfaces) {
          for (const target of recipientsFor(
            group,
            surface,
            planned.resolved.to,
            planned.resolved.defaultRecipients,
          )) {
            const recipient = recipientKey(surface, target);
            // Two rules landing on the same minute (e.g. "1 arbetsdag" and "på dagen" for a Monday deadline) send once.
            const sameMoment = `${occurrence.key}|${recipient}|${planned.at.toMillis()}`;
            if (seen.has(sameMoment)) continue;
            seen.add(sameMoment);
            deliveries.push({
              key: `${occurrence.key}|${planned.rule.id}|${recipient}`,
              occurrenceKey: occurrence.key,
              eventId: event.id,
              groupId: group.id,
              ruleId: planned.rule.id,
              surface,
              target,
              dueAt: planned.at.toMillis(),
              usefulUntil: occurrence.usefulUntil.toMillis(),
              payload,
            });
          }
        }
      }
    }
  }
  return deliveries;
}

/** The stored content of a reminder for one occurrence and rule. */
export function payloadOf(
  occurrence: Occurrence,
  group: Group,
  rule: ReminderRule,
  documents?: DocumentLookup,
): ReminderPayload {
  return {
    kind: occurrence.event.kind,
    title: occurrence.title,
    groupName: group.name,
    start: isoWithOffset(occurrence.start),
    end: occurrence.end ? isoWithOffset(occurrence.end) : null,
    allDay: occurrence.allDay,
    location: occurrence.location,
    prepare: occurrence.event.prepare,
    notes: occurrence.event.notes,
    documents: occurrence.event.documents.map((id) => {
      const document = documents?.document(id);
      return { id, title: document?.title ?? id, url: document?.source ?? null };
    }),
    ruleLabel: describeRule(rule),
  };
}

import path from "node:path";
import type { Group } from "../knowledge/groups.ts";
import { renderArshjulSvg } from "../reminders/arshjul.ts";
import { arshjulItems } from "../reminders/arshjul-items.ts";
import { loadCalendar } from "../reminders/load-calendar.ts";
import type { ReminderService } from "../reminders/reminder-service.ts";
import { describeWhen } from "../reminders/reminder-text.ts";
import { isoWithOffset } from "../reminders/stockholm-time.ts";
import { formatUpcoming } from "../reminders/upcoming.ts";
import type { WebPanel, WebPanelRequest } from "../surfaces/web/web-panels.ts";

/** How far ahead chat commands and the web panel look. */
const DAYS_AHEAD = 60;

/** Connects the reminders module to the chat surfaces' commands and the web panel. */
export class ReminderBridge {
  private readonly groupsById: Map<string, Group>;

  constructor(
    private readonly reminders: ReminderService,
    groups: readonly Group[],
    private readonly knowledgeDir?: string,
  ) {
    this.groupsById = new Map(groups.map((group) => [group.id, group]));
  }

  /** `möten` / `påminnelser` for the first of the given groups, or all groups when none is given. */
  async list(mode: "meetings" | "reminders", groupIds: readonly string[]): Promise<string> {
    const group = groupIds.map((id) => this.groupsById.get(id)).find((found) => found !== undefined) ?? null;
    const items = await this.reminders.upcoming(group?.id ?? null, DAYS_AHEAD);
    return formatUpcoming(items, { mode, group, days: DAYS_AHEAD });
  }

  /** The next meetings of a group, worded for the onboarding introduction. */
  async meetings(groupId: string): Promise<{ title: string; when: string }[]> {
    const items = await this.reminders.upcoming(groupId, 120);
    return items.map((item) => ({
      title: item.occurrence.title,
      when: describeWhen(
        isoWithOffset(item.occurrence.start),
        item.occurrence.end ? isoWithOffset(item.occurrence.end) : null,
        item.occurrence.allDay,
      ),
    }));
  }

  /** A click on "Klar" or "Påminn mig i morgon" under a reminder. */
  action(value: string, user: string): string | null {
    if (value.startsWith("reminder:done:")) return this.reminders.markDone(value, user).message;
    if (value.startsWith("reminder:snooze:")) return this.reminders.snooze(value, user).message;
    return null;
  }

  /** The web page's "Kommande möten och tidsfrister" panel. */
  async panel(request: WebPanelRequest): Promise<WebPanel> {
    const items = await this.reminders.upcoming(request.groupId, DAYS_AHEAD);
    const visible = items.filter(
      (item) => request.admin || item.group.visibility === "public" || request.groupId,
    );
    const picture = await this.wheel(request.groupId);
    if (visible.length === 0) {
      return {
        sections: [],
        emptyText: `Inga möten eller tidsfrister de närmaste ${DAYS_AHEAD} dagarna.`,
        picture,
      };
    }
    return {
      picture,
      sections: [
        {
          heading: null,
          items: visible.map((item) => ({
            title: item.occurrence.title,
            when: describeWhen(
              isoWithOffset(item.occurrence.start),
              item.occurrence.end ? isoWithOffset(item.occurrence.end) : null,
              item.occurrence.allDay,
            ),
            detail: [item.group.name, item.occurrence.location, item.done ? "Klar" : null]
              .filter(Boolean)
              .join(" · "),
          })),
        },
      ],
    };
  }

  /** The chosen group's årshjul for this year, when a group is chosen and the calendar can be read. */
  private async wheel(groupId: string | null): Promise<{ svg: string; alt: string } | null> {
    const group = groupId ? this.groupsById.get(groupId) : undefined;
    if (!group || !this.knowledgeDir) return null;
    const calendar = await loadCalendar(path.join(this.knowledgeDir, "calendar"), [
      ...this.groupsById.values(),
    ]);
    const year = new Date().getFullYear();
    const items = arshjulItems(calendar.events, group.id, year);
    if (items.length === 0) return null;
    return {
      svg: renderArshjulSvg({ groupName: group.name, year, items }),
      alt: `Årshjul ${year} för ${group.name}: möten och sista dagar under året.`,
    };
  }
}

import path from "node:path";
import type { Group } from "../knowledge/groups.ts";
import { type ArshjulItem, arshjulPng, renderArshjulSvg } from "../reminders/arshjul.ts";
import { renderCompactArshjulSvg } from "../reminders/arshjul-compact.ts";
import { arshjulItems } from "../reminders/arshjul-items.ts";
import { type ArshjulWindow, comingTwelveMonths, describeWindow } from "../reminders/arshjul-window.ts";
import { KIND_LABELS } from "../reminders/calendar-event.ts";
import { loadCalendar } from "../reminders/load-calendar.ts";
import type { ReminderService } from "../reminders/reminder-service.ts";
import { describeWhen } from "../reminders/reminder-text.ts";
import { inStockholm, isoWithOffset, swedishDate } from "../reminders/stockholm-time.ts";
import { formatUpcoming } from "../reminders/upcoming.ts";
import { type Audience, groupsInView, shownGroups } from "../retrieval/scope.ts";
import type { WebPanel, WebPanelPicture, WebPanelRequest } from "../surfaces/web/web-panels.ts";
import { resolveArshjulRequest } from "./arshjul-request.ts";

/** How far ahead chat commands and the web panel look. */
const DAYS_AHEAD = 60;

const SHORT_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** A group's årshjul for one year, in the forms the surfaces post it. */
export interface GroupArshjul {
  group: Group;
  year: number;
  /** The year's meetings and deadlines, in date order. */
  items: ArshjulItem[];
  svg: string;
  /** Swedish alternative text for the picture. */
  alt: string;
  /** One short Swedish line per item, e.g. "9 feb: Samverkansberedningens sammanträde (möte)". */
  lines: string[];
  /** The picture as PNG, at its own size or scaled to `width` pixels. */
  png(options?: { width?: number }): Buffer;
}

/** The `årshjul` command's outcome: a wheel, or a Swedish message saying why there is none. */
export type ArshjulOutcome = { wheel: GroupArshjul } | { problem: string };

/** Options of the bridge. */
export interface ReminderBridgeOptions {
  /** The current time, for "this year"; the system clock unless given. */
  now?: () => Date;
}

/** Connects the reminders module to the chat surfaces' commands and the web panel. */
export class ReminderBridge {
  private readonly groupsById: Map<string, Group>;
  private readonly now: () => Date;

  constructor(
    private readonly reminders: ReminderService,
    private readonly groups: readonly Group[],
    private readonly knowledgeDir?: string,
    options: ReminderBridgeOptions = {},
  ) {
    this.groupsById = new Map(groups.map((group) => [group.id, group]));
    this.now = options.now ?? (() => new Date());
  }

  /**
   * `möten` / `påminnelser`: the audience's own groups, or where it belongs to none every group it
   * may see (public ones, and for the administrator all); an internal group's dates stay in its channels.
   */
  async list(mode: "meetings" | "reminders", audience: Audience): Promise<string> {
    const inView = groupsInView(audience, this.groups);
    const items = await this.visibleUpcoming(inView, DAYS_AHEAD);
    const group = inView.length === 1 ? (inView[0] ?? null) : null;
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

  /**
   * `årshjul [grupp] [år]`: the named group, or the audience's only group, for the given year or
   * this one. Only groups the audience may see can be named or are listed.
   */
  async arshjul(argument: string, audience: Audience): Promise<ArshjulOutcome> {
    const request = resolveArshjulRequest(argument, shownGroups(audience, this.groups), {
      groupIds: audience.home,
      currentYear: this.currentYear(),
    });
    if ("problem" in request) return request;
    const wheel = await this.wheel(request.group, request.year);
    if (!wheel) {
      return {
        problem: `Kalendern har inga möten eller sista dagar för ${request.group.name} under ${request.year}.`,
      };
    }
    return { wheel };
  }

  /** A group's årshjul for a year; null when the calendar has nothing for it or cannot be read. */
  async wheel(group: Group, year: number): Promise<GroupArshjul | null> {
    const items = await this.wheelItems(group, year);
    if (items.length === 0) return null;
    const svg = renderArshjulSvg({ groupName: group.name, year, items });
    const count = items.length === 1 ? "1 möte eller sista dag" : `${items.length} möten och sista dagar`;
    return {
      group,
      year,
      items,
      svg,
      alt: `Årshjul ${year} för ${group.name}: ${count} under året.`,
      lines: items.map((item) => {
        const local = inStockholm(item.date.toMillis());
        return `${local.day} ${SHORT_MONTHS[local.month - 1]}: ${item.title} (${KIND_LABELS[item.kind]})`;
      }),
      png: (options) => arshjulPng(svg, options),
    };
  }

  /** A click on "Klar" or "Påminn mig i morgon" under a reminder. */
  action(value: string, user: string): string | null {
    if (value.startsWith("reminder:done:")) return this.reminders.markDone(value, user).message;
    if (value.startsWith("reminder:snooze:")) return this.reminders.snooze(value, user).message;
    return null;
  }

  /** The web page's "Kommande möten och tidsfrister" panel, with the chosen group's årshjul. */
  async panel(request: WebPanelRequest): Promise<WebPanel> {
    const inView = groupsInView(request.audience, this.groups);
    const visible = await this.visibleUpcoming(inView, DAYS_AHEAD);
    const chosen = inView.find((group) => group.id === request.groupId);
    const picture = chosen ? await this.panelWheel(chosen) : null;
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

  /** The panel's årshjul: the coming twelve months (not the calendar year), small, numbered and listed in words. */
  private async panelWheel(group: Group): Promise<WebPanelPicture | null> {
    const window = comingTwelveMonths(this.now());
    const items = await this.wheelItems(group, window);
    if (items.length === 0) return null;
    const count = items.length === 1 ? "1 möte eller sista dag" : `${items.length} möten och sista dagar`;
    return {
      svg: renderCompactArshjulSvg({ groupName: group.name, window, items }),
      alt: `Årshjul ${describeWindow(window)} för ${group.name}: ${count}, numrerade som i listan under bilden.`,
      itemsHeading: "Årshjulets punkter",
      items: items.map((item) => ({
        title: item.title,
        when: swedishDate(item.date),
        detail: KIND_LABELS[item.kind],
      })),
    };
  }

  /** A group's calendar items in a year or a twelve-month window, in date order. */
  private async wheelItems(group: Group, period: number | ArshjulWindow): Promise<ArshjulItem[]> {
    if (!this.knowledgeDir) return [];
    const calendar = await loadCalendar(path.join(this.knowledgeDir, "calendar"), [
      ...this.groupsById.values(),
    ]);
    return arshjulItems(calendar.events, group.id, period);
  }

  /** Upcoming occurrences of these groups only. */
  private async visibleUpcoming(groups: readonly Group[], days: number) {
    const ids = new Set(groups.map((group) => group.id));
    const only = groups.length === 1 ? (groups[0]?.id ?? null) : null;
    const items = await this.reminders.upcoming(only, days);
    return items.filter((item) => ids.has(item.group.id));
  }

  private currentYear(): number {
    return inStockholm(this.now()).year;
  }
}

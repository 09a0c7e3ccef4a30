import { describe, expect, it } from "vitest";
import type { ArshjulItem } from "../../src/reminders/arshjul.ts";
import { arshjulPng, renderArshjulSvg } from "../../src/reminders/arshjul.ts";
import { renderCompactArshjulSvg } from "../../src/reminders/arshjul-compact.ts";
import { type LabelBox, stackLabels } from "../../src/reminders/arshjul-labels.ts";
import {
  calendarYearWindow,
  comingTwelveMonths,
  describeWindow,
  SHORT_MONTHS,
} from "../../src/reminders/arshjul-window.ts";
import { stockholmDateTime } from "../../src/reminders/stockholm-time.ts";

const LONG_TITLE = "Kallelse och handlingar till samverkansberedningen skickas ut";
const ITEMS: ArshjulItem[] = [
  { date: stockholmDateTime("2027-01-26"), title: LONG_TITLE, kind: "deadline" },
  {
    date: stockholmDateTime("2027-02-09", "13:00"),
    title: "Samverkansberedningens sammanträde",
    kind: "meeting",
  },
  { date: stockholmDateTime("2027-04-20"), title: "Uppföljningsrapport 1 lämnas in", kind: "report" },
  { date: stockholmDateTime("2027-04-21"), title: "Kallelse & data", kind: "deadline" },
];

/** The visible words of an SVG, one string per <text>. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].map((match) =>
    (match[1] ?? "")
      .replace(/<tspan x=[^>]*>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

describe("the årshjul's twelve months", () => {
  it("looks ahead from the current month, into the next year in December", () => {
    const window = comingTwelveMonths(new Date("2026-12-10T08:00:00+01:00"));
    expect(window.start.toISODate()).toBe("2026-12-01");
    expect(window.end.toISODate()).toBe("2027-12-01");
    expect(describeWindow(window)).toBe("dec 2026 – nov 2027");
  });

  it("is January to December for a calendar year", () => {
    const window = calendarYearWindow(2027);
    expect([window.start.toISODate(), window.end.toISODate()]).toEqual(["2027-01-01", "2028-01-01"]);
    expect(describeWindow(window)).toBe("2027");
  });

  it("puts the window's first month at the top, in order", () => {
    const window = comingTwelveMonths(new Date("2026-12-10T08:00:00+01:00"));
    const svg = renderArshjulSvg({ groupName: "Samverkansberedningen i Laholm", window, items: ITEMS });
    const months = texts(svg).filter((text) => SHORT_MONTHS.includes(text));
    expect(months).toEqual([...SHORT_MONTHS.slice(11), ...SHORT_MONTHS.slice(0, 11)]);
    expect(svg).toContain("Årshjul dec 2026 – nov 2027 – Samverkansberedningen i Laholm");
  });
});

describe("the årshjul picture", () => {
  const svg = renderArshjulSvg({ groupName: "Samverkansberedningen i Laholm", year: 2027, items: ITEMS });

  it("labels every item in full, horizontally, with its date", () => {
    const words = texts(svg).join(" ");
    expect(words).toContain("26 jan Kallelse och handlingar till samverkansberedningen skickas ut");
    expect(words).toContain("9 feb Sammanträde");
    expect(words).toContain("21 apr Kallelse &amp; data");
    expect(svg).not.toContain("…");
    expect(svg).not.toContain("rotate(");
  });

  it("lists in the legend only the kinds it shows, each with its own shape", () => {
    const legend = texts(svg).filter((text) => ["möte", "sista dag", "rapport", "övrigt"].includes(text));
    expect(legend).toEqual(["möte", "sista dag", "rapport"]);
    const onlyMeetings = renderArshjulSvg({ groupName: "G", year: 2027, items: ITEMS.slice(1, 2) });
    expect(texts(onlyMeetings).filter((text) => ["sista dag", "rapport", "övrigt"].includes(text))).toEqual(
      [],
    );
    // A deadline is a triangle and a report a square, not two diamonds in different colours.
    expect(svg.match(/<rect x=/g)).toHaveLength(2); // the report's mark and its legend entry
    expect(svg.match(/<circle cx=[^>]*fill="#1f5f99"/g)).toHaveLength(2);
  });

  it("keeps labels from overlapping when many items fall in the same weeks", () => {
    const crowded: ArshjulItem[] = Array.from({ length: 14 }, (_, index) => ({
      date: stockholmDateTime(`2027-03-${String(index + 1).padStart(2, "0")}`),
      title: `${LONG_TITLE} ${index + 1}`,
      kind: "deadline",
    }));
    const boxes: LabelBox[] = crowded.map((_, index) => ({
      index,
      side: "right",
      ideal: 500,
      height: 63,
      lines: [],
    }));
    const bottom = stackLabels(boxes, 90, 950, 10);
    const tops = boxes.map((box) => box.top ?? 0).sort((left, right) => left - right);
    for (let index = 1; index < tops.length; index++) {
      expect((tops[index] ?? 0) - (tops[index - 1] ?? 0)).toBeGreaterThanOrEqual(73);
    }
    expect(tops[0]).toBeGreaterThanOrEqual(90);
    expect(bottom).toBeGreaterThan(950);
    const tall = renderArshjulSvg({ groupName: "G", year: 2027, items: crowded });
    expect(Number(/height="(\d+)"/.exec(tall)?.[1])).toBeGreaterThan(bottom);
  });

  it("renders to a PNG", () => {
    const png = arshjulPng(svg);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1500);
    expect(arshjulPng(svg, { width: 1024 }).readUInt32BE(16)).toBe(1024);
  });
});

describe("the side panel's årshjul", () => {
  const window = comingTwelveMonths(new Date("2026-12-10T08:00:00+01:00"));
  const svg = renderCompactArshjulSvg({ groupName: "Samverkansberedningen i Laholm", window, items: ITEMS });

  it("numbers its marks in date order instead of printing labels too small to read", () => {
    const numbers = texts(svg).filter((text) => /^\d+$/.test(text));
    expect(numbers).toEqual(["1", "2", "3", "4"]);
    expect(svg).not.toContain(LONG_TITLE);
    expect(svg).not.toContain("rotate(");
    expect(Number(/width="(\d+)"/.exec(svg)?.[1])).toBeLessThanOrEqual(360);
  });

  it("shows the period and only the kinds used", () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(["dec 2026 –", "nov 2027"]));
    expect(texts(svg).filter((text) => ["möte", "sista dag", "rapport", "övrigt"].includes(text))).toEqual([
      "möte",
      "sista dag",
      "rapport",
    ]);
  });
});

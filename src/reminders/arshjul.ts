import { Resvg } from "@resvg/resvg-js";
import type { DateTime } from "luxon";
import { type LabelBox, stackLabels } from "./arshjul-labels.ts";
import {
  escapeXml,
  fixed,
  KIND_COLORS,
  kindMark,
  legend,
  polarPoint,
  ringSector,
  wrapWords,
} from "./arshjul-marks.ts";
import {
  type ArshjulWindow,
  angleInWindow,
  calendarYearWindow,
  describeWindow,
  SHORT_MONTHS,
} from "./arshjul-window.ts";
import type { EventKind } from "./calendar-event.ts";

/** One mark on the wheel. */
export interface ArshjulItem {
  date: DateTime;
  title: string;
  kind: EventKind;
}

/** What to draw: a calendar year (`year`) or any twelve months (`window`, e.g. the coming ones). */
export interface ArshjulOptions {
  groupName: string;
  items: readonly ArshjulItem[];
  year?: number;
  window?: ArshjulWindow;
}

const WIDTH = 1500;
const CENTER = { x: WIDTH / 2, y: 520 };
const RING_OUTER = 330;
const RING_INNER = 280;
const MARK_RADIUS = 262;
const HUB = 122;
/** Labels stand in two columns beside the wheel, horizontal and wrapped, never cut. */
const LABEL_GAP_FROM_RING = 70;
const LABEL_FONT = 17;
const LABEL_LINE = 21;
const LABEL_CHARACTERS = 30;
const LABELS_TOP = 90;
const LABELS_BOTTOM = 950;
const MONTH_FILLS = ["#e8f1f8", "#f5f9fc"];
const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

/** The window an options object asks for; a calendar year unless `window` is given. */
export function arshjulWindow(options: Pick<ArshjulOptions, "year" | "window">): ArshjulWindow {
  return options.window ?? calendarYearWindow(options.year ?? new Date().getFullYear());
}

/**
 * Twelve months of meetings and deadlines as an annual wheel (årshjul), for posting as a picture:
 * month sectors from the top, clockwise; each kind with its own shape and colour; every item with a
 * horizontal, dated label beside the wheel, wrapped rather than cut; a legend of the kinds shown.
 */
export function renderArshjulSvg(options: ArshjulOptions): string {
  const window = arshjulWindow(options);
  const period = describeWindow(window);
  const parts: string[] = [];
  const angleOf = (date: DateTime) => angleInWindow(window, date);

  for (let index = 0; index < 12; index++) {
    const monthStart = window.start.plus({ months: index });
    const start = angleOf(monthStart);
    const end = angleOf(monthStart.plus({ months: 1 }));
    parts.push(
      `<path d="${sector(start, end, 0, RING_OUTER)}" fill="${MONTH_FILLS[index % 2]}" stroke="#ffffff" stroke-width="2"/>`,
      `<path d="${sector(start, end, RING_INNER, RING_OUTER)}" fill="${index % 2 ? "#2c6e9e" : "#245b84"}"/>`,
    );
    const at = point((start + end) / 2, (RING_INNER + RING_OUTER) / 2);
    parts.push(
      `<text x="${fixed(at.x)}" y="${fixed(at.y)}" text-anchor="middle" dominant-baseline="central" font-size="20" font-weight="bold" fill="#ffffff">${SHORT_MONTHS[monthStart.month - 1]}</text>`,
    );
  }

  const items = [...options.items]
    .filter((item) => item.date >= window.start && item.date < window.end)
    .sort((left, right) => left.date.toMillis() - right.date.toMillis());
  const boxes: LabelBox[] = items.map((item, index) => {
    const angle = angleOf(item.date);
    const lines = wrapWords(
      `${item.date.day} ${SHORT_MONTHS[item.date.month - 1]} ${shortTitle(item.title, options.groupName)}`,
      LABEL_CHARACTERS,
    );
    return {
      index,
      side: angle < 180 ? "right" : "left",
      ideal: point(angle, RING_OUTER + 12).y,
      height: lines.length * LABEL_LINE,
      lines,
    };
  });
  const bottom = stackLabels(boxes, LABELS_TOP, LABELS_BOTTOM, 10);
  boxes.forEach((box) => {
    const item = items[box.index];
    const top = box.top;
    if (!item || top === undefined) return;
    const angle = angleOf(item.date);
    const color = KIND_COLORS[item.kind];
    const right = box.side === "right";
    const textX = CENTER.x + (right ? 1 : -1) * (RING_OUTER + LABEL_GAP_FROM_RING);
    const middle = top + box.height / 2;
    const mark = point(angle, MARK_RADIUS);
    const inner = point(angle, RING_INNER);
    const outer = point(angle, RING_OUTER);
    const outside = point(angle, RING_OUTER + 12);
    const elbowX = textX + (right ? -10 : 10);
    // The leader skips the month ring, so it never runs through a month's name.
    parts.push(
      `<path d="M${fixed(mark.x)} ${fixed(mark.y)} L${fixed(inner.x)} ${fixed(inner.y)} M${fixed(outer.x)} ${fixed(outer.y)} L${fixed(outside.x)} ${fixed(outside.y)} L${fixed(elbowX)} ${fixed(middle)}" stroke="${color}" stroke-width="1.4" fill="none"/>`,
      kindMark(item.kind, mark.x, mark.y, 9),
    );
    const [first = "", ...rest] = box.lines;
    const dateText = `${item.date.day} ${SHORT_MONTHS[item.date.month - 1]}`;
    const firstLine = first.startsWith(dateText)
      ? `<tspan font-weight="bold">${dateText}</tspan>${escapeXml(first.slice(dateText.length))}`
      : escapeXml(first);
    const lines = [firstLine, ...rest.map(escapeXml)]
      .map(
        (line, lineIndex) =>
          `<tspan x="${fixed(textX)}" y="${fixed(top + LABEL_LINE * (lineIndex + 0.75))}">${line}</tspan>`,
      )
      .join("");
    parts.push(
      `<text text-anchor="${right ? "start" : "end"}" font-size="${LABEL_FONT}" fill="#1d2733">${lines}</text>`,
    );
  });

  parts.push(
    `<circle cx="${CENTER.x}" cy="${CENTER.y}" r="${HUB}" fill="#ffffff" stroke="#245b84" stroke-width="3"/>`,
  );
  parts.push(hubText(options.groupName, window, period));
  const legendY = Math.max(LABELS_BOTTOM, bottom) + 45;
  parts.push(legend(new Set(items.map((item) => item.kind)), CENTER.x, legendY, 18));
  if (items.length === 0) {
    parts.push(
      `<text x="${CENTER.x}" y="${CENTER.y + 190}" text-anchor="middle" font-size="18" fill="#5f6b7a">Inga möten eller sista dagar i kalendern</text>`,
    );
  }
  const height = legendY + 45;
  const title = `Årshjul ${period} – ${escapeXml(options.groupName)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">
<title>${title}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${CENTER.x}" y="52" text-anchor="middle" font-size="28" font-weight="bold" fill="#1d2733">${title}</text>
${parts.join("\n")}
</svg>
`;
}

/**
 * Renders the wheel's SVG to PNG (system fonts; DejaVu Sans or Arial when present), at its own
 * size or scaled to `width` pixels (Teams shows pictures up to 1024×1024).
 */
export function arshjulPng(svg: string, options: { width?: number } = {}): Buffer {
  return new Resvg(svg, {
    ...(options.width ? { fitTo: { mode: "width" as const, value: options.width } } : {}),
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  })
    .render()
    .asPng();
}

/** The group's name and the period, inside the hub. */
function hubText(groupName: string, window: ArshjulWindow, period: string): string {
  const nameLines = wrapWords(groupName, 16).slice(0, 4);
  // Bold DejaVu is about 0.68 em per character; the longest line must fit inside the hub.
  const nameSize = Math.min(
    21,
    Math.floor((HUB * 1.7) / (0.68 * Math.max(...nameLines.map((line) => line.length)))),
  );
  const periodLines =
    window.start.month === 1
      ? [period]
      : period.split(" – ").map((part, index) => (index === 0 ? `${part} –` : part));
  const periodSize = periodLines.length === 1 ? 40 : 22;
  const blockHeight = nameLines.length * nameSize * 1.2 + 10 + periodLines.length * periodSize * 1.1;
  let y = CENTER.y - blockHeight / 2 + nameSize;
  const parts = nameLines.map((line) => {
    const text = `<text x="${CENTER.x}" y="${fixed(y)}" text-anchor="middle" font-size="${nameSize}" font-weight="bold" fill="#1d2733">${escapeXml(line)}</text>`;
    y += nameSize * 1.2;
    return text;
  });
  y += 10 + periodSize * 0.9 - nameSize * 0.2;
  for (const line of periodLines) {
    parts.push(
      `<text x="${CENTER.x}" y="${fixed(y)}" text-anchor="middle" font-size="${periodSize}" font-weight="bold" fill="#245b84">${line}</text>`,
    );
    y += periodSize * 1.1;
  }
  return parts.join("\n");
}

function point(angle: number, radius: number): { x: number; y: number } {
  return polarPoint(CENTER, angle, radius);
}

function sector(start: number, end: number, inner: number, outer: number): string {
  return ringSector(CENTER, start, end, inner, outer);
}

/** Drops what the wheel already says: leading words of the group's name ("Samverkansberedningens sammanträde" → "Sammanträde"). */
export function shortTitle(title: string, groupName: string): string {
  const groupWords = groupName
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.slice(0, 8));
  let words = title.split(/\s+/);
  while (words.length > 1 && groupWords.includes((words[0] ?? "").toLowerCase().slice(0, 8)))
    words = words.slice(1);
  const short = words.join(" ");
  return short.charAt(0).toUpperCase() + short.slice(1);
}

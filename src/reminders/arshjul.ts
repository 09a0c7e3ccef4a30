import { Resvg } from "@resvg/resvg-js";
import type { DateTime } from "luxon";
import type { EventKind } from "./calendar-event.ts";
import { MONTHS } from "./stockholm-time.ts";

/** One mark on the wheel. */
export interface ArshjulItem {
  date: DateTime;
  title: string;
  kind: EventKind;
}

const SIZE = 1100;
const CENTER = { x: SIZE / 2, y: 560 };
const MONTH_OUTER = 470;
const MONTH_INNER = 405;
const MARK_RADIUS = 388;
const LABEL_START = 372;
const HUB = 140;
const LABEL_CHARACTERS = 26;
const MIN_LABEL_GAP = 3.4;
const SHORT_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const COLORS: Record<EventKind, string> = {
  meeting: "#1f5f99",
  deadline: "#c0392b",
  report: "#d35400",
  other: "#6c757d",
};
const MONTH_FILLS = ["#e8f1f8", "#f5f9fc"];
const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

/**
 * The year's meetings and deadlines as an annual wheel (årshjul): twelve month sectors starting at
 * the top, clockwise; meetings as circles, deadlines and reports as diamonds, each with a radial
 * label; the group name and year in the centre.
 */
export function renderArshjulSvg(options: {
  groupName: string;
  year: number;
  items: readonly ArshjulItem[];
}): string {
  const parts: string[] = [];
  const daysInYear =
    (options.year % 4 === 0 && options.year % 100 !== 0) || options.year % 400 === 0 ? 366 : 365;
  const angleOf = (date: DateTime) => ((date.ordinal - 0.5) / daysInYear) * 360;

  let dayOfYear = 0;
  MONTHS.forEach((month, index) => {
    const days = new Date(Date.UTC(options.year, index + 1, 0)).getUTCDate();
    const start = (dayOfYear / daysInYear) * 360;
    const end = ((dayOfYear + days) / daysInYear) * 360;
    dayOfYear += days;
    parts.push(
      `<path d="${sector(start, end, 0, MONTH_OUTER)}" fill="${MONTH_FILLS[index % 2]}" stroke="#ffffff" stroke-width="2"/>`,
    );
    parts.push(
      `<path d="${sector(start, end, MONTH_INNER, MONTH_OUTER)}" fill="${index % 2 ? "#2c6e9e" : "#245b84"}"/>`,
    );
    const middle = (start + end) / 2;
    const labelPoint = point(middle, (MONTH_INNER + MONTH_OUTER) / 2);
    const upright = middle > 90 && middle < 270 ? middle + 180 : middle;
    parts.push(
      `<text x="${fixed(labelPoint.x)}" y="${fixed(labelPoint.y)}" transform="rotate(${fixed(upright)} ${fixed(labelPoint.x)} ${fixed(labelPoint.y)})" text-anchor="middle" dominant-baseline="central" font-size="21" font-weight="bold" fill="#ffffff">${month}</text>`,
    );
  });

  const sorted = [...options.items].sort((left, right) => left.date.toMillis() - right.date.toMillis());
  const labelAngles = spreadAngles(sorted.map((item) => angleOf(item.date)));
  sorted.forEach((item, index) => {
    const angle = angleOf(item.date);
    const labelAngle = labelAngles[index] ?? angle;
    const color = COLORS[item.kind];
    const mark = point(angle, MARK_RADIUS);
    parts.push(
      item.kind === "meeting"
        ? `<circle cx="${fixed(mark.x)}" cy="${fixed(mark.y)}" r="8" fill="${color}" stroke="#ffffff" stroke-width="2"/>`
        : `<path d="${diamond(mark.x, mark.y, 10)}" fill="${color}" stroke="#ffffff" stroke-width="2"/>`,
    );
    const bend = point(labelAngle, LABEL_START);
    const inner = point(angle, MARK_RADIUS - 9);
    parts.push(
      `<path d="M${fixed(inner.x)} ${fixed(inner.y)} L${fixed(bend.x)} ${fixed(bend.y)}" stroke="${color}" stroke-width="1.2" fill="none"/>`,
    );
    const label = escapeXml(
      truncate(
        `${item.date.day} ${SHORT_MONTHS[item.date.month - 1]} ${shortTitle(item.title, options.groupName)}`,
        LABEL_CHARACTERS,
      ),
    );
    const leftHalf = labelAngle > 180;
    const rotation = labelAngle - 90 + (leftHalf ? 180 : 0);
    parts.push(
      `<text x="${fixed(bend.x)}" y="${fixed(bend.y)}" transform="rotate(${fixed(rotation)} ${fixed(bend.x)} ${fixed(bend.y)})" text-anchor="${leftHalf ? "start" : "end"}" dominant-baseline="central" font-size="13" fill="#1d2733">${label}</text>`,
    );
  });

  parts.push(
    `<circle cx="${CENTER.x}" cy="${CENTER.y}" r="${HUB}" fill="#ffffff" stroke="#245b84" stroke-width="3"/>`,
  );
  const nameLines = wrap(options.groupName, 18).slice(0, 4);
  // Bold DejaVu is about 0.68 em per character; the longest line must fit inside the hub.
  const nameSize = Math.min(
    21,
    Math.floor((HUB * 1.75) / (0.68 * Math.max(...nameLines.map((line) => line.length)))),
  );
  const nameTop = CENTER.y - 20 - (nameLines.length - 1) * (nameSize * 0.6);
  nameLines.forEach((line, index) => {
    parts.push(
      `<text x="${CENTER.x}" y="${fixed(nameTop + index * nameSize * 1.25)}" text-anchor="middle" font-size="${nameSize}" font-weight="bold" fill="#1d2733">${escapeXml(line)}</text>`,
    );
  });
  parts.push(
    `<text x="${CENTER.x}" y="${CENTER.y + 62 + (nameLines.length - 1) * 6}" text-anchor="middle" font-size="44" font-weight="bold" fill="#245b84">${options.year}</text>`,
  );

  const legendY = 1085;
  parts.push(
    `<circle cx="330" cy="${legendY}" r="8" fill="${COLORS.meeting}"/><text x="346" y="${legendY}" dominant-baseline="central" font-size="17" fill="#1d2733">möte</text>`,
    `<path d="${diamond(450, legendY, 10)}" fill="${COLORS.deadline}"/><text x="466" y="${legendY}" dominant-baseline="central" font-size="17" fill="#1d2733">sista dag</text>`,
    `<path d="${diamond(600, legendY, 10)}" fill="${COLORS.report}"/><text x="616" y="${legendY}" dominant-baseline="central" font-size="17" fill="#1d2733">rapport</text>`,
    `<path d="${diamond(730, legendY, 10)}" fill="${COLORS.other}"/><text x="746" y="${legendY}" dominant-baseline="central" font-size="17" fill="#1d2733">övrigt</text>`,
  );
  if (sorted.length === 0) {
    parts.push(
      `<text x="${CENTER.x}" y="${CENTER.y + 200}" text-anchor="middle" font-size="18" fill="#6c757d">Inga möten eller sista dagar i kalendern</text>`,
    );
  }
  const title = `Årshjul ${options.year} – ${escapeXml(options.groupName)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE + 20}" viewBox="0 0 ${SIZE} ${SIZE + 20}" font-family="${FONT}">
<title>${title}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${CENTER.x}" y="48" text-anchor="middle" font-size="26" font-weight="bold" fill="#1d2733">${title}</text>
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

/** Label angles at least `MIN_LABEL_GAP` degrees apart, moved as little as possible from the marks. */
function spreadAngles(angles: readonly number[]): number[] {
  const spread = [...angles];
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    for (let index = 1; index < spread.length; index++) {
      const previous = spread[index - 1] ?? 0;
      const current = spread[index] ?? 0;
      if (current - previous < MIN_LABEL_GAP) {
        const push = (MIN_LABEL_GAP - (current - previous)) / 2;
        spread[index - 1] = previous - push;
        spread[index] = current + push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return spread;
}

function point(angle: number, radius: number): { x: number; y: number } {
  const radians = ((angle - 90) * Math.PI) / 180;
  return { x: CENTER.x + radius * Math.cos(radians), y: CENTER.y + radius * Math.sin(radians) };
}

function sector(start: number, end: number, inner: number, outer: number): string {
  const large = end - start > 180 ? 1 : 0;
  const a = point(start, outer);
  const b = point(end, outer);
  if (inner === 0) {
    return `M${CENTER.x} ${CENTER.y} L${fixed(a.x)} ${fixed(a.y)} A${outer} ${outer} 0 ${large} 1 ${fixed(b.x)} ${fixed(b.y)} Z`;
  }
  const c = point(end, inner);
  const d = point(start, inner);
  return `M${fixed(a.x)} ${fixed(a.y)} A${outer} ${outer} 0 ${large} 1 ${fixed(b.x)} ${fixed(b.y)} L${fixed(c.x)} ${fixed(c.y)} A${inner} ${inner} 0 ${large} 0 ${fixed(d.x)} ${fixed(d.y)} Z`;
}

function diamond(x: number, y: number, size: number): string {
  return `M${fixed(x)} ${fixed(y - size)} L${fixed(x + size)} ${fixed(y)} L${fixed(x)} ${fixed(y + size)} L${fixed(x - size)} ${fixed(y)} Z`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Drops what the wheel already says: leading words of the group's name, and a "Laholmsnämnden – " prefix. */
function shortTitle(title: string, groupName: string): string {
  const groupWords = groupName
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.slice(0, 8));
  let words = title.split(/\s+/);
  while (words.length > 1 && groupWords.includes((words[0] ?? "").toLowerCase().slice(0, 8)))
    words = words.slice(1);
  let short = words.join(" ");
  const dash = short.indexOf(" – ");
  if (dash > 0 && short.length > LABEL_CHARACTERS - 7) short = short.slice(dash + 3);
  return short.charAt(0).toUpperCase() + short.slice(1);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

function fixed(value: number): string {
  return value.toFixed(1);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

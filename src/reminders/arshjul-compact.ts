import type { ArshjulItem } from "./arshjul.ts";
import { escapeXml, fixed, kindMark, legend, polarPoint, ringSector } from "./arshjul-marks.ts";
import { type ArshjulWindow, angleInWindow, describeWindow, SHORT_MONTHS } from "./arshjul-window.ts";

const WIDTH = 340;
const CENTER = { x: WIDTH / 2, y: 170 };
const RING_OUTER = 165;
const RING_INNER = 133;
const MARK_RADIUS = 120;
const NUMBER_RADIUS = 98;
const HUB = 72;
/** Numbers closer than this (in degrees) are moved apart, so that none covers another. */
const MIN_NUMBER_GAP = 11;
const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

/**
 * A small årshjul for a side panel, about 320 pixels wide: horizontal month names, one numbered mark
 * per item (the numbers match a list in words beside it, since labels cannot be read at this size),
 * the period in the hub and a legend of the kinds shown.
 */
export function renderCompactArshjulSvg(options: {
  groupName: string;
  window: ArshjulWindow;
  items: readonly ArshjulItem[];
}): string {
  const { window } = options;
  const parts: string[] = [];
  for (let index = 0; index < 12; index++) {
    const monthStart = window.start.plus({ months: index });
    const start = angleInWindow(window, monthStart);
    const end = angleInWindow(window, monthStart.plus({ months: 1 }));
    parts.push(
      `<path d="${ringSector(CENTER, start, end, 0, RING_OUTER)}" fill="${index % 2 ? "#f5f9fc" : "#e8f1f8"}" stroke="#ffffff" stroke-width="1"/>`,
      `<path d="${ringSector(CENTER, start, end, RING_INNER, RING_OUTER)}" fill="${index % 2 ? "#2c6e9e" : "#245b84"}"/>`,
    );
    const at = polarPoint(CENTER, (start + end) / 2, (RING_INNER + RING_OUTER) / 2);
    parts.push(
      `<text x="${fixed(at.x)}" y="${fixed(at.y)}" text-anchor="middle" dominant-baseline="central" font-size="13" font-weight="bold" fill="#ffffff">${SHORT_MONTHS[monthStart.month - 1]}</text>`,
    );
  }
  const angles = options.items.map((item) => angleInWindow(window, item.date));
  const numberAngles = spreadAngles(angles, MIN_NUMBER_GAP);
  options.items.forEach((item, index) => {
    const angle = angles[index] ?? 0;
    const mark = polarPoint(CENTER, angle, MARK_RADIUS);
    const number = polarPoint(CENTER, numberAngles[index] ?? angle, NUMBER_RADIUS);
    parts.push(
      kindMark(item.kind, mark.x, mark.y, 6),
      `<text x="${fixed(number.x)}" y="${fixed(number.y)}" text-anchor="middle" dominant-baseline="central" font-size="12" font-weight="bold" fill="#1d2733">${index + 1}</text>`,
    );
  });
  parts.push(
    `<circle cx="${CENTER.x}" cy="${CENTER.y}" r="${HUB}" fill="#ffffff" stroke="#245b84" stroke-width="2"/>`,
  );
  const period = describeWindow(window);
  const lines =
    window.start.month === 1 ? [period] : [period.replace(/ – .*/, " –"), period.replace(/.* – /, "")];
  lines.forEach((line, index) => {
    const y = CENTER.y + (index - (lines.length - 1) / 2) * 19;
    parts.push(
      `<text x="${CENTER.x}" y="${fixed(y)}" text-anchor="middle" dominant-baseline="central" font-size="15" font-weight="bold" fill="#245b84">${line}</text>`,
    );
  });
  const legendY = CENTER.y + RING_OUTER + 22;
  parts.push(legend(new Set(options.items.map((item) => item.kind)), CENTER.x, legendY, 13));
  const height = legendY + 16;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">
<title>Årshjul ${period} – ${escapeXml(options.groupName)}</title>
${parts.join("\n")}
</svg>
`;
}

/** Angles at least `gap` degrees apart, each moved as little as possible from its own. */
function spreadAngles(angles: readonly number[], gap: number): number[] {
  const spread = [...angles];
  for (let pass = 0; pass < 60; pass++) {
    let moved = false;
    for (let index = 1; index < spread.length; index++) {
      const previous = spread[index - 1] ?? 0;
      const current = spread[index] ?? 0;
      if (current - previous < gap) {
        const push = (gap - (current - previous)) / 2;
        spread[index - 1] = previous - push;
        spread[index] = current + push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return spread;
}

import type { EventKind } from "./calendar-event.ts";
import { EVENT_KINDS, KIND_LABELS } from "./calendar-event.ts";

/** Colour of each kind's mark; each kind also has its own shape, so colour is never the only cue. */
export const KIND_COLORS: Record<EventKind, string> = {
  meeting: "#1f5f99",
  deadline: "#b42318",
  report: "#6b3fa0",
  other: "#5f6b7a",
};

/** The mark of a kind centred on (x, y): möte ●, sista dag ▲, rapport ■, övrigt ◆. */
export function kindMark(kind: EventKind, x: number, y: number, size: number, outline = "#ffffff"): string {
  const color = KIND_COLORS[kind];
  const stroke = `fill="${color}" stroke="${outline}" stroke-width="${fixed(size / 5)}"`;
  switch (kind) {
    case "meeting":
      return `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="${fixed(size * 0.85)}" ${stroke}/>`;
    case "deadline":
      return `<path d="M${fixed(x)} ${fixed(y - size * 1.05)} L${fixed(x + size)} ${fixed(y + size * 0.75)} L${fixed(x - size)} ${fixed(y + size * 0.75)} Z" ${stroke}/>`;
    case "report":
      return `<rect x="${fixed(x - size * 0.8)}" y="${fixed(y - size * 0.8)}" width="${fixed(size * 1.6)}" height="${fixed(size * 1.6)}" ${stroke}/>`;
    default:
      return `<path d="M${fixed(x)} ${fixed(y - size)} L${fixed(x + size)} ${fixed(y)} L${fixed(x)} ${fixed(y + size)} L${fixed(x - size)} ${fixed(y)} Z" ${stroke}/>`;
  }
}

/** The legend: one mark and name per kind that the wheel uses, centred on `centerX`. */
export function legend(
  kinds: ReadonlySet<EventKind>,
  centerX: number,
  y: number,
  fontSize: number,
  characterWidth = 0.6,
): string {
  const used = EVENT_KINDS.filter((kind) => kinds.has(kind));
  const widths = used.map((kind) => fontSize * 1.6 + KIND_LABELS[kind].length * fontSize * characterWidth);
  const gap = fontSize * 1.4;
  const total = widths.reduce((sum, width) => sum + width, 0) + gap * Math.max(0, used.length - 1);
  let x = centerX - total / 2;
  return used
    .map((kind, index) => {
      const part = `${kindMark(kind, x + fontSize * 0.5, y, fontSize * 0.5, "none")}<text x="${fixed(x + fontSize * 1.3)}" y="${fixed(y)}" dominant-baseline="central" font-size="${fontSize}" fill="#1d2733">${KIND_LABELS[kind]}</text>`;
      x += (widths[index] ?? 0) + gap;
      return part;
    })
    .join("\n");
}

/** One decimal, enough for an SVG coordinate. */
export function fixed(value: number): string {
  return value.toFixed(1);
}

/** Text safe inside SVG markup. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Words wrapped into lines of at most `width` characters (a longer word stays whole on its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A point on the wheel: `angle` degrees clockwise from the top, `radius` from `center`. */
export function polarPoint(
  center: { x: number; y: number },
  angle: number,
  radius: number,
): { x: number; y: number } {
  const radians = ((angle - 90) * Math.PI) / 180;
  return { x: center.x + radius * Math.cos(radians), y: center.y + radius * Math.sin(radians) };
}

/** A ring sector between two angles (a pie slice when `inner` is 0), as SVG path data. */
export function ringSector(
  center: { x: number; y: number },
  start: number,
  end: number,
  inner: number,
  outer: number,
): string {
  const large = end - start > 180 ? 1 : 0;
  const a = polarPoint(center, start, outer);
  const b = polarPoint(center, end, outer);
  if (inner === 0) {
    return `M${fixed(center.x)} ${fixed(center.y)} L${fixed(a.x)} ${fixed(a.y)} A${outer} ${outer} 0 ${large} 1 ${fixed(b.x)} ${fixed(b.y)} Z`;
  }
  const c = polarPoint(center, end, inner);
  const d = polarPoint(center, start, inner);
  return `M${fixed(a.x)} ${fixed(a.y)} A${outer} ${outer} 0 ${large} 1 ${fixed(b.x)} ${fixed(b.y)} L${fixed(c.x)} ${fixed(c.y)} A${inner} ${inner} 0 ${large} 0 ${fixed(d.x)} ${fixed(d.y)} Z`;
}

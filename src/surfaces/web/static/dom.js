// Every element of the page is built here with text nodes: nothing from a question, an answer or a
// document is ever parsed as HTML.

/**
 * Creates an element. `props`: `className`, `text` (textContent), `on<Event>` handlers, booleans
 * (true sets the attribute) and string attributes; children are nodes or strings (as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "hidden") node.hidden = true;
    else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** The URL if it is an http(s) link, otherwise null (no `javascript:` or `data:` links). */
export function safeHref(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link that opens outside the page, or the plain label when the URL is not http(s). */
export function externalLink(url, label) {
  const href = safeHref(url);
  if (!href) return null;
  return el("a", { href, target: "_blank", rel: "noopener noreferrer", className: "external" }, label);
}

/**
 * A document's date ("2021", "2019-05", "2021-03-12") as the server words it: "2021", "maj 2019",
 * "12 mars 2021" — only the parts that are known. Null when there is none.
 */
export function documentDateText(date) {
  if (typeof date !== "string" || date.trim() === "") return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return date.trim();
  const [, year, month, day] = match;
  if (!month) return year;
  // Intl has the Swedish month names; noon UTC keeps the day whatever the browser's time zone.
  const time = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1), 12));
  if (time.getUTCMonth() !== Number(month) - 1) return date.trim();
  const options = { year: "numeric", month: "long", timeZone: "UTC", ...(day ? { day: "numeric" } : {}) };
  return time.toLocaleDateString("sv-SE", options);
}

/** "Titel (maj 2019) § Avsnitt, s. 3" — where a passage is, worded as in Slack. */
export function describeLocation(passage) {
  const date = documentDateText(passage.date);
  const title = date ? `${passage.title} (${date})` : passage.title;
  const parts = [passage.section ? `${title} § ${passage.section}` : title];
  if (passage.page !== null && passage.page !== undefined) parts.push(`s. ${passage.page}`);
  return parts.join(", ");
}

/** Swedish number formatting. */
export function formatNumber(value, options = {}) {
  return Number(value).toLocaleString("sv-SE", options);
}

/** Sizes for Swedish texts: "20 MB", "512 kB". */
export function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

/** "[n]" after a statement or in an answer: opens the folded source list, if any, and moves to the source. */
export function sourceMarker(prefix, n) {
  const targetId = `${prefix}-source-${n}`;
  return el("a", {
    href: `#${targetId}`,
    className: "marker",
    "aria-label": `källa ${n}`,
    text: `[${n}]`,
    onClick: (event) => {
      const target = document.getElementById(targetId);
      if (!target) return;
      event.preventDefault();
      const fold = target.closest("details");
      if (fold) fold.open = true;
      target.scrollIntoView({ block: "nearest" });
      target.focus();
    },
  });
}

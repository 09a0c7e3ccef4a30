/** The formats a web source takes, by the extension their loader is chosen by. */
export type WebFormat = "html" | "pdf" | "docx" | "txt" | "md";

const BY_MEDIA_TYPE: Record<string, WebFormat> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/plain": "txt",
  "text/markdown": "md",
  "text/x-markdown": "md",
};

/** Types servers send for "some file"; then the address's extension tells what it is. */
const GENERIC = new Set([
  "",
  "application/octet-stream",
  "binary/octet-stream",
  "application/x-download",
  "application/force-download",
]);
const BY_EXTENSION: Record<string, WebFormat> = {
  pdf: "pdf",
  docx: "docx",
  txt: "txt",
  md: "md",
  markdown: "md",
};

/** The value of an Accept header asking for what we read. */
export const ACCEPTED_TYPES = `${Object.keys(BY_MEDIA_TYPE).join(", ")}, */*;q=0.1`;

/** The format of a response from its Content-Type and address; null when Samsyn cannot read it. */
export function webFormat(contentType: string | null, url: URL): WebFormat | null {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const extension = extensionOf(url);
  const format = BY_MEDIA_TYPE[mediaType];
  // Many servers send Markdown as text/plain; the .md address is the better hint.
  if (format === "txt" && BY_EXTENSION[extension] === "md") return "md";
  if (format) return format;
  return GENERIC.has(mediaType) ? (BY_EXTENSION[extension] ?? null) : null;
}

/** The media type as the server named it, for messages ("image/png"); "okänd" when it named none. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() || "okänd";
}

/**
 * A file name for the copy: the last part of the address path, decoded, with the extension of its
 * format (`/styrdokument/reglemente` → `reglemente.html`, `/file.aspx` as HTML → `file.html`).
 */
export function webFileName(url: URL, format: WebFormat): string {
  const segments = url.pathname.split("/").filter((segment) => segment !== "");
  let last = segments.at(-1) ?? "index";
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed %-sequence stays as it is; the runner makes the name safe on disk.
  }
  const dot = last.lastIndexOf(".");
  const current = dot > 0 ? last.slice(dot + 1).toLowerCase() : "";
  // "protokoll-2024.03.12" has no extension to replace; "sida.aspx" has.
  const stem = /^[a-z]{2,8}$/.test(current) ? last.slice(0, dot) : last;
  if (current === format || (format === "md" && current === "markdown")) return last;
  if (format === "html" && current === "htm") return last;
  return `${stem || "index"}.${format}`;
}

function extensionOf(url: URL): string {
  const last = url.pathname.split("/").at(-1) ?? "";
  const dot = last.lastIndexOf(".");
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : "";
}

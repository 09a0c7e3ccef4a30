/** Characters no file system takes (or a shell reads wrongly), and control characters. */
const UNSAFE = /[\p{Cc}<>:"/\\|?*]+/gu;
const LONGEST_STEM = 100;

/**
 * A file name for a copy on disk from what the source calls it: unsafe characters replaced, not
 * hidden, not too long, the extension kept in lower case (it picks the loader), and not in `taken`
 * (compared without case, for case-insensitive file systems): `protokoll.pdf`, `protokoll-2.pdf`.
 */
export function safeFileName(name: string, taken: ReadonlySet<string>): string {
  const cleaned = name.normalize("NFC").replace(UNSAFE, "-").replace(/\s+/g, " ").trim();
  // Also ".html" alone is an extension (path.extname sees a hidden file without one).
  const extension = (/\.[^.\s]+$/.exec(cleaned)?.[0] ?? "").toLowerCase();
  const stem =
    cleaned
      .slice(0, cleaned.length - extension.length)
      .replace(/^[.\s~$-]+|[.\s]+$/g, "")
      .slice(0, LONGEST_STEM)
      .trim() || "dokument";
  const lowerTaken = new Set([...taken].map((entry) => entry.toLowerCase()));
  for (let number = 1; ; number++) {
    const candidate = `${stem}${number === 1 ? "" : `-${number}`}${extension}`;
    if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
  }
}

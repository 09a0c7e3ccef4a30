/**
 * robots.txt as RFC 9309 reads it: the groups naming our product token (or `*` when none does),
 * Allow/Disallow with `*` and `$`, the longest matching rule wins and Allow wins a tie.
 */

/** What robots.txt lets one user agent do on one host. */
export interface RobotsRules {
  /** Whether the path and query of `url` may be fetched. */
  allows(url: URL): boolean;
  /** Crawl-delay asked of us, in milliseconds; null when the file names none. */
  crawlDelayMs: number | null;
}

/** Rules that allow everything (no robots.txt, or a 4xx for it). */
export const ALLOW_ALL: RobotsRules = { allows: () => true, crawlDelayMs: null };

interface Rule {
  allow: boolean;
  pattern: string;
  matcher: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
  crawlDelaySeconds: number | null;
}

/** Parses robots.txt for `productToken` (the User-Agent up to the first "/", e.g. "Samsyn"). */
export function parseRobotsRules(text: string, productToken: string): RobotsRules {
  const groups = robotsGroups(text);
  const token = productToken.toLowerCase();
  const own = groups.filter((group) => group.agents.some((agent) => agent.split("/")[0] === token));
  const chosen = own.length > 0 ? own : groups.filter((group) => group.agents.includes("*"));
  const rules = chosen.flatMap((group) => group.rules);
  const delay = chosen.map((group) => group.crawlDelaySeconds).find((seconds) => seconds !== null) ?? null;
  return {
    allows: (url) => allows(rules, url),
    crawlDelayMs: delay === null ? null : Math.round(delay * 1000),
  };
}

function allows(rules: readonly Rule[], url: URL): boolean {
  const target = `${url.pathname}${url.search}`;
  if (url.pathname === "/robots.txt") return true;
  let best: Rule | null = null;
  for (const rule of rules) {
    if (!rule.matcher.test(target)) continue;
    const longer = best === null || rule.pattern.length > best.pattern.length;
    const tieWonByAllow = best !== null && rule.pattern.length === best.pattern.length && rule.allow;
    if (longer || tieWonByAllow) best = rule;
  }
  return best?.allow ?? true;
}

function robotsGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n|\r/)) {
    const line = rawLine.replace(/#.*/, "").trim();
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === "user-agent") {
      // Consecutive User-agent lines share one group; one after a rule starts a new group.
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((field === "allow" || field === "disallow") && value !== "") {
      current.rules.push({ allow: field === "allow", pattern: value, matcher: patternMatcher(value) });
    } else if (field === "crawl-delay") {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    }
  }
  return groups;
}

function patternMatcher(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => encodedPath(part).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/** Rules may be written with å or spaces; URLs arrive percent-encoded, so compare them encoded. */
function encodedPath(part: string): string {
  return part.replace(/[^\x21-\x7e]/g, (character) => encodeURIComponent(character));
}

import type { Group } from "../knowledge/groups.ts";
import { stemOf } from "./entities.ts";
import { ROLES, type Role } from "./introduction.ts";

/** A role someone says they have, and the words naming where ("Norrbottens samverkansberedning"). */
export interface DetectedRole {
  role: Role;
  /** The words after "i/för/inom", or null when none were given. */
  groupHint: string | null;
}

const ROLE_WORDS: readonly [RegExp, Role][] = [
  [/vice\s+ordförande/iu, "vice ordförande"],
  [/(?<!\p{L})ordförande(?!\p{L})/iu, "ordförande"],
  [/(?<!\p{L})ersättare(?!\p{L})/iu, "ersättare"],
  [/(?<!\p{L})ledam(?:ot|öter)(?!\p{L})/iu, "ledamot"],
  [/(?<!\p{L})sekreterare(?!\p{L})/iu, "sekreterare"],
];
/** "Jag är ny …", "jag har valts till …", "som nyvald …": the text speaks about the writer's own role. */
const SELF =
  /(?<!\p{L})(jag (är|blir|blev|har (blivit|valts|utsetts))|som (ny|nyvald|nyinvald)|(?<!\p{L})(ny|nyvald|nyinvald|nybliven|nyutsedd|vald till)(?!\p{L}))/iu;
const HINT = /^\s*(?:i|för|inom|på)\s+(.+?)\s*(?:[.?!]|$)/iu;
/** A bare role ("ersättare", "ny ersättare") is short. */
const MAX_BARE_WORDS = 3;

/**
 * Finds a stated role in "Jag är ny ersättare i Norrbottens samverkansberedning" or a bare "ny
 * ersättare"; a question such as "Vem är ordförande?" states no role and gives null.
 */
export function detectRole(text: string): DetectedRole | null {
  const bare = text.trim().split(/\s+/).length <= MAX_BARE_WORDS;
  if (!bare && !SELF.test(text)) return null;
  for (const [pattern, role] of ROLE_WORDS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const hint = HINT.exec(text.slice(match.index + match[0].length))?.[1]?.trim() ?? null;
    return { role, groupHint: hint === "" ? null : hint };
  }
  return null;
}

const STOP_WORDS = new Set([
  "och",
  "för",
  "inom",
  "den",
  "det",
  "jag",
  "som",
  "ska",
  "till",
  "med",
  "vad",
  "mig",
]);

function stemsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((word) => word.length >= 4 && !STOP_WORDS.has(word.toLowerCase()))
    .map(stemOf);
}

/**
 * The group a text names ("Norrbottens samverkansberedning", "HälSam", "lokala nämnden i Laholm"),
 * by the words it shares with the groups' ids, names and organisations; null when none or a tie.
 */
export function findGroup(text: string, groups: readonly Group[]): Group | null {
  const wanted = stemsOf(text);
  if (wanted.length === 0) return null;
  const scored = groups.map((group) => {
    const words = stemsOf([group.id.replace(/-/g, " "), group.name, ...group.organisations].join(" "));
    const score = wanted.filter((stem) =>
      words.some((word) => word.startsWith(stem) || stem.startsWith(word)),
    ).length;
    return { group, score };
  });
  scored.sort((left, right) => right.score - left.score);
  const [best, second] = scored;
  if (!best || best.score === 0 || (second && second.score === best.score)) return null;
  return best.group;
}

/** Turns a role option ("ersättare", "ny ersättare", "Jag är ny ersättare i …") into a role. */
export function roleOf(text: string): Role | null {
  const lower = text.trim().toLowerCase();
  return ROLES.find((role) => role === lower) ?? detectRole(text)?.role ?? null;
}

import type { Group } from "../knowledge/groups.ts";
import { findGroup } from "../onboarding/detect-role.ts";

/** A resolved `årshjul` request, or a Swedish message saying what is missing. */
export type ArshjulRequest = { group: Group; year: number } | { problem: string };

const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/**
 * Reads the words after `årshjul`: an optional year ("2027") and an optional group, by id or name
 * ("laholm", "HälSam"). Without a group the conversation's only group is used; without a year, the
 * current one. `groups` are those the asker may see (`shownGroups`): an internal group's dates
 * stay in its own channels, so a group outside them is answered like an unknown one.
 */
export function resolveArshjulRequest(
  argument: string,
  groups: readonly Group[],
  context: { groupIds: readonly string[]; currentYear: number },
): ArshjulRequest {
  const words = argument.trim().split(/\s+/).filter(Boolean);
  const numbers = words.filter((word) => /^\d+$/.test(word));
  const year = numbers.length === 0 ? context.currentYear : Number(numbers[0]);
  if (numbers.length > 1 || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    return { problem: `Skriv året med fyra siffror, t.ex. "årshjul ${context.currentYear}".` };
  }
  const hint = words.filter((word) => !/^\d+$/.test(word)).join(" ");
  if (hint !== "") {
    const named = groups.find((group) => group.id === hint.toLowerCase()) ?? findGroup(hint, groups);
    if (!named) {
      return { problem: `Hittar ingen grupp som heter "${hint}". ${choices(groups, year)}` };
    }
    return { group: named, year };
  }
  const own = groups.filter((group) => context.groupIds.includes(group.id));
  const [only, ...others] = own;
  if (only && others.length === 0) return { group: only, year };
  if (own.length > 1) {
    return { problem: `Konversationen hör till flera grupper. ${choices(own, year)}` };
  }
  return { problem: `Konversationen hör inte till någon grupp. ${choices(groups, year)}` };
}

/** "Ange grupp: årshjul laholm. Grupper: …", with an example that resolves to a real group. */
function choices(groups: readonly Group[], year: number): string {
  const [first] = groups;
  if (!first) return "Det finns inga grupper i kunskapsmappen.";
  const short = first.id.split("-")[0] ?? first.id;
  const example = findGroup(short, groups)?.id === first.id ? short : first.id;
  const list = groups.map((group) => `${group.id} (${group.name})`).join(", ");
  return `Ange grupp: "årshjul ${example}" eller "årshjul ${example} ${year}". Grupper: ${list}.`;
}

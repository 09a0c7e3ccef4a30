import type { Group } from "../knowledge/groups.ts";
import { detectRole, findGroup, roleOf } from "./detect-role.ts";
import type { Role } from "./introduction.ts";

/** Who asked for an introduction and from where. */
export interface IntroductionRequestContext {
  /** Groups whose documents this conversation may see (the channel's group); null for everything (terminal). */
  groupIds: readonly string[] | null;
  /** The group the conversation is about (a group's channel, the terminal's or web's chosen group), if any. */
  home?: readonly string[];
}

/** A resolved request, or a Swedish message saying what is missing or not allowed. */
export type ResolvedIntroductionRequest = { group: Group; role: Role | null } | { problem: string };

/**
 * Reads the words after `intro`: a group id or name ("intro laholm-samverkansberedning",
 * "intro HälSam"), a role ("intro ersättare") or both in the member's own words ("intro Jag är ny
 * ersättare i Norrbottens samverkansberedning"). Without a group, the conversation's group is used:
 * the one chosen or the channel's, else the only group it may see. An internal group's introduction is only given where its documents may be seen.
 */
export function resolveIntroductionRequest(
  argument: string,
  groups: readonly Group[],
  context: IntroductionRequestContext,
): ResolvedIntroductionRequest {
  const text = argument.trim();
  const detected = text === "" ? null : detectRole(text);
  const role = detected?.role ?? (text === "" ? null : roleOf(text));
  const visible = (group: Group) =>
    context.groupIds === null || context.groupIds.includes(group.id) || group.visibility === "public";
  const named =
    groups.find((group) => group.id === text.toLowerCase()) ??
    (detected?.groupHint ? findGroup(detected.groupHint, groups) : null) ??
    (text !== "" && !role ? findGroup(text, groups) : null);
  const homeId = context.home?.length === 1 ? context.home[0] : undefined;
  const onlyVisibleId = context.groupIds?.length === 1 ? context.groupIds[0] : undefined;
  const contextual = groups.find((group) => group.id === (homeId ?? onlyVisibleId));
  const group = named ?? contextual ?? null;
  if (!group) {
    const choices = groups.filter(visible).map((candidate) => `${candidate.id} (${candidate.name})`);
    return {
      problem:
        choices.length === 0
          ? "Det finns inga grupper att visa en introduktion för här."
          : `Vilken grupp vill du ha en introduktion till? Skriv t.ex. "intro ${groups.find(visible)?.id ?? ""}". Grupper: ${choices.join(", ")}.`,
    };
  }
  if (!visible(group)) {
    return { problem: `Introduktionen till ${group.name} kan bara visas i gruppens egna kanaler.` };
  }
  return { group, role };
}

import type { Group } from "../../knowledge/groups.ts";
import type { Analyzer } from "../../text/index.ts";

/**
 * The terms by which the group's documents name the group itself: the whole words of its name less
 * those of its member organisations ("Region Hallands lokala nämnder" → "lokal", "nämnd";
 * "Samverkansberedningen i Laholm" → "samverkansberedning"). The members' names run through every
 * document of the region, so they do not pick out the sentences about the group.
 */
export function groupNameTerms(group: Pick<Group, "name" | "organisations">, analyzer: Analyzer): string[] {
  const members = new Set(analyzer.analyzeWords(group.organisations.join("\n")).flat());
  const terms = analyzer
    .analyzeWords(group.name)
    .map(([whole]) => whole)
    .filter((whole): whole is string => whole !== undefined && !members.has(whole));
  return [...new Set(terms)];
}

import type { Group } from "../knowledge/groups.ts";

/**
 * The group a channel speaks for: the one group listing it. A channel shared by several groups (or
 * a direct message) has none, so no group's documents are put first.
 */
export function channelGroup(groupIds: readonly string[], groups: readonly Group[]): Group | undefined {
  if (groupIds.length !== 1) return undefined;
  return groups.find((group) => group.id === groupIds[0]);
}

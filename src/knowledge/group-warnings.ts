import { findMissingGroupDocuments, type Group } from "./groups.ts";

/**
 * Swedish warnings about the group files, for the start log, the ingest summary and the web
 * status: each file that cannot be used (its documents are withheld from everyone until it is
 * fixed) and each document a group lists that is not in the knowledge folder.
 */
export function groupWarnings(groups: readonly Group[], knowledgeIds: ReadonlySet<string>): string[] {
  const withheld = groups.flatMap((group) => {
    if (group.withheld === undefined) return [];
    const named = group.documents.filter((id) => knowledgeIds.has(id));
    const which =
      named.length > 0 ? `dokumenten den nämner (${named.join(", ")})` : "dokument som filen nämner";
    return [
      `${group.withheld}${/[.?!]$/.test(group.withheld) ? "" : "."} Filen går inte att använda, så ${which} hålls undanlagda: de visas inte i någon ` +
        "kanal eller för besökare förrän filen är rättad.",
    ];
  });
  const missing = findMissingGroupDocuments(groups, knowledgeIds, "groups").map((problem) => problem.message);
  return [...withheld, ...missing];
}

import path from "node:path";
import type { CatalogDocument } from "../index/catalog.ts";
import { decodeHeadings } from "../knowledge/chunking/chunk-sections.ts";
import { type Group, loadGroups } from "../knowledge/groups.ts";
import { type Scope, scopeForGroups } from "../retrieval/scope.ts";
import type { OnboardingCore } from "./onboarding-core.ts";
import type { CitablePassage } from "./source-registry.ts";
import { statementUnits } from "./statement-units.ts";

/** A passage of one of the group's own documents, split into sentences (and list items). */
export interface GroupPassage extends CitablePassage {
  document: CatalogDocument;
  /** Candidate statements, in document order, heading-like lines left out. */
  units: string[];
}

/** The group's own documents and passages, and the scopes the introduction asks within. */
export interface GroupMaterial {
  group: Group;
  groups: readonly Group[];
  /** Documents the group claims (group file) or that claim the group (front matter). */
  documents: CatalogDocument[];
  /** Ids of documents no other group claims: everything in them is about this group. */
  exclusive: ReadonlySet<string>;
  /** The own documents' passages by chunk id, in document order. */
  passages: ReadonlyMap<string, GroupPassage>;
  /** Only the group's own documents: statements about the group come from these. */
  ownScope: Scope;
  /** What the group's channels see (own plus public documents): suggested questions are checked here. */
  channelScope: Scope;
}

interface ChunkRow {
  id: string;
  document_id: string;
  text: string;
  heading_path: string;
  page: number | null;
}

/** The groups of the knowledge folder, for callers that did not load them. */
export async function groupsOf(core: OnboardingCore, groups?: readonly Group[]): Promise<readonly Group[]> {
  return groups ?? (await loadGroups(path.join(core.config.knowledgeDir, "groups"))).groups;
}

/** Ids of the groups that claim a document, from both the group files and the front matter. */
export function ownersOf(document: CatalogDocument, groups: readonly Group[]): Set<string> {
  const owners = new Set(document.groups);
  for (const group of groups) if (group.documents.includes(document.id)) owners.add(group.id);
  return owners;
}

/** Reads the group's own documents and their passages from the index. */
export function loadGroupMaterial(
  core: OnboardingCore,
  group: Group,
  groups: readonly Group[],
): GroupMaterial {
  const all = core.index.catalog.documents();
  const allGroups = [...groups.filter((candidate) => candidate.id !== group.id), group];
  const documents: CatalogDocument[] = [];
  const exclusive = new Set<string>();
  for (const document of all) {
    const owners = ownersOf(document, allGroups);
    if (!owners.has(group.id)) continue;
    documents.push(document);
    if (owners.size === 1) exclusive.add(document.id);
  }
  return {
    group,
    groups: allGroups,
    documents,
    exclusive,
    passages: loadPassages(core, documents),
    ownScope: { documentIds: documents.map((document) => document.id) },
    channelScope: scopeForGroups([group.id], allGroups, all),
  };
}

/** The passages of the given documents, by chunk id, in document order. */
export function loadPassages(
  core: OnboardingCore,
  documents: readonly CatalogDocument[],
): Map<string, GroupPassage> {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const rows = core.index.database
    .prepare(
      `SELECT id, document_id, text, heading_path, page FROM chunks
       WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, ordinal`,
    )
    .all(JSON.stringify([...byId.keys()])) as ChunkRow[];
  const passages = new Map<string, GroupPassage>();
  for (const row of rows) {
    const document = byId.get(row.document_id);
    if (!document) continue;
    passages.set(row.id, {
      chunkId: row.id,
      text: row.text,
      headingPath: decodeHeadings(row.heading_path).headingPath,
      page: row.page,
      document,
      units: statementUnits(row.text),
    });
  }
  return passages;
}

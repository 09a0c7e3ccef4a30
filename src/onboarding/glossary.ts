import type { Citation } from "../answer/answer.ts";
import type { CatalogAcronym } from "../index/catalog.ts";
import type { Group } from "../knowledge/groups.ts";
import { scopeForGroups } from "../retrieval/scope.ts";
import { wholeWord } from "../text/index.ts";
import type { GroupPassage } from "./group-material.ts";
import { groupsOf, loadPassages, ownersOf } from "./group-material.ts";
import type { IntroductionGlossaryItem } from "./introduction.ts";
import type { OnboardingCore } from "./onboarding-core.ts";
import { quoteInPassage } from "./quote-in-passage.ts";
import { SourceRegistry } from "./source-registry.ts";

/** A glossary with the passages that define its acronyms. */
export interface Glossary {
  /** The group it is for, or null for every document. */
  groupId: string | null;
  items: IntroductionGlossaryItem[];
  sources: Citation[];
}

/**
 * Glossary items for acronyms learned from the given passages' documents: each with the sentence
 * that defines it ("… Hälso- och sjukvårdsnämnden (HSN) …"), cited. An acronym whose defining
 * sentence cannot be found is left out rather than shown without a source.
 */
export function glossaryItems(
  acronyms: readonly CatalogAcronym[],
  passages: ReadonlyMap<string, GroupPassage>,
  registry: SourceRegistry,
): IntroductionGlossaryItem[] {
  const byDocument = new Map<string, GroupPassage[]>();
  for (const passage of passages.values()) {
    const list = byDocument.get(passage.document.id) ?? [];
    list.push(passage);
    byDocument.set(passage.document.id, list);
  }
  const items: IntroductionGlossaryItem[] = [];
  const seen = new Set<string>();
  for (const entry of acronyms) {
    const key = `${entry.acronym}\t${entry.longForm.toLowerCase()}`;
    if (seen.has(key)) continue;
    const pattern = wholeWord(entry.acronym);
    for (const passage of byDocument.get(entry.documentId) ?? []) {
      const sentence = passage.units.find(
        (unit) => pattern.test(unit) && quoteInPassage(entry.longForm, unit),
      );
      const definition = sentence ? registry.cite(passage, sentence) : null;
      if (!definition) continue;
      items.push({ acronym: entry.acronym, longForm: entry.longForm, definition });
      seen.add(key);
      break;
    }
  }
  return items.sort((left, right) => left.acronym.localeCompare(right.acronym, "sv"));
}

/** Options of `glossary`. */
export interface GlossaryOptions {
  /** The groups of the knowledge folder; read from it when left out. */
  groups?: readonly Group[];
}

/** The acronyms learned from a group's own documents (or from all documents when `groupId` is null). */
export async function glossary(
  core: OnboardingCore,
  groupId: string | null,
  options: GlossaryOptions = {},
): Promise<Glossary> {
  return glossaryOf(core, groupId, options, () => true);
}

async function glossaryOf(
  core: OnboardingCore,
  groupId: string | null,
  options: GlossaryOptions,
  wanted: (entry: CatalogAcronym) => boolean,
): Promise<Glossary> {
  let documents = core.index.catalog.documents();
  if (groupId !== null) {
    const groups = await groupsOf(core, options.groups);
    documents = documents.filter((document) => ownersOf(document, groups).has(groupId));
  }
  const acronyms = core.index.catalog.acronyms().filter(wanted);
  const defining = new Set(acronyms.map((entry) => entry.documentId));
  documents = documents.filter((document) => defining.has(document.id));
  const ids = new Set(documents.map((document) => document.id));
  const registry = new SourceRegistry();
  const items = glossaryItems(
    acronyms.filter((entry) => ids.has(entry.documentId)),
    loadPassages(core, documents),
    registry,
  );
  return { groupId, items, sources: registry.sources() };
}

/** The answer to "vad betyder XYZ?": the definitions found, or an honest Swedish "not in the documents". */
export interface AcronymExplanation {
  acronym: string;
  found: boolean;
  items: IntroductionGlossaryItem[];
  sources: Citation[];
  /** Swedish text for chat surfaces, with [n] markers for `sources`. */
  text: string;
}

/**
 * Explains an acronym from the documents (of one group, or all). Unknown acronyms get "finns inte i
 * underlaget"; one the documents use without defining it says so, rather than guessing a long form.
 */
export async function explainAcronym(
  core: OnboardingCore,
  acronym: string,
  options: GlossaryOptions & { groupId?: string | null } = {},
): Promise<AcronymExplanation> {
  const wanted = acronym.trim().replace(/[?!.:]+$/u, "");
  const lower = wanted.toLowerCase();
  const { items, sources } = await glossaryOf(
    core,
    options.groupId ?? null,
    options,
    (entry) => entry.acronym.toLowerCase() === lower,
  );
  if (items.length > 0) {
    const text = items
      .map((item) => `${item.acronym} står för ${item.longForm} [${item.definition.source}].`)
      .join("\n");
    return { acronym: wanted, found: true, items, sources, text };
  }
  const visible = await visibleDocuments(core, options.groupId ?? null, options);
  const usedIn = documentUsing(core, wanted, visible);
  const text = usedIn
    ? `${wanted} förekommer i underlaget (${usedIn}) men förklaras inte där, så jag kan inte säga vad det står för.`
    : `Förkortningen ${wanted} finns inte i underlaget.`;
  return { acronym: wanted, found: false, items: [], sources: [], text };
}

/**
 * The documents a group's channels see (for null, those the core's catalog lists), so an answer
 * never names another group's.
 */
async function visibleDocuments(
  core: OnboardingCore,
  groupId: string | null,
  options: GlossaryOptions,
): Promise<ReadonlySet<string> | null> {
  if (groupId === null) return new Set(core.index.catalog.documents().map((document) => document.id));
  const groups = await groupsOf(core, options.groups);
  return new Set(scopeForGroups([groupId], groups, core.index.catalog.documents()).documentIds ?? []);
}

/** The title of a visible document that uses the acronym as a word, or null. */
function documentUsing(
  core: OnboardingCore,
  acronym: string,
  visible: ReadonlySet<string> | null,
): string | null {
  if (!/^[\p{L}\p{N}]{2,12}$/u.test(acronym)) return null;
  const pattern = wholeWord(acronym);
  const rows = core.index.database
    .prepare("SELECT document_id, text FROM chunks WHERE instr(text, ?) > 0")
    .all(acronym) as { document_id: string; text: string }[];
  const hit = rows.find(
    (row) => (visible === null || visible.has(row.document_id)) && pattern.test(row.text),
  );
  if (!hit) return null;
  return (
    core.index.catalog.documents().find((document) => document.id === hit.document_id)?.title ??
    hit.document_id
  );
}

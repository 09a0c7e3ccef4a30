import type { Group } from "../knowledge/groups.ts";
import type { GroupMaterial, GroupPassage } from "./group-material.ts";

/** The group, or a body its documents describe, as the introduction recognises it in sentences. */
export interface Entity {
  /** Stem that identifies the entity, e.g. "resursgrupp". */
  key: string;
  /** Display name, e.g. "Resursgrupperna". */
  name: string;
  /** The name inside a sentence, e.g. "resursgrupperna", "HälSam Västernorrland". */
  phrase: string;
  isGroup: boolean;
  /** Finds a mention in a sentence. */
  mention: RegExp;
  /** Documents where a mention refers to this entity; null for all (the group). */
  documents: ReadonlySet<string> | null;
}

/** Inflection endings removed to get a stem ("samverkansberedningen" → "samverkansberedning"). */
const ENDINGS = [
  "ernas",
  "arnas",
  "ornas",
  "erna",
  "arna",
  "orna",
  "ens",
  "ets",
  "en",
  "et",
  "er",
  "ar",
  "or",
  "na",
  "s",
];
/** Endings a mention may have: "nämnd", "nämnden", "nämnderna", "presidiets", "Hälsams". */
const INFLECTION = "(?:en|et|er|ar|erna|arna|ens|ets|ers|ars|ernas|arnas|um|ums|s)?";
/** Kinds of body a group consists of; compounds keep their first part ("Kvalitetsnätverket"). */
const BODY_KINDS = [
  "beredning",
  "presidi",
  "resursgrupp",
  "arbetsgrupp",
  "styrgrupp",
  "ledningsgrupp",
  "referensgrupp",
  "nätverk",
  "utskott",
];
const BODY_WORD = new RegExp(`^(\\p{L}*?)(${BODY_KINDS.join("|")})(${INFLECTION})$`, "iu");
/** Definite or plural forms: a body named as the subject of a sentence ("Resursgruppen", "Hälsams presidier"). */
const SUBJECT_FORM = /^(en|et|erna|arna|er|ar|ets|ens)$/iu;
/** Words in a group's name that say what it is, besides the body kinds. */
const SUBJECT_WORD =
  /(beredning|nämnd|presidi|grupp|nätverk|utskott|forum|råd|styrelse|kommitté|delegation|samverkan)\p{L}*$/iu;
/** Where a body must be named for a sentence to be about it: its first words. */
const SUBJECT_WINDOW_WORDS = 3;

/** A stem: the word in lower case without its inflection ending. */
export function stemOf(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith("ium")) return lower.slice(0, -2);
  for (const ending of ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length >= 4) return lower.slice(0, -ending.length);
  }
  return lower;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function mentionOf(stems: readonly string[]): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${stems.map(escapeRegExp).join("|")})${INFLECTION}(?!\\p{L})`, "iu");
}

/** The name as it reads inside a sentence: "Samverkansberedningen i Laholm" → "samverkansberedningen i Laholm". */
export function midSentence(name: string): string {
  const [first = "", second = ""] = name.split(/\s+/);
  const properFirst = /\p{Lu}/u.test(first.slice(1)) || /^\p{Lu}/u.test(second);
  return properFirst ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** The group as an entity: recognised by the words of its name that say what it is ("samverkansberedning", "HälSam"). */
export function groupEntity(group: Group): Entity {
  const words = group.name.split(/[\s,]+/).filter(Boolean);
  let stems = words
    .filter((word) => SUBJECT_WORD.test(word) || /^\p{Lu}\p{L}*\p{Lu}/u.test(word))
    .map(stemOf);
  if (stems.length === 0) stems = words.filter((word) => word.length > 3).map(stemOf);
  if (stems.length === 0) stems = [group.id];
  return {
    key: stems[0] ?? group.id,
    name: group.name,
    phrase: midSentence(group.name),
    isGroup: true,
    mention: mentionOf(stems),
    documents: null,
  };
}

interface BodyCandidate {
  key: string;
  kind: string;
  documents: Set<string>;
}

const DEFINITE: Record<string, string> = { nätverk: "et", utskott: "et", presidi: "et" };

function displayName(key: string, kind: string, plural: boolean): string {
  const ending = plural && kind !== "presidi" ? "erna" : (DEFINITE[kind] ?? "en");
  const name = `${key}${ending}`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The bodies the group's documents describe: those a heading names ("Kvalitetsnätverket") or that
 * are the subject of a sentence ("Resursgruppen sammankallas av …"). The group's own kind of body
 * ("Samverkansberedning" in Laholm's agreement) is the group itself. A bare "nätverket" in a
 * document that names "Kvalitetsnätverket" refers to it; in other documents it does not.
 */
export function detectBodies(material: GroupMaterial, group: Entity): Entity[] {
  const found = new Map<string, BodyCandidate>();
  const consider = (rawWord: string, documentId: string, inHeading: boolean) => {
    const match = BODY_WORD.exec(rawWord.replace(/[^\p{L}]/gu, ""));
    if (!match) return;
    if (!inHeading && !SUBJECT_FORM.test(match[3] ?? "")) return;
    const kind = (match[2] ?? "").toLowerCase();
    const key = `${(match[1] ?? "").toLowerCase()}${kind}`;
    if (group.mention.test(key)) return;
    const known = found.get(key) ?? { key, kind, documents: new Set<string>() };
    known.documents.add(documentId);
    found.set(key, known);
  };
  // Bodies are set up by agreements and regulations; reports mention many others in passing.
  const governing = [...material.passages.values()].filter((passage) => passage.document.type !== "report");
  for (const passage of governing.length > 0 ? governing : material.passages.values()) {
    const documentId = passage.document.id;
    for (const heading of passage.headingPath) consider(heading.split(/\s+/)[0] ?? "", documentId, true);
    for (const unit of passage.units) {
      for (const word of unit.split(/\s+/).slice(0, SUBJECT_WINDOW_WORDS)) consider(word, documentId, false);
    }
  }
  const bodies: Entity[] = [];
  for (const candidate of found.values()) {
    const compound = [...found.values()].find(
      (other) => other !== candidate && other.key !== other.kind && other.kind === candidate.kind,
    );
    if (candidate.key === candidate.kind && compound) continue;
    const stems = [candidate.key];
    const documents = new Set(candidate.documents);
    // The bare kind ("nätverket") stands for the compound ("Kvalitetsnätverket") in the compound's documents.
    const bare = found.get(candidate.kind);
    if (bare && bare !== candidate) stems.push(candidate.kind);
    const plural = [...material.passages.values()].some((passage) =>
      new RegExp(`(?<!\\p{L})${escapeRegExp(candidate.key)}(erna|arna)(?!\\p{L})`, "iu").test(passage.text),
    );
    const name = displayName(candidate.key, candidate.kind, plural);
    bodies.push({
      key: candidate.key,
      name,
      phrase: name.toLowerCase(),
      isGroup: false,
      mention: mentionOf(stems),
      documents,
    });
  }
  return bodies;
}

/** Which entity a sentence is about, and whether the sentence names it. */
export interface SentenceSubject {
  entity: Entity | null;
  /**
   * How the entity was found: named among the first words, as the sentence's subject ("Resursgruppen
   * sammankallas …"); named later; by the section heading; or by a document only this group claims.
   */
  via: "subject" | "name" | "heading" | "document" | null;
}

/** Words within which a mention counts as the sentence's subject. */
const LEADING_WORDS = 4;

/**
 * Which entity a sentence is about: the one it names first; when it names none, the one its
 * section heading names, and in a document only this group claims, the group. Null when the
 * sentence is about something else (another group's matter in a shared document).
 */
export function subjectOf(
  sentence: string,
  passage: GroupPassage,
  entities: readonly Entity[],
  material: Pick<GroupMaterial, "exclusive">,
): SentenceSubject {
  const documentId = passage.document.id;
  const applies = entities.filter((entity) => entity.documents === null || entity.documents.has(documentId));
  let best: Entity | null = null;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const entity of applies) {
    const match = entity.mention.exec(sentence);
    if (match && match.index < bestAt) {
      best = entity;
      bestAt = match.index;
    }
  }
  if (best) {
    const leading = sentence.slice(0, bestAt).split(/\s+/).filter(Boolean).length < LEADING_WORDS;
    return { entity: best, via: leading ? "subject" : "name" };
  }
  for (const heading of [...passage.headingPath].reverse()) {
    const named = applies.find((entity) => entity.mention.test(heading));
    if (named) return { entity: named, via: "heading" };
  }
  const group = material.exclusive.has(documentId)
    ? (entities.find((entity) => entity.isGroup) ?? null)
    : null;
  return { entity: group, via: group ? "document" : null };
}

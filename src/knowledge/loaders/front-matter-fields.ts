import { didYouMean } from "../did-you-mean.ts";
import { DOCUMENT_TYPES, type DocumentMetadata, type DocumentType } from "../document.ts";
import { readInformalDate } from "./informal-date.ts";

/** What reading one front matter field gave: metadata to keep, and what to tell the author if it did not fit. */
export interface FieldReading {
  metadata: Partial<DocumentMetadata>;
  /** Why the value did not fit, what was kept instead and how to write it (Swedish, without the file name). */
  problem?: string;
}

const DATE_HOW = "Skriv datumet som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, t.ex. date: 2016-12-01 eller date: 2021";
const TYPE_HOW = `Skriv en av: ${DOCUMENT_TYPES.join(", ")}`;
/** Swedish words people write as a type, and the type they mean. */
const SWEDISH_TYPES: Readonly<Record<string, DocumentType>> = {
  avtal: "agreement",
  överenskommelse: "agreement",
  samverkansavtal: "agreement",
  avsiktsförklaring: "agreement",
  reglemente: "regulation",
  arbetsordning: "regulation",
  föreskrift: "regulation",
  riktlinje: "regulation",
  riktlinjer: "regulation",
  lag: "regulation",
  förordning: "regulation",
  rapport: "report",
  uppföljning: "report",
  uppföljningsrapport: "report",
  årsredovisning: "report",
  verksamhetsberättelse: "report",
  sammanträdesplan: "schedule",
  mötesplan: "schedule",
  schema: "schedule",
  webbsida: "webpage",
  hemsida: "webpage",
  annat: "other",
  övrigt: "other",
  dokument: "other",
};

/** Reads `title`: a text (a number such as a year is taken as text). */
export function readTitle(value: unknown): FieldReading {
  const text = asText(value);
  if (text) return { metadata: { title: text } };
  return {
    metadata: {},
    problem: `ska vara en text men är ${describeValue(value)}; titeln tas i stället från dokumentets första rubrik. Skriv t.ex. title: Överenskommelse om samverkan`,
  };
}

/** Reads `type`: one of the document types; a Swedish word or a near miss is read as the type it names. */
export function readType(value: unknown): FieldReading {
  const text = asText(value)?.toLowerCase();
  if (text && (DOCUMENT_TYPES as readonly string[]).includes(text))
    return { metadata: { type: text as DocumentType } };
  const meant = text ? (didYouMean(text, DOCUMENT_TYPES, SWEDISH_TYPES) as DocumentType | null) : null;
  if (meant) {
    return {
      metadata: { type: meant },
      problem: `har värdet ${describeValue(value)}, som inte är en dokumenttyp; det lästes som "${meant}". ${TYPE_HOW}`,
    };
  }
  return {
    metadata: {},
    problem: `har värdet ${describeValue(value)}, som inte är en dokumenttyp; typen gissas i stället från titeln och texten. ${TYPE_HOW}`,
  };
}

/** Reads `organisations`: a text or a list of texts; entries that are not texts are left out. */
export function readOrganisations(value: unknown): FieldReading {
  const { texts, rejected } = textList(value);
  const metadata = texts.length > 0 ? { organisations: texts } : {};
  if (rejected === null) return { metadata };
  const kept =
    texts.length > 0 ? `bara ${texts.map((text) => `"${text}"`).join(", ")} behölls` : "fältet användes inte";
  return {
    metadata,
    problem: `ska vara en text eller en lista med texter men innehåller ${rejected}; ${kept}. Skriv t.ex. organisations: [Laholms kommun, Region Halland]`,
  };
}

/**
 * Reads `groups` (or `group`): group ids. A claim that cannot be read in full keeps the ids it can
 * and also gets `UNREADABLE_GROUP_CLAIM`, so the document is hidden rather than public meanwhile.
 */
export function readGroups(value: unknown, unreadableClaim: string): FieldReading {
  const { texts, rejected } = textList(value);
  if (rejected === null) return { metadata: texts.length > 0 ? { groups: texts } : {} };
  return {
    metadata: { groups: [...texts, unreadableClaim] },
    problem: `ska vara ett grupp-id eller en lista med grupp-id:n men innehåller ${rejected}; dokumentet visas bara för administratören tills fältet är rättat. Skriv t.ex. groups: [laholm-samverkansberedning]`,
  };
}

/** Reads `date`: a day, a month or a year; from anything else the part that is certain. */
export function readDate(value: unknown): FieldReading {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return { metadata: { date: value.toISOString().slice(0, 10) } };
  const text =
    typeof value === "number" && Number.isInteger(value)
      ? String(value)
      : typeof value === "string"
        ? value
        : null;
  const read = text === null ? null : readInformalDate(text);
  if (read?.exact) return { metadata: { date: read.date } };
  if (read?.date) {
    return {
      metadata: { date: read.date },
      problem: `har värdet ${describeValue(value)}, som inte är skrivet som ett datum; "${read.date}" behölls. ${DATE_HOW}`,
    };
  }
  return {
    metadata: {},
    problem: `har värdet ${describeValue(value)}, som inte går att läsa som ett datum; dokumentet indexerades utan datum. ${DATE_HOW}`,
  };
}

/** Reads `source`: a text, usually a web address. */
export function readSource(value: unknown): FieldReading {
  const text = asText(value);
  if (text) return { metadata: { source: text } };
  return {
    metadata: {},
    problem: `ska vara en text (oftast en webbadress) men är ${describeValue(value)}; dokumentet indexerades utan källa. Skriv t.ex. source: https://www.laholm.se/…`,
  };
}

/** A value as a person would recognise it in the file: the text quoted, or what kind of value it is. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "en tom lista" : "en lista";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return "fält med egna värden";
}

function asText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" ? null : text;
}

/** The texts of a text-or-list value, and a description of what was not a text (null when all were). */
function textList(value: unknown): { texts: string[]; rejected: string | null } {
  const items = Array.isArray(value) ? value : [value];
  const texts = items.map(asText).filter((text): text is string => text !== null);
  const others = items.filter((item) => asText(item) === null && item !== null && item !== undefined);
  if (!Array.isArray(value) && texts.length === 0) return { texts, rejected: describeValue(value) };
  return { texts, rejected: others.length > 0 ? others.map(describeValue).join(", ") : null };
}

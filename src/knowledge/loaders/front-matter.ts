import { isNode, LineCounter, parseDocument } from "yaml";
import { didYouMean } from "../did-you-mean.ts";
import { type DocumentMetadata, type DocumentWarning, UNREADABLE_GROUP_CLAIM } from "../document.ts";
import { withoutNulls } from "../without-nulls.ts";
import { yamlErrorText } from "../yaml-error-text.ts";
import {
  describeValue,
  type FieldReading,
  readDate,
  readGroups,
  readOrganisations,
  readSource,
  readTitle,
  readType,
} from "./front-matter-fields.ts";

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The front matter starts on the line after the opening `---`. */
const FIRST_LINE = 2;

const FIELDS: Readonly<Record<string, (value: unknown) => FieldReading>> = {
  title: readTitle,
  type: readType,
  organisations: readOrganisations,
  groups: (value) => readGroups(value, UNREADABLE_GROUP_CLAIM),
  group: (value) => readGroups(value, UNREADABLE_GROUP_CLAIM),
  date: readDate,
  source: readSource,
};
/** Field names people write instead of ours, and the field they mean. */
const SWEDISH_FIELDS: Readonly<Record<string, string>> = {
  titel: "title",
  namn: "title",
  typ: "type",
  dokumenttyp: "type",
  organisation: "organisations",
  organisationer: "organisations",
  organizations: "organisations",
  organization: "organisations",
  grupp: "groups",
  grupper: "groups",
  datum: "date",
  beslutsdatum: "date",
  källa: "source",
  kalla: "source",
  url: "source",
  länk: "source",
};
/**
 * Keys of the Swedish statute corpus (se-lex/sfs). They are read leniently: `rubrik` gives the
 * title, `beteckning` the type, `departement` the organisation, `utfardad_datum` the date,
 * `pdf_url` the source; the others are known and not used. A wrong value is ignored silently.
 */
const STATUTE_KEYS = new Set([
  "rubrik",
  "beteckning",
  "departement",
  "utfardad_datum",
  "pdf_url",
  "publicerad_datum",
  "andringsforfattningar",
  "forarbeten",
  "ikraft_datum",
  "utgar_datum",
]);

/** Metadata read from front matter, and what did not fit (each warning naming file, line and field). */
export interface FrontMatter {
  metadata: Partial<DocumentMetadata>;
  warnings: DocumentWarning[];
}

/** Separates a leading `---` YAML block from the Markdown body; the body is returned unchanged. */
export function splitFrontMatter(source: string): { frontMatter: string | null; body: string } {
  const opening = OPENING.exec(source);
  if (!opening) return { frontMatter: null, body: source };
  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { frontMatter: null, body: source };
  const afterClosing = rest.slice(closing.index + closing[0].length);
  return { frontMatter: rest.slice(0, closing.index), body: afterClosing.replace(/^\r?\n/, "") };
}

/**
 * Reads front matter YAML into document metadata, field by field. A value that does not fit never
 * costs the document: the field is left out (or read as far as it is certain, e.g. the year of
 * "våren 2021") and a Swedish warning says which file, line and field, what was kept and how to
 * write it. Front matter that is not YAML at all is left out whole, with a warning.
 */
export function parseFrontMatter(yaml: string, file: string): FrontMatter {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? null : lineCounter.linePos(offset).line + FIRST_LINE - 1;
  const firstError = document.errors[0];
  let data: unknown;
  try {
    data = firstError ? undefined : withoutNulls(document.toJS() ?? {});
  } catch {
    data = undefined;
  }
  if (
    firstError ||
    data === null ||
    typeof data !== "object" ||
    Array.isArray(data) ||
    data instanceof Date
  ) {
    const reason = firstError
      ? `är inte giltig YAML (${yamlErrorText(firstError)})`
      : "ska bestå av fält med värden, t.ex. title: …";
    return unusable(file, firstError ? lineAt(firstError.pos[0]) : FIRST_LINE, reason, yaml);
  }

  const metadata: Partial<DocumentMetadata> = {};
  const warnings: DocumentWarning[] = [];
  const statute: Record<string, unknown> = {};
  const warn = (key: string, message: string) => {
    const node = document.get(key, true);
    const line = isNode(node) && node.range ? lineAt(node.range[0]) : null;
    warnings.push({ field: key, message: `${where(file, line)}: ${message}` });
  };
  for (const [key, value] of Object.entries(data)) {
    const read = FIELDS[key];
    if (read) {
      const reading = read(value);
      merge(metadata, reading.metadata);
      if (reading.problem) warn(key, `fältet "${key}" ${reading.problem}.`);
    } else if (STATUTE_KEYS.has(key)) {
      statute[key] = value;
    } else {
      const meant = didYouMean(key, Object.keys(FIELDS), SWEDISH_FIELDS);
      // A misspelt group claim must not make an internal document public.
      const claim = meant === "groups" || meant === "group";
      if (claim) merge(metadata, { groups: [UNREADABLE_GROUP_CLAIM] });
      const hint = meant
        ? ` – menade du "${meant}"?${claim ? " Tills fältet är rättat visas dokumentet bara för administratören." : ""}`
        : `. Fälten som används är ${Object.keys(FIELDS).join(", ")}.`;
      warn(key, `okänt fält "${key}" (värde ${describeValue(value)}) användes inte${hint}`);
    }
  }
  return { metadata: withStatuteKeys(metadata, statute), warnings };
}

function unusable(file: string, line: number | null, reason: string, yaml: string): FrontMatter {
  // A broken block may hold a group claim; withholding the document is the safe reading of it.
  const mentionsGroups = /^\s*["']?group/im.test(yaml);
  const withheld = mentionsGroups
    ? " Den nämner grupper, så dokumentet visas bara för administratören tills den är rättad."
    : "";
  return {
    metadata: mentionsGroups ? { groups: [UNREADABLE_GROUP_CLAIM] } : {},
    warnings: [
      {
        field: null,
        message: `${where(file, line)}: inledningen mellan raderna "---" ${reason}; dokumentet indexerades utan uppgifterna i den (titel, typ, datum …).${withheld} Rätta inledningen eller ta bort den.`,
      },
    ],
  };
}

function where(file: string, line: number | null): string {
  return line === null ? file : `${file} rad ${line}`;
}

function merge(metadata: Partial<DocumentMetadata>, more: Partial<DocumentMetadata>): void {
  const groups = [...(metadata.groups ?? []), ...(more.groups ?? [])];
  Object.assign(metadata, more);
  if (groups.length > 0) metadata.groups = [...new Set(groups)];
}

function withStatuteKeys(
  metadata: Partial<DocumentMetadata>,
  statute: Record<string, unknown>,
): Partial<DocumentMetadata> {
  const text = (key: string) => {
    const value = statute[key];
    if (typeof value === "number") return String(value);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const result = { ...metadata };
  const beteckning = text("beteckning");
  const title = statuteTitle(text("rubrik"), beteckning);
  if (result.title === undefined && title) result.title = title;
  if (result.type === undefined && beteckning) result.type = "regulation";
  const departement = text("departement");
  if (result.organisations === undefined && departement) result.organisations = [departement];
  const issued = text("utfardad_datum");
  if (result.date === undefined && issued && ISO_DATE.test(issued)) result.date = issued;
  const pdf = text("pdf_url");
  if (result.source === undefined && pdf) result.source = pdf;
  return result;
}

/** "Skollag" + "2010:800" → "Skollag (2010:800)", the way Swedish statutes are cited. */
function statuteTitle(rubrik: string | undefined, beteckning: string | undefined): string | undefined {
  if (!rubrik) return undefined;
  if (!beteckning || rubrik.includes(beteckning)) return rubrik;
  return `${rubrik} (${beteckning})`;
}

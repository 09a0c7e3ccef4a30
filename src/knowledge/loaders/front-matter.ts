import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { SamsynError } from "../../errors.ts";
import { describeZodIssue } from "../describe-zod-issue.ts";
import { DOCUMENT_TYPES, type DocumentMetadata } from "../document.ts";
import { withoutNulls } from "../without-nulls.ts";

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const textList = z
  .union([z.string(), z.array(z.string())], { error: "ska vara en text eller en lista med texter" })
  .transform((value) => (Array.isArray(value) ? value : [value]));
/** A day, a month or a year ("2021", "2019-05"): Swedish web pages often give no more, and none is invented. */
const PARTIAL_DATE = /^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_FORMS = "ska vara ett datum skrivet ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, t.ex. 2016-12-01 eller 2021";
const isoDate = z.union(
  [
    z.string().trim().regex(PARTIAL_DATE, { error: DATE_FORMS }),
    // Unquoted in YAML, a year is a number and a day a date.
    z.number().int().min(1900, { error: DATE_FORMS }).max(2099, { error: DATE_FORMS }).transform(String),
    z.date().transform((date) => date.toISOString().slice(0, 10)),
  ],
  { error: DATE_FORMS },
);
// Keys of the Swedish statute corpus (se-lex/sfs) are read leniently: a wrong value is ignored.
const lenientText = z.union([z.string(), z.number()]).transform(String).optional().catch(undefined);

/** Front matter of a knowledge Markdown file; unknown keys are allowed and ignored. */
export const frontMatterSchema = z.looseObject({
  title: z.string().trim().min(1).optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  organisations: textList.optional(),
  groups: textList.optional(),
  group: textList.optional(),
  date: isoDate.optional(),
  source: z.string().trim().min(1).optional(),
  rubrik: lenientText,
  beteckning: lenientText,
  departement: lenientText,
  utfardad_datum: lenientText,
  pdf_url: lenientText,
});

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

/** Parses and validates front matter YAML into document metadata; throws a Swedish error naming the file. */
export function parseFrontMatter(yaml: string, file: string): Partial<DocumentMetadata> {
  let data: unknown;
  try {
    data = withoutNulls(parseYaml(yaml) ?? {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new SamsynError(
      "ingest_unreadable_file",
      `${file}: inledningen mellan raderna "---" är inte giltig YAML (${reason}). Rätta den eller ta bort den.`,
      { cause: error },
    );
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => describeZodIssue(issue, data)).join("; ");
    throw new SamsynError(
      "ingest_unreadable_file",
      `${file}: fel i inledningen (front matter): ${problems}.`,
    );
  }
  return toMetadata(result.data);
}

function toMetadata(data: z.infer<typeof frontMatterSchema>): Partial<DocumentMetadata> {
  const metadata: Partial<DocumentMetadata> = {};
  const title = data.title ?? statuteTitle(data.rubrik, data.beteckning);
  if (title) metadata.title = title;
  const type = data.type ?? (data.beteckning ? "regulation" : undefined);
  if (type) metadata.type = type;
  const organisations = data.organisations ?? (data.departement ? [data.departement] : undefined);
  if (organisations) metadata.organisations = organisations.map((name) => name.trim()).filter(Boolean);
  const groups = data.groups ?? data.group;
  if (groups) metadata.groups = groups.map((id) => id.trim()).filter(Boolean);
  const issued = data.utfardad_datum && ISO_DATE.test(data.utfardad_datum) ? data.utfardad_datum : undefined;
  const date = data.date ?? issued;
  if (date !== undefined) metadata.date = date;
  const source = data.source ?? data.pdf_url;
  if (source !== undefined) metadata.source = source;
  return metadata;
}

/** "Skollag" + "2010:800" → "Skollag (2010:800)", the way Swedish statutes are cited. */
function statuteTitle(rubrik: string | undefined, beteckning: string | undefined): string | undefined {
  if (!rubrik) return undefined;
  const title = rubrik.trim();
  if (!beteckning || title.includes(beteckning)) return title;
  return `${title} (${beteckning})`;
}

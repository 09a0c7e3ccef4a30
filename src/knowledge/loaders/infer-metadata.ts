import type { DocumentBlock, DocumentMetadata, DocumentType } from "../document.ts";
import { namedDocumentType } from "./document-type-words.ts";
import { inferDate } from "./infer-date.ts";
import { inferOrganisations } from "./infer-organisations.ts";
import { inferTitle } from "./infer-title.ts";

const OPENING_CHARACTERS = 600;
/** Lines only a saved web page has: a skip link, "Senast ändrad", "Dela sidan". */
const WEB_PAGE_LINE =
  /^(?:(?:hoppa|gå|direkt)(?: direkt)? till (?:huvud)?(?:innehåll|innehållet|sidans innehåll)|skip to (?:main )?content|senast (?:ändrad|uppdaterad|granskad)\b.*|dela (?:sidan|på)\b.*|lyssna|till toppen)$/iu;

/**
 * Completes what a file did not say about itself from its content: a title (PDF title, cover
 * headings, a line naming the kind of document, or the file name), a type from Swedish words such
 * as Överenskommelse or Reglemente, a date from a date line, and the municipalities and regions it
 * names.
 */
export function inferMetadata(
  stated: Partial<DocumentMetadata>,
  document: { id: string; text: string; blocks: readonly DocumentBlock[] },
): DocumentMetadata {
  const inferredTitle = stated.title ?? inferTitle(document.id, document.blocks);
  const organisations = stated.organisations ?? inferOrganisations(inferredTitle, document.text);
  const title = stated.title ?? withOrganisation(inferredTitle, organisations);
  return {
    title,
    type: stated.type ?? inferType(title, document),
    organisations,
    groups: stated.groups ?? [],
    date: stated.date ?? inferDate(document.blocks),
    source: stated.source ?? null,
  };
}

/** The kind of document, from its title, then web-page furniture, then its opening text. */
export function inferType(
  title: string,
  document: { text: string; blocks: readonly DocumentBlock[] },
): DocumentType {
  const fromTitle = namedDocumentType(title);
  if (fromTitle) return fromTitle;
  if (document.blocks.some((block) => WEB_PAGE_LINE.test(block.text))) return "webpage";
  return namedDocumentType(document.text.slice(0, OPENING_CHARACTERS)) ?? "other";
}

/**
 * "Lokala nämnder" is the title of a page on every region's site: an inferred title that names no
 * organisation gets the only one the document names, as a web page's own title would. With several
 * (the parties to an agreement) naming one would mislead.
 */
function withOrganisation(title: string, organisations: readonly string[]): string {
  const main = organisations[0];
  if (!main || organisations.length > 1) return title;
  const lower = title.toLowerCase();
  const named = organisations.some((name) => lower.includes(placeOf(name).toLowerCase()));
  return named ? title : `${title} – ${main}`;
}

/** The place an organisation is named after: "Laholms kommun" → "Laholm", "Region Halland" → "Halland". */
function placeOf(organisation: string): string {
  return organisation
    .replace(/^Region\s+/u, "")
    .replace(/s? kommun$/u, "")
    .replace(/snämnden$/u, "");
}

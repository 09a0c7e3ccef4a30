import type { Analyzer } from "../../text/index.ts";
import { isSpecificBody } from "../query-words.ts";
import { citedDocumentsName, singleAskedClause } from "../unknown-names.ts";

/**
 * A compound naming one body of people (beyond the nämnd/styrelse/beredning kinds of
 * isSpecificBody): "vattendelegationen", "barnmiljörådet", "referensgruppen",
 * "kvalitetsnätverket", "utredningskommittén". The first part must be a word of its own, so
 * "förråd" is not a råd.
 */
const BODY = /^[\p{L}-]{4,}(?:delegation|råd|kommitté|grupp|nätverk|forum|kansli|arbetsutskott|presidium)$/u;

/** A body in this share of all documents or more is a common word, not a particular body. */
const COMMON_BODY_SHARE = 0.5;

/** Whether an analysed term names a particular body. */
export function namesBody(term: string): boolean {
  return isSpecificBody(term) || BODY.test(term);
}

/**
 * The body a one-part question asks about ("Hur ofta sammanträder vattendelegationen?") when none
 * of the documents the answer cites mentions it, although other documents do: the answer would
 * describe another body ("barnmiljörådet sammanträder …"). Null when the cited documents name it, or
 * the question names no particular body. The scene before the question does not count.
 */
export function bodyMissingFromSources(
  question: string,
  citedDocumentIds: ReadonlySet<string>,
  analyzer: Pick<Analyzer, "analyzeWords">,
  documentsContaining: (term: string) => ReadonlySet<string>,
  documentCount: number,
): string | null {
  if (citedDocumentIds.size === 0 || documentCount === 0) return null;
  const text = singleAskedClause(question);
  if (text === null) return null;
  for (const terms of analyzer.analyzeWords(text)) {
    const whole = terms[0];
    if (whole === undefined || !namesBody(whole)) continue;
    const documents = documentsContaining(whole);
    if (documents.size === 0 || documents.size >= COMMON_BODY_SHARE * documentCount) continue;
    if (!citedDocumentsName(terms, citedDocumentIds, documentsContaining)) return whole;
  }
  return null;
}

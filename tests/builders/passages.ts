import type { PassageReference } from "../../src/answer/answer.ts";
import type { RetrievedPassage } from "../../src/retrieval/hybrid-retriever.ts";

/** A retrieved passage as retrieval hands it to the answer composer; `names` are analysed question names. */
export function retrievedPassage(
  text: string,
  options: { title?: string; names?: string[]; headings?: string[]; rowid?: number } = {},
): RetrievedPassage {
  const title = options.title ?? "Överenskommelse";
  const rowid = options.rowid ?? 1;
  return {
    chunk: {
      rowid,
      id: `${title}#${rowid}`,
      documentId: title,
      ordinal: rowid,
      text,
      headingPath: options.headings ?? [],
      page: null,
      start: 0,
      end: text.length,
    },
    document: {
      id: title,
      title,
      type: "agreement",
      organisations: [],
      groups: [],
      date: null,
      source: null,
      contentHash: "",
      chunkCount: 1,
      indexedAt: "",
    },
    score: 1,
    keywordScore: null,
    vectorScore: null,
    names: options.names ?? [],
  };
}

/** A closest passage of a decline ("Närmast i underlaget"); fields not given are empty. */
export function passageReference(fields: Partial<PassageReference> = {}): PassageReference {
  return {
    documentId: "d",
    chunkId: "d#0",
    title: "Reglemente",
    section: null,
    page: null,
    excerpt: "Nämnden ska…",
    source: null,
    date: null,
    ...fields,
  };
}

import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/knowledge/chunk-document.ts";
import {
  decodeHeadings,
  encodeHeadings,
  headingPathAt,
} from "../../src/knowledge/chunking/chunk-sections.ts";
import type { LoadedDocument } from "../../src/knowledge/document.ts";
import { assembleDocument } from "../../src/knowledge/loaders/assemble-document.ts";
import type { RawBlock } from "../../src/knowledge/loaders/parsed-document.ts";

const heading = (text: string, level = 2): RawBlock => ({ kind: "heading", text, level, page: null });
const paragraph = (text: string): RawBlock => ({ kind: "paragraph", text, page: null });

function documentFrom(blocks: RawBlock[]): LoadedDocument {
  const { text, blocks: placed } = assembleDocument(blocks);
  const metadata = {
    title: "Överenskommelse",
    type: "agreement" as const,
    organisations: [],
    groups: [],
    date: null,
    source: null,
  };
  return { id: "avtal.md", text, blocks: placed, metadata, contentHash: "0" };
}

// Three short sibling sections: the chunker merges them into one passage.
const AGREEMENT = documentFrom([
  heading("Överenskommelse", 1),
  heading("Uppföljning"),
  paragraph("Överenskommelsen följs upp årligen av samverkansberedningen."),
  heading("Giltighet"),
  paragraph("Överenskommelsen gäller tillsvidare med sex månaders uppsägningstid."),
  heading("Information"),
  paragraph("Överenskommelsen ska vara känd i båda parternas verksamheter."),
]);

describe("section labels of merged small sections", () => {
  it("names the heading each sentence stands under, not the passage's main section", () => {
    const [chunk, ...rest] = chunkDocument(AGREEMENT);
    expect(rest).toHaveLength(0);
    if (!chunk) throw new Error("no chunk");
    expect(headingPathAt(chunk, "Överenskommelsen följs upp årligen av samverkansberedningen.")).toEqual([
      "Uppföljning",
    ]);
    expect(
      headingPathAt(chunk, "Överenskommelsen gäller tillsvidare med sex månaders uppsägningstid."),
    ).toEqual(["Giltighet"]);
    expect(headingPathAt(chunk, "Överenskommelsen ska vara känd i båda parternas verksamheter.")).toEqual([
      "Information",
    ]);
  });

  it("keeps the sections through the catalog's column and stores a one-section passage as before", () => {
    const [chunk] = chunkDocument(AGREEMENT);
    if (!chunk) throw new Error("no chunk");
    expect(decodeHeadings(encodeHeadings(chunk))).toEqual({
      headingPath: chunk.headingPath,
      sections: chunk.sections,
    });
    expect(encodeHeadings({ headingPath: ["Giltighet"] })).toBe('["Giltighet"]');
    expect(decodeHeadings('["Giltighet"]')).toEqual({ headingPath: ["Giltighet"] });
  });
});

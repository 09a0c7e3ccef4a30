import { describe, expect, it } from "vitest";
import { listingLinks } from "../../../src/sources/web/listing-links.ts";

const PAGE = new URL("https://www.kommun.se/politik/styrdokument");

const html = `<html><body><nav><a href="/politik/">Politik</a></nav><main>
<a href="reglemente.pdf">Reglemente</a>
<a href="/politik/reglemente.pdf#sida=2">Reglemente (sidan 2)</a>
<a href="/politik/styrdokument#innehall">Till innehållet</a>
<a href="https://www.kommun.se/politik/arbetsordning" title="Arbetsordning"><img src="x.png"></a>
<a href="https://filer.kommun.se/politik/budget.pdf">Budget</a>
<a href="/nyheter/notis">Notis</a>
<a href="mailto:info@kommun.se">E-post</a>
</main></body></html>`;

describe("listingLinks", () => {
  it("keeps links of the main content in the page's folder on the same site, without fragments or duplicates", () => {
    expect(listingLinks(html, PAGE, { under: null, match: null })).toEqual([
      { url: "https://www.kommun.se/politik/reglemente.pdf", title: "Reglemente" },
      { url: "https://www.kommun.se/politik/arbetsordning", title: "Arbetsordning" },
    ]);
  });

  it("follows another host only when `under` names it, and filters by the pattern", () => {
    expect(listingLinks(html, PAGE, { under: "https://filer.kommun.se/politik/", match: null })).toEqual([
      { url: "https://filer.kommun.se/politik/budget.pdf", title: "Budget" },
    ]);
    expect(listingLinks(html, PAGE, { under: "/", match: /\.pdf$/ }).map((link) => link.url)).toEqual([
      "https://www.kommun.se/politik/reglemente.pdf",
    ]);
  });

  it("resolves relative links against <base href>", () => {
    const withBase = `<html><head><base href="https://www.kommun.se/politik/dokument/"></head><body><a href="a.pdf">A</a></body></html>`;
    expect(listingLinks(withBase, PAGE, { under: null, match: null })).toEqual([
      { url: "https://www.kommun.se/politik/dokument/a.pdf", title: "A" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { didYouMean } from "../../src/knowledge/did-you-mean.ts";
import { UNREADABLE_GROUP_CLAIM } from "../../src/knowledge/document.ts";
import { parseFrontMatter } from "../../src/knowledge/loaders/front-matter.ts";
import { readInformalDate } from "../../src/knowledge/loaders/informal-date.ts";
import { scopeForGroups } from "../../src/retrieval/scope.ts";

const parse = (yaml: string) => parseFrontMatter(yaml, "dokument.md");

describe("front matter dates", () => {
  it.each([
    ["2021", "2021"],
    ["2019-05", "2019-05"],
    ["2016-12-01", "2016-12-01"],
  ])("keeps %s as written, without a warning", (written, kept) => {
    expect(readInformalDate(written)).toEqual({ date: kept, exact: true });
  });

  it.each([
    ["våren 2021", "2021"],
    ["1 december 2016", "2016-12-01"],
    ["3 dec. 2016", "2016-12-03"],
    ["maj 2019", "2019-05"],
    ["2021-02-30", "2021-02"],
    ["2019-13", "2019"],
    ["2021/22", "2021"],
    ["2019/2024/2025-2026", null],
    ["hösten", null],
  ])("reads %s as %s at most, inventing nothing", (written, kept) => {
    expect(readInformalDate(written)).toEqual({ date: kept, exact: false });
  });

  it("names file, line and field, what was kept and how to write it", () => {
    const { metadata, warnings } = parse("title: Plan\ndate: våren 2021\n");
    expect(metadata).toEqual({ title: "Plan", date: "2021" });
    expect(warnings).toEqual([
      {
        field: "date",
        message:
          'dokument.md rad 3: fältet "date" har värdet "våren 2021", som inte är skrivet som ett datum; "2021" behölls. ' +
          "Skriv datumet som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, t.ex. date: 2016-12-01 eller date: 2021.",
      },
    ]);
  });

  it("leaves out a date that names several years and says the document has none", () => {
    const { metadata, warnings } = parse('date: "2019/2024/2025-2026"\ntype: report\n');
    expect(metadata).toEqual({ type: "report" });
    expect(warnings[0]?.message).toContain("dokumentet indexerades utan datum");
  });

  it("reads an unquoted year and a YAML date without a warning", () => {
    expect(parse("date: 2021\n")).toEqual({ metadata: { date: "2021" }, warnings: [] });
    expect(parse("date: 2016-12-01\n")).toEqual({ metadata: { date: "2016-12-01" }, warnings: [] });
  });
});

describe("front matter types and fields", () => {
  it("reads a Swedish type word or a misspelling as the type it names, and says so", () => {
    expect(parse("type: Överenskommelse\n").metadata.type).toBe("agreement");
    const { metadata, warnings } = parse("type: reglemnte\n");
    expect(metadata.type).toBe("regulation");
    expect(warnings[0]?.message).toMatch(/fältet "type" har värdet "reglemnte".*lästes som "regulation"/);
  });

  it("leaves an unknown type to be guessed from the text, listing the types", () => {
    const { metadata, warnings } = parse("type: protokoll\n");
    expect(metadata.type).toBeUndefined();
    expect(warnings[0]?.message).toContain(
      "typen gissas i stället från titeln och texten. Skriv en av: agreement",
    );
  });

  it("answers an unknown key with the field it most likely means", () => {
    const { warnings } = parse("titel: Avtal\nsorce: https://example.se\nförfattare: Anna\n");
    expect(warnings.map((warning) => warning.message)).toEqual([
      'dokument.md rad 2: okänt fält "titel" (värde "Avtal") användes inte – menade du "title"?',
      'dokument.md rad 3: okänt fält "sorce" (värde "https://example.se") användes inte – menade du "source"?',
      'dokument.md rad 4: okänt fält "författare" (värde "Anna") användes inte. Fälten som används är title, type, organisations, groups, group, date, source.',
    ]);
  });

  it("keeps every valid field when others have the wrong kind of value", () => {
    const { metadata, warnings } = parse(
      "title: [Avtal, Bilaga]\ntype: agreement\norganisations: [Region Halland, {namn: x}]\nsource: {url: x}\ndate: 2020\n",
    );
    expect(metadata).toEqual({ type: "agreement", organisations: ["Region Halland"], date: "2020" });
    expect(warnings.map((warning) => warning.field)).toEqual(["title", "organisations", "source"]);
    expect(warnings[0]?.message).toContain('fältet "title" ska vara en text men är en lista');
    expect(warnings[1]?.message).toContain('bara "Region Halland" behölls');
  });

  it("reads the statute corpus keys without warnings", () => {
    const yaml =
      "beteckning: 2010:1101\nrubrik: Förordning om X\ndepartement: Utrikesdepartementet\nutfardad_datum: 2010-08-26\n" +
      "publicerad_datum: 2023-12-14\nforarbeten: x\npdf_url: https://x.se/a.pdf\nandringsforfattningar: []\nikraft_datum: 2011-01-01\nutgar_datum: 2030-01-01\n";
    expect(parse(yaml)).toEqual({
      metadata: {
        title: "Förordning om X (2010:1101)",
        type: "regulation",
        organisations: ["Utrikesdepartementet"],
        date: "2010-08-26",
        source: "https://x.se/a.pdf",
      },
      warnings: [],
    });
  });
});

describe("front matter that could hide a group claim", () => {
  const visibleTo = (groups: string[]) =>
    scopeForGroups(["laholm"], [], [{ id: "dokument.md", groups }]).documentIds ?? [];

  it("hides a document whose groups field cannot be read, instead of making it public", () => {
    const { metadata, warnings } = parse("groups: {laholm: ja}\n");
    expect(metadata.groups).toEqual([UNREADABLE_GROUP_CLAIM]);
    expect(warnings[0]?.message).toContain(
      "dokumentet visas bara för administratören tills fältet är rättat",
    );
    expect(visibleTo(metadata.groups ?? [])).toEqual([]);
    expect(visibleTo([])).toEqual(["dokument.md"]);
  });

  it("hides a document with a misspelt group field", () => {
    const { metadata, warnings } = parse("grupper: [laholm]\n");
    expect(metadata.groups).toEqual([UNREADABLE_GROUP_CLAIM]);
    expect(warnings[0]?.message).toContain(
      'menade du "groups"? Tills fältet är rättat visas dokumentet bara',
    );
  });

  it("indexes the body of front matter that is not YAML, hiding it only when it mentions groups", () => {
    const broken = parse('title: "Riktlinje\ntype: regulation\n');
    expect(broken.metadata).toEqual({});
    expect(broken.warnings[0]).toMatchObject({ field: null });
    expect(broken.warnings[0]?.message).toMatch(
      /^dokument\.md rad \d+: inledningen mellan raderna "---" är inte giltig YAML \(ett tecken saknas/,
    );
    const claimed = parse('title: "Riktlinje\ngroups: [laholm]\n');
    expect(claimed.metadata.groups).toEqual([UNREADABLE_GROUP_CLAIM]);
    expect(claimed.warnings[0]?.message).toContain("Den nämner grupper");
  });
});

describe("didYouMean", () => {
  it("finds the field a misspelling or a Swedish word means, and nothing for an unrelated word", () => {
    expect(didYouMean("visibilty", ["visibility", "documents"])).toBe("visibility");
    expect(didYouMean("dokuments", ["visibility", "documents"])).toBe("documents");
    expect(didYouMean("datum", ["date"], { datum: "date" })).toBe("date");
    expect(didYouMean("färg", ["title", "type", "date"])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { documentDateText } from "../../src/knowledge/document-date-text.ts";

// The web page words dates itself (it cannot import the server's code); both must say the same.
// dom.js is plain browser JavaScript without types, hence the path through a variable.
const DOM_SCRIPT = "../../src/surfaces/web/static/dom.js";
const { documentDateText: pageDateText } = (await import(DOM_SCRIPT)) as {
  documentDateText: (date: string | null) => string | null;
};

const CASES: [string | null, string | null][] = [
  ["2021", "2021"],
  ["2019-05", "maj 2019"],
  ["2021-03-12", "12 mars 2021"],
  ["2016-12-01", "1 december 2016"],
  ["2020-01", "januari 2020"],
  [null, null],
  ["", null],
];

describe("a document's date as Swedish readers write it", () => {
  it("keeps the precision that is known and never makes up a month or a day", () => {
    for (const [date, shown] of CASES) expect(documentDateText(date), String(date)).toBe(shown);
  });

  it("is worded the same on the web page as in Slack, Teams and the terminal", () => {
    for (const [date] of CASES) expect(pageDateText(date), String(date)).toBe(documentDateText(date));
  });
});

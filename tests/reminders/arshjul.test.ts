import { describe, expect, it } from "vitest";
import { arshjulPng, renderArshjulSvg } from "../../src/reminders/arshjul.ts";
import { MONTHS, stockholmDateTime } from "../../src/reminders/stockholm-time.ts";

describe("årshjul", () => {
  const svg = renderArshjulSvg({
    groupName: "Samverkansberedningen i Laholm",
    year: 2027,
    items: [
      {
        date: stockholmDateTime("2027-02-09", "13:00"),
        title: "Samverkansberedningens sammanträde",
        kind: "meeting",
      },
      {
        date: stockholmDateTime("2027-04-20"),
        title: "Laholmsnämnden – uppföljningsrapport 1 (januari–mars) lämnas in",
        kind: "report",
      },
      { date: stockholmDateTime("2027-04-21"), title: "Kallelse & data", kind: "deadline" },
    ],
  });

  it("has twelve Swedish month sectors, the group and the year", () => {
    for (const month of MONTHS) expect(svg).toContain(`>${month}</text>`);
    expect(svg).toContain(">2027</text>");
    expect(svg).toContain("Årshjul 2027 – Samverkansberedningen i Laholm");
  });

  it("marks each meeting and deadline with a short dated label", () => {
    expect(svg).toContain(">9 feb Sammanträde</text>");
    expect(svg).toContain(">20 apr Uppföljningsrappor…</text>");
    expect(svg).toContain(">21 apr Kallelse &amp; data</text>");
    expect(svg.match(/<circle [^>]*r="8"/g)).toHaveLength(2);
  });

  it("renders to a PNG", () => {
    const png = arshjulPng(svg);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1100);
  });
});

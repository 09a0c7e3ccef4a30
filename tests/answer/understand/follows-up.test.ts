import { describe, expect, it } from "vitest";
import { understandCalendarQuestion } from "../../../src/answer/understand/calendar-question.ts";
import { followsUp } from "../../../src/answer/understand/follows-up.ts";
import { resolveFollowUp } from "../../../src/answer/understand/resolve-follow-up.ts";

describe("followsUp", () => {
  it.each(["När är nästa?", "Och i september?", "Och var?", "Vilka sitter med i det?"])(
    "%s leans on the earlier turns",
    (question) => {
      expect(followsUp(question)).toBe(true);
    },
  );

  it.each(["Vem utser ersättarna?", "Hur ofta träffas vi?", "När är nästa möte?"])(
    "%s stands on its own",
    (question) => {
      expect(followsUp(question)).toBe(false);
    },
  );
});

describe("a follow-up resolved against the body asked about", () => {
  it("takes the body, not the verb, of a how-often question", () => {
    expect(resolveFollowUp("Och vilka ingår i den?", ["Hur ofta sammanträder beredningen?"])).toBe(
      "Och vilka ingår i beredningen?",
    );
  });
});

describe("a calendar follow-up resolved against the period and event asked about", () => {
  it("asks the earlier list question of another month", () => {
    const understood = understandCalendarQuestion("Och i september?", ["Vilka möten har vi i maj?"]);
    expect(understood).toMatchObject({ ask: "list", kind: "meeting", period: { type: "month", month: 9 } });
  });

  it("counts what the earlier turn listed", () => {
    const understood = understandCalendarQuestion("Och hur många är det?", [
      "Vilka möten har vi i november?",
    ]);
    expect(understood).toMatchObject({ ask: "count", period: { type: "month", month: 11 } });
  });

  it("asks for the next one after a count, and the one after the next", () => {
    expect(understandCalendarQuestion("När är nästa?", ["Hur många möten har vi kvar i år?"])?.ask).toBe(
      "next",
    );
    expect(understandCalendarQuestion("Och nästa efter det?", ["När är nästa möte?"])).toMatchObject({
      ask: "next",
      skip: 1,
    });
  });
});

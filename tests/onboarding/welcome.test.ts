import { describe, expect, it } from "vitest";
import { type Group, parseGroup } from "../../src/knowledge/groups.ts";
import { welcomeText } from "../../src/onboarding/welcome.ts";
import {
  INTRODUCTION_ACTIONS,
  parseIntroductionAction,
  renderWelcome,
} from "../../src/surfaces/slack/render-introduction.ts";

function group(extra = ""): Group {
  const result = parseGroup(
    "laholm-samverkansberedning.yaml",
    `name: Samverkansberedningen i Laholm & co\n${extra}`,
  );
  if (!("group" in result)) throw new Error(result.problem);
  return result.group;
}

describe("welcome for new channel members", () => {
  it("stays silent unless the group turns welcomes on", () => {
    expect(welcomeText(group())).toBeNull();
    expect(welcomeText(group("welcome:\n  enabled: false\n"))).toBeNull();
    expect(renderWelcome(group(), "U123")).toBeNull();
  });

  it("greets the member by name and says how to start the introduction", () => {
    const text = welcomeText(group("welcome:\n  enabled: true\n"), { mention: "Anna", command: "intro" });
    expect(text).toMatch(/^Hej Anna! Välkommen till Samverkansberedningen i Laholm & co!/);
    expect(text).toContain("Skriv `intro`");
  });

  it("uses the group's own message when it has one", () => {
    const text = welcomeText(group("welcome:\n  enabled: true\n  message: Trevligt att du är med!\n"));
    expect(text).toMatch(/^Trevligt att du är med! Jag är Samsyn/);
  });

  it("gives Slack a mention, escaped text and a button that starts the introduction", () => {
    const message = renderWelcome(group("welcome:\n  enabled: true\n"), "U123");
    expect(message?.text).toMatch(/^Hej <@U123>! Välkommen till Samverkansberedningen i Laholm &amp; co!/);
    expect(message?.text).toContain("`/samsyn intro`");
    const actions = message?.blocks.find((block) => block.type === "actions");
    const [button] =
      actions && "elements" in actions ? (actions.elements as { action_id: string; value: string }[]) : [];
    expect(button?.action_id).toBe(INTRODUCTION_ACTIONS.start);
    expect(parseIntroductionAction(button?.action_id ?? "", button?.value)).toEqual({
      kind: "start",
      groupId: "laholm-samverkansberedning",
    });
  });

  it("ignores buttons that are not the introduction's", () => {
    expect(parseIntroductionAction("samsyn_vote_up", "a1")).toBeNull();
    expect(parseIntroductionAction(`${INTRODUCTION_ACTIONS.ask}:2`, " ")).toBeNull();
  });
});

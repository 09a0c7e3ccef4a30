import { conversationAudience } from "../retrieval/scope.ts";
import { escapeMrkdwn } from "../surfaces/slack/mrkdwn.ts";
import { renderSlackArshjul } from "../surfaces/slack/render-arshjul.ts";
import type { SlackCommandHooks } from "../surfaces/slack/slack-surface-context.ts";
import { renderTeamsArshjul } from "../surfaces/teams/render-teams-arshjul.ts";
import type { TeamsCommandHooks } from "../surfaces/teams/teams-surface-context.ts";
import type { OnboardingBridge } from "./onboarding-bridge.ts";
import type { GroupArshjul, ReminderBridge } from "./reminder-bridge.ts";

/** The modules behind the chat commands. */
export interface ChatCommandModules {
  reminders: ReminderBridge;
  onboarding: OnboardingBridge;
}

/** Teams shows pictures up to 1024×1024 pixels; the wheel is a little taller than wide. */
const TEAMS_PICTURE_WIDTH = 1000;

/**
 * The commands Slack and Teams share, whose replies are plain text. Every hook gets the
 * conversation's groups from the surface's scope resolver and decides from that audience alone.
 */
function shared(modules: ChatCommandModules) {
  return {
    meetings: async (context: { groupIds: string[] }) => ({
      text: await modules.reminders.list("meetings", conversationAudience(context.groupIds)),
    }),
    reminders: async (context: { groupIds: string[] }) => ({
      text: await modules.reminders.list("reminders", conversationAudience(context.groupIds)),
    }),
    notificationAction: async (action: { value: string; userId: string }) => {
      const message = modules.reminders.action(action.value, action.userId);
      return message === null ? null : { text: message };
    },
  };
}

/** `/samsyn möten`, `påminnelser`, `intro`, `ordlista`, `årshjul` and the reminder buttons in Slack. */
export function slackCommands(modules: ChatCommandModules): SlackCommandHooks {
  return {
    ...shared(modules),
    intro: (context) =>
      modules.onboarding.introSlack(context.argument, conversationAudience(context.groupIds)),
    glossary: (context) =>
      modules.onboarding.glossarySlack(context.argument, conversationAudience(context.groupIds)),
    arshjul: async (context) => {
      const outcome = await modules.reminders.arshjul(
        context.argument,
        conversationAudience(context.groupIds),
      );
      if ("problem" in outcome) return { text: escapeMrkdwn(outcome.problem) };
      const { wheel } = outcome;
      return renderSlackArshjul({ ...describe(wheel), png: wheel.png(), name: fileName(wheel) });
    },
  };
}

/** `möten`, `påminnelser`, `intro`, `ordlista`, `årshjul` and the reminder buttons in Teams. */
export function teamsCommands(modules: ChatCommandModules): TeamsCommandHooks {
  return {
    ...shared(modules),
    intro: (context) =>
      modules.onboarding.introTeams(context.argument, conversationAudience(context.groupIds)),
    glossary: (context) =>
      modules.onboarding.glossaryTeams(context.argument, conversationAudience(context.groupIds)),
    arshjul: async (context) => {
      const outcome = await modules.reminders.arshjul(
        context.argument,
        conversationAudience(context.groupIds),
      );
      if ("problem" in outcome) return { text: outcome.problem };
      const { wheel } = outcome;
      return renderTeamsArshjul({ ...describe(wheel), png: wheel.png({ width: TEAMS_PICTURE_WIDTH }) });
    },
  };
}

/** "arshjul-laholm-samverkansberedning-2027": a file name without spaces or å/ä/ö. */
function fileName(wheel: Pick<GroupArshjul, "group" | "year">): string {
  return `arshjul-${wheel.group.id}-${wheel.year}`;
}

function describe(wheel: GroupArshjul) {
  return { title: `Årshjul ${wheel.year} – ${wheel.group.name}`, alt: wheel.alt, lines: wheel.lines };
}

import { MessageActivityInput } from "@microsoft/teams.api";
import { loggableError } from "./loggable-error.ts";
import { commandSuggestions } from "./render-teams-answer.ts";
import type { TeamsPlace } from "./teams-scope-resolver.ts";
import type { TeamsCommandContext, TeamsCommandReply, TeamsSurfaceContext } from "./teams-surface-context.ts";
import { notSetUpText, TEAMS_COMMAND_WORDS, TEAMS_HELP, TEAMS_TEXTS } from "./teams-texts.ts";

type HookName = "meetings" | "reminders" | "intro" | "glossary" | "arshjul";

/** A command typed as text. */
export type TeamsCommand = { kind: "help" } | { kind: HookName; argument: string };

/** Longer messages are questions even when they start with a command word ("Möten i Laholm – hur ofta?"). */
const MAX_COMMAND_WORDS = 4;

const FEATURE_NAMES: Record<HookName, string> = {
  meetings: "Mötesöversikten (möten)",
  reminders: "Påminnelser (påminnelser)",
  intro: "Introduktionen (intro)",
  glossary: "Ordlistan (ordlista)",
  arshjul: "Årshjulet (årshjul)",
};

/**
 * Reads `hjälp`, `möten`, `påminnelser`, `intro`, `ordlista` and `årshjul` (also without å/ä/ö,
 * with a leading "/" and with a few words after them); anything else, and anything phrased as a
 * question, is a question.
 */
export function parseTeamsCommand(text: string): TeamsCommand | null {
  const words = text.trim().split(/\s+/);
  const first = (words[0] ?? "")
    .toLowerCase()
    .replace(/^\//, "")
    .replace(/[.!:]$/, "");
  // "intro Jag är ny ersättare i Laholm" is a role-aware introduction, however many words it has.
  const isIntro = (TEAMS_COMMAND_WORDS.intro as readonly string[]).includes(first);
  if ((words.length > MAX_COMMAND_WORDS && !isIntro) || text.includes("?")) return null;
  const argument = words.slice(1).join(" ");
  for (const [kind, spellings] of Object.entries(TEAMS_COMMAND_WORDS)) {
    if (!(spellings as readonly string[]).includes(first)) continue;
    return kind === "help" ? { kind: "help" } : { kind: kind as HookName, argument };
  }
  return null;
}

/** The reply to a command: the help text, a module's answer, or "not set up yet". */
export async function replyToCommand(
  context: TeamsSurfaceContext,
  command: TeamsCommand,
  place: TeamsPlace,
  person: { aadObjectId: string | null },
): Promise<MessageActivityInput> {
  const personal = place.conversationType === "personal";
  const message = (reply: TeamsCommandReply) => {
    const activity = new MessageActivityInput(reply.text);
    if (reply.attachments && reply.attachments.length > 0) activity.addAttachments(...reply.attachments);
    if (personal) activity.withSuggestedActions(commandSuggestions());
    return activity;
  };
  if (command.kind === "help") return message({ text: TEAMS_HELP });
  const hook = context.commands[command.kind];
  if (!hook) return message({ text: notSetUpText(FEATURE_NAMES[command.kind]) });
  try {
    const commandContext: TeamsCommandContext = {
      userId: place.userId,
      aadObjectId: person.aadObjectId,
      conversationId: place.conversationId,
      conversationType: place.conversationType,
      argument: command.argument,
      groupIds: await context.scopes.groupIdsFor(place),
    };
    return message(await hook.call(context.commands, commandContext));
  } catch (error) {
    context.logger.error("teams command failed", { command: command.kind, error: loggableError(error) });
    return message({ text: TEAMS_TEXTS.answerFailed });
  }
}

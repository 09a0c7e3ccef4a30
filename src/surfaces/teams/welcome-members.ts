import { type Activity, MessageActivityInput } from "@microsoft/teams.api";
import { welcomeEnabled } from "../../onboarding/welcome.ts";
import { type SendActivity, sendQuietly } from "./answer-teams-question.ts";
import { renderTeamsWelcome } from "./render-teams-introduction.ts";
import { placeOf } from "./teams-activity.ts";
import type { TeamsSurfaceContext } from "./teams-surface-context.ts";

/**
 * Welcomes people added to a conversation mapped to a group that has welcomes on: one message for
 * everyone added at once, naming them when Teams gives their names, with a button that shows the
 * group's introduction. Other conversations get nothing.
 */
export async function welcomeMembers(
  context: TeamsSurfaceContext,
  activity: Activity,
  newcomers: readonly { id: string; name?: string }[],
  send: SendActivity,
): Promise<void> {
  const ids = new Set(context.scopes.groupsOfConversation(placeOf(activity)));
  const group = context.groups.find((candidate) => ids.has(candidate.id) && welcomeEnabled(candidate));
  if (!group) return;
  const names = newcomers.flatMap((member) => (member.name ? [member.name] : []));
  const mention = names.length === newcomers.length ? joinNames(names) : "";
  const welcome = renderTeamsWelcome(group, mention);
  if (welcome === null) return;
  await sendQuietly(
    context,
    send,
    new MessageActivityInput(welcome.text).addAttachments(...(welcome.attachments ?? [])),
  );
  context.logger.info("teams welcome sent", { group: group.id, members: newcomers.length });
}

/** "Anna", "Anna och Olle", "Anna, Olle och Eva". */
function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} och ${names.at(-1)}`;
}

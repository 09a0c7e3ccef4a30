import type { App, RespondFn, webApi } from "@slack/bolt";
import { z } from "zod";
import { composeSlackAnswer } from "./answer-in-conversation.ts";
import { postFile } from "./post-file.ts";
import type {
  SlackCommandContext,
  SlackCommandHooks,
  SlackCommandReply,
  SlackSurfaceContext,
} from "./slack-surface-context.ts";
import { notSetUpText, SLACK_HELP, SLACK_TEXTS, unknownCommandText } from "./slack-texts.ts";

/** The slash command in `slack/manifest.yaml`. */
export const SLASH_COMMAND = "/samsyn";

const commandSchema = z.object({
  text: z.string().default(""),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
});

type HookName = "meetings" | "reminders" | "intro" | "glossary" | "arshjul";

/** Subcommands, in Swedish (and without å/ä/ö, as people type them on the go). */
const SUBCOMMANDS: Record<string, "ask" | "help" | HookName> = {
  fråga: "ask",
  fraga: "ask",
  hjälp: "help",
  hjalp: "help",
  help: "help",
  möten: "meetings",
  moten: "meetings",
  påminnelser: "reminders",
  paminnelser: "reminders",
  intro: "intro",
  ordlista: "glossary",
  årshjul: "arshjul",
  arshjul: "arshjul",
};

const FEATURE_NAMES: Record<HookName, string> = {
  meetings: "Mötesöversikten (/samsyn möten)",
  reminders: "Påminnelser (/samsyn påminnelser)",
  intro: "Introduktionen (/samsyn intro)",
  glossary: "Ordlistan (/samsyn ordlista)",
  arshjul: "Årshjulet (/samsyn årshjul)",
};

/**
 * `/samsyn fråga …`, `hjälp`, `möten`, `påminnelser`, `intro`, `ordlista`, `årshjul`. Everything is
 * acknowledged at once; answers and hook replies follow through the response URL, visible to the
 * asker only, except a reply with a file (the årshjul), which is posted into the channel.
 */
export function registerCommand(app: App, context: SlackSurfaceContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    const parsed = commandSchema.safeParse(command);
    if (!parsed.success) {
      await ack({ response_type: "ephemeral", text: SLACK_TEXTS.actionFailed });
      return;
    }
    const { text, user_id: userId, channel_id: channelId } = parsed.data;
    const [word = "", ...rest] = text.trim().split(/\s+/);
    const argument = rest.join(" ").trim();
    const subcommand = word === "" ? "help" : SUBCOMMANDS[word.toLowerCase()];
    const conversation = { channelId, userId, isDirect: channelId.startsWith("D") };

    if (subcommand === undefined) {
      await ack({ response_type: "ephemeral", text: unknownCommandText(word) });
    } else if (subcommand === "help") {
      await ack({ response_type: "ephemeral", text: SLACK_HELP });
    } else if (subcommand === "ask") {
      if (argument === "") {
        await ack({ response_type: "ephemeral", text: SLACK_TEXTS.emptyCommandQuestion });
        return;
      }
      await ack({ response_type: "ephemeral", text: SLACK_TEXTS.searching });
      await replySafely(context, respond, { client, channelId }, async () =>
        composeSlackAnswer(context, argument, conversation, []),
      );
    } else {
      const hook = context.commands[subcommand];
      if (!hook) {
        await ack({ response_type: "ephemeral", text: notSetUpText(FEATURE_NAMES[subcommand]) });
        return;
      }
      await ack();
      await replySafely(context, respond, { client, channelId }, async () => {
        const groupIds = await context.scopes.groupIdsFor(conversation);
        const commandContext: SlackCommandContext = { userId, channelId, argument, groupIds };
        return hook.call(context.commands as SlackCommandHooks, commandContext);
      });
    }
  });
}

async function replySafely(
  context: SlackSurfaceContext,
  respond: RespondFn,
  where: { client: webApi.WebClient; channelId: string },
  reply: () => Promise<SlackCommandReply>,
): Promise<void> {
  try {
    const { file, ...message } = await reply();
    if (file) {
      if (await postFile(context, where.client, { channelId: where.channelId, comment: message.text, file }))
        return;
      await respond({ response_type: "ephemeral", replace_original: false, text: SLACK_TEXTS.fileNotPosted });
      return;
    }
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      ...message,
    } as Parameters<RespondFn>[0]);
  } catch (error) {
    context.logger.error("slack command failed", { error });
    try {
      await respond({ response_type: "ephemeral", replace_original: false, text: SLACK_TEXTS.answerFailed });
    } catch (respondError) {
      context.logger.error("slack command reply could not be sent", { error: respondError });
    }
  }
}

import type { App, RespondFn, webApi } from "@slack/bolt";
import { z } from "zod";
import { ANSWER_ACTIONS, renderSourceView } from "./render-answer.ts";
import { NOTIFICATION_ACTION } from "./slack-notifier.ts";
import type { SlackSurfaceContext } from "./slack-surface-context.ts";
import { SLACK_TEXTS } from "./slack-texts.ts";

const actionBodySchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().optional(),
  container: z
    .object({
      message_ts: z.string().optional(),
      channel_id: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

type ActionBody = z.output<typeof actionBodySchema>;

/** The buttons: "Visa källtext" (a modal with the quote), 👍/👎 (stored feedback) and notification buttons. */
export function registerActions(app: App, context: SlackSurfaceContext): void {
  const prefix = (id: string) => new RegExp(`^${id}(?::|$)`);

  app.action(prefix(ANSWER_ACTIONS.showSource), async ({ ack, body, client, respond }) => {
    await ack();
    await handleSafely(context, body, client, respond, async (action, value) => {
      const [answerId = "", number = ""] = value.split(":");
      const citation = context.store
        .findAnswer(answerId)
        ?.answer.citations.find((c) => String(c.n) === number);
      if (!citation || !action.trigger_id) return SLACK_TEXTS.answerGone;
      await client.views.open({ trigger_id: action.trigger_id, view: renderSourceView(citation) });
      return null;
    });
  });

  for (const [actionId, vote] of [
    [ANSWER_ACTIONS.voteUp, "up"],
    [ANSWER_ACTIONS.voteDown, "down"],
  ] as const) {
    app.action(prefix(actionId), async ({ ack, body, client, respond }) => {
      await ack();
      await handleSafely(context, body, client, respond, async (action, answerId) => {
        const stored = context.store.findAnswer(answerId);
        if (!stored) return SLACK_TEXTS.answerGone;
        const channelId = action.container?.channel_id ?? action.channel?.id;
        const messageTs = action.container?.message_ts ?? action.message?.ts;
        context.feedback.record({
          surface: "slack",
          messageKey: channelId && messageTs ? `${channelId}:${messageTs}` : `answer:${answerId}`,
          question: stored.question,
          answer: stored.answer.text,
          citations: stored.answer.citations,
          userId: action.user.id,
          vote,
        });
        context.logger.info("slack feedback stored", { vote, channelId });
        return vote === "up" ? SLACK_TEXTS.voteUp : SLACK_TEXTS.voteDown;
      });
    });
  }

  app.action(prefix(NOTIFICATION_ACTION), async ({ ack, body, client, respond }) => {
    await ack();
    await handleSafely(context, body, client, respond, async (action, value) => {
      const hook = context.commands.notificationAction;
      if (!hook) return SLACK_TEXTS.notificationActionNotSetUp;
      const reply = await hook.call(context.commands, {
        id: (action.actions[0]?.action_id ?? "").slice(NOTIFICATION_ACTION.length + 1),
        value,
        userId: action.user.id,
        channelId: action.container?.channel_id ?? action.channel?.id ?? null,
        messageTs: action.container?.message_ts ?? action.message?.ts ?? null,
      });
      return reply?.text ?? null;
    });
  });
}

/** Runs a button handler; its text (or a Swedish error) is shown to the clicker only. */
async function handleSafely(
  context: SlackSurfaceContext,
  rawBody: unknown,
  client: webApi.WebClient,
  respond: RespondFn | undefined,
  handle: (body: ActionBody, value: string) => Promise<string | null>,
): Promise<void> {
  const parsed = actionBodySchema.safeParse(rawBody);
  if (!parsed.success) {
    context.logger.warn("slack action payload not understood", { issues: parsed.error.issues.length });
    return;
  }
  const body = parsed.data;
  let reply: string | null;
  try {
    reply = await handle(body, body.actions[0]?.value ?? "");
  } catch (error) {
    context.logger.error("slack action failed", { action: body.actions[0]?.action_id, error });
    reply = SLACK_TEXTS.actionFailed;
  }
  if (reply === null) return;
  try {
    await tellClicker(body, reply, client, respond);
  } catch (error) {
    context.logger.error("slack action reply could not be sent", { error });
  }
}

async function tellClicker(
  body: ActionBody,
  text: string,
  client: webApi.WebClient,
  respond: RespondFn | undefined,
): Promise<void> {
  const channel = body.container?.channel_id ?? body.channel?.id;
  if (channel && !body.container?.is_ephemeral) {
    const thread = body.message?.thread_ts ? { thread_ts: body.message.thread_ts } : {};
    await client.chat.postEphemeral({ channel, user: body.user.id, text, ...thread });
  } else if (respond) {
    await respond({ response_type: "ephemeral", replace_original: false, text });
  }
}

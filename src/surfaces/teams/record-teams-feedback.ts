import type { Activity } from "@microsoft/teams.api";
import { z } from "zod";
import { baseConversationId } from "./teams-activity.ts";
import type { TeamsSurfaceContext } from "./teams-surface-context.ts";

const feedbackValueSchema = z.object({
  actionName: z.literal("feedback"),
  actionValue: z.object({
    reaction: z.enum(["like", "dislike"]),
    feedback: z.string().optional(),
  }),
});

const feedbackTextSchema = z.object({ feedbackText: z.string() });

/**
 * Stores a 👍/👎 from Teams' feedback loop (`message/submitAction`) like Slack feedback: once per
 * person and answer, a later vote replacing the earlier one. Teams shows its own thanks.
 */
export function recordTeamsFeedback(
  context: TeamsSurfaceContext,
  activity: Activity & { value?: unknown },
): void {
  const value = feedbackValueSchema.safeParse(activity.value);
  if (!value.success || !activity.replyToId) {
    context.logger.warn("teams feedback not understood", { hasReplyTo: Boolean(activity.replyToId) });
    return;
  }
  const conversationId = baseConversationId(activity.conversation.id);
  const posted = context.store.findAnswer(conversationId, activity.replyToId);
  if (!posted) {
    context.logger.warn("teams feedback for an unknown answer", { conversationId });
    return;
  }
  const { reaction, feedback } = value.data.actionValue;
  const comment = commentOf(feedback);
  context.feedback.record({
    surface: "teams",
    messageKey: `${conversationId}:${activity.replyToId}`,
    question: posted.question,
    answer: posted.answer.text,
    citations: posted.answer.citations,
    userId: activity.from.id,
    vote: reaction === "like" ? "up" : "down",
    comment,
  });
  context.logger.info("teams feedback stored", { vote: reaction, withComment: comment !== null });
}

/** Teams sends the comment as JSON text (`{"feedbackText":"…"}`); older clients as plain text. */
function commentOf(feedback: string | undefined): string | null {
  if (!feedback) return null;
  let text = feedback;
  try {
    const parsed = feedbackTextSchema.safeParse(JSON.parse(feedback));
    if (parsed.success) text = parsed.data.feedbackText;
  } catch {
    // Plain text.
  }
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

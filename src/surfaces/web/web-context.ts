import type { AnswerService } from "../../answer/answer-service.ts";
import type { FeedbackStore } from "../../feedback/feedback-store.ts";
import type { Group } from "../../knowledge/groups.ts";
import type { Logger } from "../../logger.ts";
import type { DocumentUploads, UploadCore } from "./document-uploads.ts";
import type { RecentAnswers } from "./recent-answers.ts";
import type { WebAccess } from "./web-access.ts";
import type { WebPanelProviders } from "./web-panels.ts";

/** What the web chat needs from the core; `Core` from `app/compose.ts` fits. */
export interface WebCore extends UploadCore {
  answers: Pick<AnswerService, "ask">;
  /** `chat` names the language model, if any: the page shows it, or "Offline-läge" without one. */
  config: UploadCore["config"] & { chat?: { model: string } | null };
}

/** Everything the API handlers share. */
export interface WebContext {
  core: WebCore;
  groups: readonly Group[];
  feedback: FeedbackStore;
  logger: Logger;
  access: WebAccess;
  answers: RecentAnswers;
  /** Null when uploads are switched off. */
  uploads: DocumentUploads | null;
  maxUploadBytes: number;
  providers: WebPanelProviders;
  /** Each source's status in Swedish (administrator only: labels name internal addresses). */
  sourceStatus: () => Promise<string[]>;
  /** Questions being answered right now, to refuse a flood instead of queueing it. */
  busy: { answering: number };
}

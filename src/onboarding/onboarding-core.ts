import type { AnswerService } from "../answer/answer-service.ts";
import type { Catalog } from "../index/catalog.ts";
import type { SqliteDatabase } from "../index/sqlite-database.ts";

/** What onboarding needs from the core; `Core` from `app/compose.ts` fits. */
export interface OnboardingCore {
  answers: Pick<AnswerService, "ask">;
  index: { database: SqliteDatabase; catalog: Pick<Catalog, "documents" | "acronyms"> };
  config: { knowledgeDir: string };
}

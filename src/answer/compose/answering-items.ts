import type { Analyzer } from "../../text/index.ts";
import { cueScore } from "../answer-cues.ts";
import type { AnswerList } from "../answer-units.ts";
import type { QuestionKind } from "../classify-question.ts";
import { coverage, type QueryWord } from "../query-words.ts";

/** An item must carry more than half of the kind's cues: a bare role word ("beredning") is not an answer. */
const STRONG_CUE = 0.5;
/** More items than this are cut with "…": the source shows them all. */
const MAX_ITEMS = 8;

/**
 * A lead-in and the items of its list that answer the question, one per line ("Den politiska
 * samverkansberedningen har följande sammansättning:" with the two items on who appoints members,
 * not the ones on minutes and meetings). An item answers when it holds one of the question's words
 * beyond those the lead-in already says, or most of what the kind of question asks for (who appoints
 * whom, a number, a date). When no item or every item does, the whole list is shown.
 */
export function answeringItems(
  list: AnswerList,
  queryWords: readonly QueryWord[],
  kind: QuestionKind,
  analyzer: Analyzer,
): { text: string; items: string[] } {
  const leadTerms = new Set(analyzer.analyze(list.lead));
  // Words the lead-in covers say what the whole list is about, and a name says whose list it is:
  // neither singles out an item.
  const own = queryWords.filter((word) => !word.focus && coverage([word], leadTerms).weight === 0);
  const answers = list.items.filter(
    (item) => coverage(own, new Set(analyzer.analyze(item))).weight > 0 || cueScore(kind, item) > STRONG_CUE,
  );
  const kept = answers.length === 0 ? list.items : answers;
  const shown = kept.slice(0, MAX_ITEMS).map((item) => item.replace(/[;,]$/u, ""));
  const more = kept.length > MAX_ITEMS ? "\n• …" : "";
  return { text: `${list.lead}\n${shown.map((item) => `• ${item}`).join("\n")}${more}`, items: shown };
}

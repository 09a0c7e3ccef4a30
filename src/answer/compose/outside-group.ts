import type { Answer } from "../answer.ts";

const LEAD = {
  sv: (title: string) => `Ert eget underlag säger inget om detta; enligt ${title}: `,
  en: (title: string) => `Your group's own documents do not cover this; according to ${title}: `,
};

/** An answer from documents outside the group, saying so first and naming the document it rests on. */
export function outsideGroupAnswer(answer: Answer): Answer {
  const titles = [...new Set(answer.citations.map((citation) => citation.title))];
  const title = titles.length > 0 ? titles.join(" och ") : "andra dokument";
  return { ...answer, text: `${LEAD[answer.language](title)}${answer.text}` };
}

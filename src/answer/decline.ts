import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Answer } from "./answer.ts";
import { referenceFor } from "./passage-reference.ts";

const DECLINE_TEXT = {
  sv: "Det framgår inte av underlaget jag har tillgång till. Kontrollera gärna med nämndsekreteraren eller i originaldokumenten.",
  en: "The documents I have access to do not answer this. Please check with the committee secretary or the original documents.",
};

const CLOSEST_INTRO = {
  sv: "Det närmaste jag hittade:",
  en: "The closest passages I found:",
};

/** An honest decline that points to the closest passages instead of guessing. */
export function declineAnswer(
  passages: readonly RetrievedPassage[],
  language: "sv" | "en",
  closestCount = 3,
): Answer {
  const closest = passages.slice(0, closestCount).map((passage) => referenceFor(passage));
  const text =
    closest.length > 0 ? `${DECLINE_TEXT[language]} ${CLOSEST_INTRO[language]}` : DECLINE_TEXT[language];
  return { text, citations: [], abstained: true, closest, language };
}

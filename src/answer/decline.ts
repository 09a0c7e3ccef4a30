import type { RetrievedPassage } from "../retrieval/hybrid-retriever.ts";
import type { Answer } from "./answer.ts";
import { referenceFor } from "./passage-reference.ts";

const DECLINE_TEXT = {
  sv: "Det framgår inte av underlaget jag har tillgång till. Kontrollera gärna med nämndsekreteraren eller i originaldokumenten.",
  en: "The documents I have access to do not answer this. Please check with the committee secretary or the original documents.",
};

/** The words of the decline that a known secretary replaces. */
const CHECK_WITH = {
  sv: "Kontrollera gärna med nämndsekreteraren eller",
  en: "Please check with the committee secretary or",
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

/**
 * A decline that names the group's secretaries ("Kontrollera gärna med gruppens sekreterare Anna Berg
 * (anna.berg@laholm.se) eller …") instead of an unnamed one; any other answer is returned as it is.
 */
export function nameSecretaries(
  answer: Answer,
  secretaries: readonly { name: string; email?: string | undefined }[],
): Answer {
  const phrase = CHECK_WITH[answer.language];
  if (!answer.abstained || secretaries.length === 0 || !answer.text.includes(phrase)) return answer;
  const people = secretaries.map((person) =>
    person.email ? `${person.name} (${person.email})` : person.name,
  );
  const named =
    answer.language === "sv"
      ? `Kontrollera gärna med gruppens sekreterare ${people.join(" eller ")}${people.length > 1 ? "," : ""} eller`
      : `Please check with the group's secretary ${people.join(" or ")}${people.length > 1 ? "," : ""} or`;
  return { ...answer, text: answer.text.replace(phrase, named) };
}

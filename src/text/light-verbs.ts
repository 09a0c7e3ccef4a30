/**
 * Swedish support verbs: in "ge ett uppdrag", "ta beslut", "göra en bedömning", "hålla i mötet" the
 * noun carries the meaning and documents often use another verb or none ("på uppdrag av", "beslutar").
 * Every form, as written; "få", "bli", "ha", "vara" are stop words already. "gå" is no support verb:
 * alone it means what it says ("gå i grundskolan", "bussen går").
 */
const LIGHT_VERB_FORMS = new Set([
  "ge",
  "ger",
  "gav",
  "gett",
  "givit",
  "ges",
  "ta",
  "tar",
  "tog",
  "tagit",
  "tas",
  "göra",
  "gör",
  "gjorde",
  "gjort",
  "görs",
  "hålla",
  "håller",
  "höll",
  "hållit",
  "sätta",
  "sätter",
  "satte",
  "satt",
  "lägga",
  "lägger",
  "lade",
  "lagt",
  "ställa",
  "ställer",
  "ställde",
  "ställt",
  "komma",
  "kommer",
  "kom",
  "kommit",
  "ske",
  "sker",
  "skedde",
  "skett",
]);

/**
 * A particle after the verb makes a verb of its own: "komma in" (arrive), "ta fram" (produce),
 * "lägga fram" (present), "ge ut" (publish) mean more than the bare verb.
 */
const PARTICLES = new Set([
  "upp",
  "in",
  "ut",
  "fram",
  "över",
  "bort",
  "ner",
  "ned",
  "av",
  "om",
  "på",
  "med",
  "samman",
  "ihop",
  "undan",
  "emot",
  "tillbaka",
  "igenom",
  "isär",
  "efter",
]);

/** A support verb of a text as written, and whether a particle follows it ("tar fram"). */
export interface LightVerb {
  form: string;
  particle: boolean;
}

/** The support verbs of a text ("Vem ger oss vårt uppdrag?" → "ger"; "Vem tar fram …" → "tar", with particle). */
export function lightVerbs(text: string): LightVerb[] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.flatMap((word, index) =>
    LIGHT_VERB_FORMS.has(word) ? [{ form: word, particle: PARTICLES.has(words[index + 1] ?? "") }] : [],
  );
}

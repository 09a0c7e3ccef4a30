/**
 * Swedish support verbs: in "ge ett uppdrag", "ta beslut", "göra en bedömning", "hålla i mötet" the
 * noun carries the meaning and documents often use another verb or none ("på uppdrag av", "beslutar").
 * Every form, as written; "få", "bli", "ha", "vara" are stop words already.
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
  "gå",
  "går",
  "gick",
  "gått",
  "ske",
  "sker",
  "skedde",
  "skett",
]);

/** The support verbs of a text as written ("Vem ger oss vårt uppdrag?" → "ger"). */
export function lightVerbs(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => LIGHT_VERB_FORMS.has(word));
}

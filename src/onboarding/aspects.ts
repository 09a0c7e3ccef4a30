import { SamsynError } from "../errors.ts";
import type { Entity } from "./entities.ts";
import type { BodyAspect } from "./introduction.ts";

/** How the introduction finds one aspect of a body: what it asks and what a fitting sentence says. */
export interface AspectDefinition {
  aspect: BodyAspect;
  /** Swedish label shown before the statements. */
  label: string;
  /** A sentence fits the aspect only when it says this (a question's answer may carry more). */
  cue: RegExp;
  /** Questions to the core about `phrase` (the body's name inside a sentence); the first one is suggested to readers. */
  questions(phrase: string): string[];
  /** At most this many statements. */
  limit: number;
  /** Whether a sentence that fits the cue says it about this body rather than about another one. */
  concerns?(sentence: string, body: Entity): boolean;
}

const START = "(?<!\\p{L})";
const END = "(?!\\p{L})";

/** The aspects in the order the introduction shows them. */
export const ASPECTS: readonly AspectDefinition[] = [
  {
    aspect: "purpose",
    label: "Syfte och uppdrag",
    cue: new RegExp(
      `${START}(syft|uppdrag|uppgift|arena|forum|samverkansform|ändamål)|arbetar (för|med)|ska bidra`,
      "iu",
    ),
    questions: (phrase) => [`Vad är syftet med ${phrase}?`, `Vilket uppdrag har ${phrase}?`],
    limit: 3,
  },
  {
    aspect: "convenes",
    label: "Vem kallar",
    cue: new RegExp(`${START}(kallelse|kallar|kallas|sammankall)`, "iu"),
    questions: (phrase) => [`Vem kallar till möten i ${phrase}?`, `Vem sammankallar ${phrase}?`],
    limit: 2,
  },
  {
    aspect: "chair",
    label: "Ordförande",
    cue: new RegExp(
      `${START}(ordförandeskap|sammankallande)|ordförande\\p{L}* (ska|väljs|utses|ansvarar|växlar)|presidi\\p{L}* bestående`,
      "iu",
    ),
    questions: (phrase) => [`Vem leder ${phrase}?`, `Hur utses ordförande i ${phrase}?`],
    limit: 2,
  },
  {
    aspect: "members",
    label: "Vilka ingår",
    cue: new RegExp(
      `${START}(består av|bestående av|(?<!uppdrag\\p{L}* )ingår|utser|utses|ledamot|ledamöter|deltar|sammansättning|representer|representant|parter i|bistås)|${START}har (två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\\d+) `,
      "iu",
    ),
    questions: (phrase) => [`Vilka ingår i ${phrase}?`, `Hur är ${phrase} sammansatt?`],
    limit: 4,
    concerns: takesPartIn,
  },
  {
    aspect: "duties",
    label: "Vad som förväntas",
    cue: new RegExp(
      `${START}(ansvarar för att|ansvar för att|förankra|förbereda|inför mötena|inför mötet|inför sammanträde)`,
      "iu",
    ),
    questions: (phrase) => [
      `Vad förväntas av den som ingår i ${phrase}?`,
      `Vilket ansvar har deltagarna i ${phrase}?`,
    ],
    limit: 3,
  },
  {
    aspect: "decisions",
    label: "Beslut",
    cue: new RegExp(
      `beslutsbefogenhet|fatta\\p{L}* beslut|beslut\\p{L}* (kan|får|fattas|tas)|beslutas|${START}besluta${END}|fastställ|beslut hos|kräver beslut`,
      "iu",
    ),
    questions: (phrase) => [`Får ${phrase} fatta beslut?`, `Vad beslutar ${phrase} om?`],
    limit: 3,
  },
  {
    aspect: "meetings",
    label: "Möten",
    cue: new RegExp(
      `${START}(sammanträd|möten? per|gånger per|temamöte|tema-möte|temadag|mötesplan)|varje år ett \\p{L}* ?möte`,
      "iu",
    ),
    questions: (phrase) => [`Hur ofta sammanträder ${phrase}?`, `Hur många möten per år har ${phrase}?`],
    limit: 3,
  },
];

/**
 * The order in which a body's aspects claim sentences: a sentence that says both who takes part and
 * that there are no decision powers belongs under decisions, one that says who convenes and how
 * often under who convenes.
 */
export const CLAIM_ORDER: readonly BodyAspect[] = [
  "decisions",
  "convenes",
  "chair",
  "meetings",
  "members",
  "duties",
  "purpose",
];

/** The definition of one aspect. */
export function aspectDefinition(aspect: BodyAspect): AspectDefinition {
  const found = ASPECTS.find((definition) => definition.aspect === aspect);
  if (!found) throw new SamsynError("internal_error", `unknown introduction aspect ${aspect}`);
  return found;
}

/** Cues that name a body's make-up outright, whoever the sentence's subject is. */
const COMPOSITION =
  /(?<!\p{L})(består av|bestående av|sammansättning|ledamot|ledamöter|representanter för|utser|utses)(?!\p{L})/iu;
/** Verbs of taking part: "A deltar i B" says who is in B, not who is in A. */
const PARTICIPATION = /(?<!\p{L})(deltar|ingår|medverkar|bistås)(?!\p{L})/iu;

/**
 * Whether a sentence about taking part says who takes part in `body`: "I nätverket deltar …" and
 * "… deltar i samverkansberedningen" do for the network and the beredning; "Lokal nämnd i Laholm deltar
 * vid behov i andra samverkansformer" does not for the nämnd, which is the one taking part elsewhere.
 */
export function takesPartIn(sentence: string, body: Entity): boolean {
  if (COMPOSITION.test(sentence)) return true;
  const verb = PARTICIPATION.exec(sentence);
  if (!verb) return true;
  const mentions = [...sentence.matchAll(new RegExp(body.mention.source, "giu"))];
  if (mentions.length === 0) return true;
  return mentions.some(
    (mention) =>
      (mention.index ?? 0) > verb.index ||
      /(?<!\p{L})(i|inom|till)\s+$/iu.test(sentence.slice(0, mention.index ?? 0)) ||
      verb[1]?.toLowerCase() === "bistås",
  );
}

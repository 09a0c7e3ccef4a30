import type { Analyzer } from "./swedish-analyzer.ts";

/**
 * Particles that, written before the verb, make its noun or participle: "säga upp" → "uppsägning",
 * "kalla samman" → "sammankallande", "följa upp" → "uppföljning", "skriva ut" → "utskrivning".
 * "på", "med" and "i" are left out: "gå på" and "pågå", "gå med" and "medge" mean different things.
 */
const PARTICLES = "upp|samman|ihop|fram|in|ut|bort|ner|ned|av|om|över|till|undan";
const PARTICLE_VERB = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\p{L}{3,})\\s+(${PARTICLES})(?![\\p{L}\\p{N}])`,
  "giu",
);

/** Shorter joined stems begin unrelated words ("av" + "ta" → "avta…" in "avtal"). */
const MIN_VERB_STEM = 3;
const MIN_JOINED = 6;

/** A particle verb of a question and the stem its nominal forms begin with. */
export interface ParticleVerb {
  /** Analysed stem of the verb as written ("säg" of "säga upp"). */
  verb: string;
  /** Analysed stem of the particle, or "" when it is a stop word ("upp"). */
  particle: string;
  /** Particle + verb stem: every nominal form begins with it ("uppsäg" → "uppsägningstid"). */
  joined: string;
}

/**
 * The particle verbs of a text ("Vem kallar samman …", "… säga upp avtalet"), each with the stem
 * its nouns and participles begin with, so a question in verbs can match a text in nouns.
 */
export function particleVerbs(text: string, analyzer: Analyzer): ParticleVerb[] {
  const result: ParticleVerb[] = [];
  for (const match of text.matchAll(PARTICLE_VERB)) {
    const [, verbWord = "", particle = ""] = match;
    const verb = analyzer.analyzeWords(verbWord)[0]?.[0];
    if (verb === undefined || verb.length < MIN_VERB_STEM) continue;
    const joined = particle.toLowerCase() + verb;
    const particleStem = analyzer.analyzeWords(particle)[0]?.[0] ?? "";
    if (joined.length >= MIN_JOINED) result.push({ verb, particle: particleStem, joined });
  }
  return result;
}

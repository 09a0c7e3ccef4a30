import { createSeededRandom } from "../../src/vectors/seeded-random.ts";

/**
 * Sentence frames of two unrelated topics; "_" is filled with one of the topic's targets. The
 * targets of a topic are interchangeable (same frames), so each is the other's best substitute,
 * while a frame word such as "lyser" has different neighbours.
 */
export const TOPICS = {
  sky: {
    frames: [
      "_ lyser över havet i kväll",
      "i natt syns _ på himlen",
      "stjärnkikare riktas mot _ vid midnatt",
    ],
    targets: ["alfa", "beta"],
  },
  farm: {
    frames: ["_ betar i hagen vid ladan", "bonden utfodrar _ varje morgon", "i stallet sover _ på halmen"],
    targets: ["gamma", "delta"],
  },
} as const;

/**
 * Documents of three sentences from random frames and topics. With `extraSkyTarget` that word
 * also fills sky frames (a stand-in for a term the base model does not know).
 */
export function syntheticCorpus(documents = 300, seed = 7, extraSkyTarget?: string): string[][] {
  const random = createSeededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
  const corpus: string[][] = [];
  for (let index = 0; index < documents; index++) {
    const words: string[] = [];
    for (let sentence = 0; sentence < 3; sentence++) {
      const topic = random.next() < 0.5 ? TOPICS.sky : TOPICS.farm;
      const targets: readonly string[] =
        extraSkyTarget && topic === TOPICS.sky ? [...topic.targets, extraSkyTarget] : topic.targets;
      const target = pick(targets);
      for (const word of pick(topic.frames).split(" ")) words.push(word === "_" ? target : word);
    }
    corpus.push(words);
  }
  return corpus;
}

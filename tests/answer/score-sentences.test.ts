import { describe, expect, it } from "vitest";
import { classifyQuestion } from "../../src/answer/classify-question.ts";
import { withGroupWord } from "../../src/answer/evidence/group-word.ts";
import { type QueryWord, weighQueryWords, withoutQuestionFrame } from "../../src/answer/query-words.ts";
import { scoreSentences } from "../../src/answer/score-sentences.ts";
import { groupNameTerms } from "../../src/answer/understand/group-name-terms.ts";
import type { RetrievedPassage } from "../../src/retrieval/hybrid-retriever.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";
import { retrievedPassage } from "../builders/passages.ts";

const analyzer = createSwedishAnalyzer();

// Real sentences from the seed documents (Norrbotten agreement, Laholm agreement) and Skollagen.
const NORRBOTTEN = [
  "Den politiska samverkansberedningen har följande sammansättning:",
  "",
  "Ordförandeskapet och sekreterarfunktionen ska växla årsvis mellan parterna.",
  "",
  "Beredningsmöten ska protokollföras.",
  "",
  "Sammanträden ska hållas minst fyra gånger per år. Respektive part har därutöver möjlighet att begära extra sammanträde vid behov.",
  "",
  "Överenskommelsen träder i kraft 1 januari 2017 under förutsättning att den antagits av kommunförbundets styrelse och regionstyrelsen.",
].join("\n");
const LAHOLM =
  "Samverkansberedningens uppgift är att bereda frågor med koppling till genomförandet av beslutade kommunövergripande mål. " +
  "Samverkansberedningen arbetar utifrån en fastlagd sammanträdesplan med fyra möten per år genom kallelse av kommunstyrelsens ordförande.";
const SKOLLAGEN =
  "Hemkommunen ansvarar för att utbildning kommer till stånd. Med en persons hemkommun avses i denna lag den kommun som personen är folkbokförd i.";

function passage(text: string, title: string): RetrievedPassage {
  return retrievedPassage(text, { title });
}

/** Every word counts the same here, so the test is about the answer's shape, not about IDF. */
function words(question: string): QueryWord[] {
  return weighQueryWords(analyzer.analyzeWords(withoutQuestionFrame(question)), (terms) => ({
    frequencies: new Map(terms.map((term) => [term, 1])),
    total: 10,
  }));
}

function best(question: string, text: string, title = "Överenskommelse Norrbotten"): string | undefined {
  return scoreSentences([passage(text, title)], words(question), classifyQuestion(question), analyzer)[0]
    ?.text;
}

describe("scoreSentences picks the sentence that answers the question's type", () => {
  it("how often → the frequency sentence", () => {
    expect(best("Hur ofta ska sammanträden hållas?", NORRBOTTEN)).toBe(
      "Sammanträden ska hållas minst fyra gånger per år.",
    );
  });

  it("when → the sentence with the date", () => {
    expect(best("När träder överenskommelsen i kraft?", NORRBOTTEN)).toMatch(/1 januari 2017/);
  });

  it("who → the sentence naming the acting body, not the one merely sharing words", () => {
    expect(best("Vem kallar till samverkansberedningens möten?", LAHOLM, "Laholm")).toMatch(
      /kallelse av kommunstyrelsens ordförande/,
    );
  });

  it("what is meant by → the definition", () => {
    expect(best("Vad menas med hemkommun?", SKOLLAGEN, "Skollag")).toMatch(/^Med en persons hemkommun avses/);
  });

  it("leaves out sentences about another place than the one asked about", () => {
    const question = "Hur ofta sammanträder beredningen i Laholm?";
    const focusWords = words(question).map((word) => ({ ...word, focus: word.whole === "laholm" }));
    const scored = scoreSentences(
      [passage(NORRBOTTEN, "Norrbotten")],
      focusWords,
      classifyQuestion(question),
      analyzer,
    );
    expect(scored).toEqual([]);
  });
});

describe("scoreSentences with the group the question speaks of", () => {
  // Laholm's agreement: both sentences name the beredning; only the first is about what supports it.
  const SUPPORT =
    "Den lokala nämnden bidrar genom att presidiet och nämndtjänsteman deltar i samverkansberedningen. " +
    "Samverkansberedningen bistås av kommunchefen, verksamhetschefer och bolagschefer samt nämndtjänsteman.";

  it("prefers the sentence that opens with the group to one naming it in passing", () => {
    const question = "Vilka tjänstepersoner har vi som stöd?";
    const asked = withGroupWord(
      words(question),
      groupNameTerms({ name: "Samverkansberedningen i Laholm", organisations: ["Laholms kommun"] }, analyzer),
    );
    const [top] = scoreSentences([passage(SUPPORT, "Laholm")], asked, classifyQuestion(question), analyzer);
    expect(top?.text).toMatch(/^Samverkansberedningen bistås/);
  });

  it("does not count the group as named by a title that names it", () => {
    const question = "Vem ger oss vårt uppdrag?";
    const asked = withGroupWord(words(question), ["lokal", "nämnd"]);
    const text =
      "Uppdraget genomförs i tre steg. De lokala nämnderna verkar på uppdrag av regionfullmäktige.";
    const [top] = scoreSentences(
      [passage(text, "Lokala nämnder")],
      asked,
      classifyQuestion(question),
      analyzer,
    );
    expect(top?.text).toMatch(/^De lokala nämnderna verkar/);
  });
});

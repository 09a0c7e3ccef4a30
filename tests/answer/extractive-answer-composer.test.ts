import { describe, expect, it } from "vitest";
import { ExtractiveAnswerComposer } from "../../src/answer/extractive-answer-composer.ts";
import type { QueryWord } from "../../src/answer/query-words.ts";
import { questionWords } from "../../src/answer/question-words.ts";
import type { RetrievedPassage } from "../../src/retrieval/hybrid-retriever.ts";
import type { Expansion } from "../../src/retrieval/query-expansion.ts";
import { createSwedishAnalyzer } from "../../src/text/index.ts";
import { retrievedPassage } from "../builders/passages.ts";

const analyzer = createSwedishAnalyzer();
const composer = new ExtractiveAnswerComposer(analyzer);
const term = (name: string) => analyzer.queryTerms(name)[0] ?? name;

// Real passages from the seed documents (Laholm and Norrbotten agreements, Region Halland's page,
// Laholmsnämndens uppföljningsrapport).
const LAHOLM = retrievedPassage(
  "Samverkansberedningens uppgift är att bereda frågor med koppling till genomförandet av beslutade kommunövergripande mål. " +
    "Samverkansberedningen arbetar utifrån en fastlagd sammanträdesplan med fyra möten per år genom kallelse av kommunstyrelsens ordförande.",
  { title: "Samverkansöverenskommelse Laholm", names: [term("Laholm")], rowid: 1 },
);
const NORRBOTTEN = retrievedPassage(
  [
    "Den politiska samverkansberedningen har följande sammansättning:",
    "",
    "- Region Norrbotten utser fem ordinarie ledamöter ur regionstyrelsen.",
    "- Kommunerna utser fem ordinarie ledamöter från socialberedningen och fyra ordinarie ledamöter från barn- och utbildningsberedningen. Av dessa fem respektive fyra ledamöter ska ordförande från respektive beredning ingå.",
    "- Respektive part utser personliga ersättare.",
    "- Ordförandeskapet och sekreterarfunktionen ska växla årsvis mellan parterna.",
    "- Beredningsmöten ska protokollföras.",
    "- Sammanträden ska hållas minst fyra gånger per år. Respektive part har därutöver möjlighet att begära extra sammanträde vid behov.",
    "- Två gånger per år genomförs gemensamma temadagar mellan politiska samverkansberedningen och länsstyrgruppen.",
    "",
    "Den politiska samverkansberedningens uppdrag är att:",
    "",
    "- Underlätta för länets medborgare att uppnå en god och jämlik hälsa och välfärd.",
    "- Prioritera mellan utvecklingsområden.",
  ].join("\n"),
  { title: "Överenskommelse Region Norrbotten", names: [term("Norrbotten")], rowid: 2 },
);

/** Every word counts the same, so the tests are about how the answer is put together, not IDF. */
function words(question: string, expansions: Expansion[] = []): QueryWord[] {
  const uniform = {
    documentFrequencies: (terms: readonly string[]) => ({
      frequencies: new Map(terms.map((item) => [item, 1])),
      total: 10,
    }),
  };
  return questionWords(question, { passages: [], queryTerms: [], expansions }, analyzer, uniform);
}

async function answer(question: string, passages: RetrievedPassage[]) {
  return composer.compose({ question, passages, queryWords: words(question), language: "sv" });
}

describe("the offline answer", () => {
  it("answers a comparison group by group, each sentence labelled with its group", async () => {
    const result = await answer(
      "Träffas samverkansberedningen i Laholm lika ofta som den politiska samverkansberedningen i Norrbotten?",
      [NORRBOTTEN, LAHOLM],
    );
    expect(result.abstained).toBe(false);
    expect(result.text).toMatch(
      /^Laholm: Samverkansberedningen arbetar .* fyra möten per år .*\[\d\] Norrbotten: /,
    );
    expect(result.text).toMatch(/Norrbotten: [^[]*gånger per år[^[]*\[\d\]$/);
    expect(result.citations.map((citation) => citation.title).sort()).toEqual([
      "Samverkansöverenskommelse Laholm",
      "Överenskommelse Region Norrbotten",
    ]);
  });

  it("labels nothing when the names in the question share one document", async () => {
    const both = retrievedPassage(LAHOLM.chunk.text, { names: [term("Laholm"), term("Halland")] });
    const result = await answer("Hur ofta möts samverkansberedningen i Laholm i Halland?", [both]);
    expect(result.text).not.toMatch(/^(Laholm|Halland):/);
    expect(result.text).toMatch(/fyra möten per år/);
  });

  it("gives each part of a compound question its own sentence", async () => {
    const halland = retrievedPassage(
      [
        "De lokala nämnderna arbetar för en jämlik och hållbar regional utveckling i Halland. Nämndernas arbete är långsiktigt och strategiskt.",
        "",
        "Region Halland har sex lokala nämnder, en i varje kommun. De lokala nämnderna verkar på uppdrag av regionfullmäktige och regionstyrelsen. I uppdraget ingår bland annat att ta fram kunskapsunderlag, arbeta i utvecklingsprocesser och att samverka med kommuner, civilsamhället och andra aktörer.",
      ].join("\n"),
      { title: "Lokala nämnder" },
    );
    const result = await answer(
      "På vems uppdrag verkar de lokala nämnderna, och hur många nämnder finns det?",
      [halland],
    );
    expect(result.text).toMatch(/sex lokala nämnder/);
    expect(result.text).toMatch(/på uppdrag av regionfullmäktige/);
  });

  it("does not say the same thing twice when the documents repeat themselves", async () => {
    const first = retrievedPassage(
      "Lokala nämner samarbetar i ett antal övergripande utvecklingsprocesser. Som exempel kan nämnas Välmående ger resultat som nämnderna har drivit sedan 2013.",
      { title: "Uppföljningsrapport", rowid: 3 },
    );
    const second = retrievedPassage(
      'Utvecklingsuppdraget genomförs genom att lokala nämnder samarbetar i ett antal övergripande utvecklingsprocesser. En av dessa är "Välmående ger resultat" som nämnderna har drivit sedan 2013.',
      { title: "Lokala nämnder", rowid: 4 },
    );
    const result = await answer("Sedan när har de lokala nämnderna drivit Välmående ger resultat?", [
      first,
      second,
    ]);
    expect(result.text.match(/sedan 2013/g)).toHaveLength(1);
  });

  it("answers the question asked, not the scene set before it", async () => {
    const result = await answer(
      "Jag har just valts in i socialberedningen och ska sitta i den politiska samverkansberedningen. Vad är egentligen dess uppdrag?",
      [NORRBOTTEN],
    );
    expect(result.text).toMatch(/^Den politiska samverkansberedningens uppdrag är att:\n• Underlätta/);
  });

  it("shows the list items that answer under their lead-in, one per line, not the whole list cut short", async () => {
    const result = await answer("Vilka ingår i den politiska samverkansberedningen i Norrbotten?", [
      NORRBOTTEN,
    ]);
    expect(result.text.split("\n")).toEqual([
      "Den politiska samverkansberedningen har följande sammansättning:",
      "• Region Norrbotten utser fem ordinarie ledamöter ur regionstyrelsen.",
      "• Kommunerna utser fem ordinarie ledamöter från socialberedningen och fyra ordinarie ledamöter från barn- och utbildningsberedningen. Av dessa fem respektive fyra ledamöter ska ordförande från respektive beredning ingå.",
      "• Respektive part utser personliga ersättare. [1]",
    ]);
    expect(result.text).not.toContain("…");
    // Every quoted piece stands word for word in the passage.
    for (const piece of result.citations[0]?.quote.split(" … ") ?? [])
      expect(NORRBOTTEN.chunk.text).toContain(piece);
  });

  it("answers a new member whose own committee the documents never mention", async () => {
    const skollagen = retrievedPassage(
      "Varje huvudman inom skolväsendet ska på huvudmannanivå systematiskt och kontinuerligt planera och följa upp utbildningen, analysera orsakerna till uppföljningens resultat och utifrån analysen genomföra insatser i syfte att utveckla utbildningen.",
      { title: "Skollag (2010:800)", headings: ["Huvudmannanivå"] },
    );
    const result = await answer(
      "Jag är nyvald i barn- och utbildningsnämnden. Vad förväntas vi som huvudman göra med skolornas resultat och uppföljning?",
      [skollagen],
    );
    expect(result.abstained).toBe(false);
    expect(result.text).toMatch(/^Varje huvudman inom skolväsendet ska/);
  });

  it("takes along the next sentence when it goes on about the same subject", async () => {
    const skollagen = retrievedPassage(
      "Utbildningen inom skolväsendet syftar till att barn och elever ska inhämta och utveckla kunskaper och värden. Den ska främja alla barns och elevers utveckling och lärande samt en livslång lust att lära. Utbildningen ska också förmedla och förankra respekt för de mänskliga rättigheterna.",
      { title: "Skollag (2010:800)", headings: ["Syftet med utbildningen inom skolväsendet"] },
    );
    const result = await answer("Vad är syftet med utbildningen inom skolväsendet?", [skollagen]);
    expect(result.text).toMatch(
      /^Utbildningen inom skolväsendet syftar till .* Den ska främja .* livslång lust att lära\./,
    );
  });

  it("names the section when the question asks which of several groups", async () => {
    // Laholm's agreement repeats the resource-group sentence under each target area.
    const group = (area: string, members: string, rowid: number) =>
      retrievedPassage(
        `Resursgruppen sammankallas av målområdesansvarig chef och består av målområdesstrateg samt representanter från ${members}.`,
        { title: "Samverkansöverenskommelse Laholm", headings: [area], rowid },
      );
    const passages = [
      group("Trygghet och folkhälsa", "Socialtjänsten, Laholmshem, lokal nämnd i Laholm och Polisen", 1),
      group("Barn och unga", "Socialtjänsten, Strategienheten och lokal nämnd i Laholm", 2),
    ];
    const which = await answer("Är polisen med i någon av arbetsgrupperna?", passages);
    expect(which.text).toMatch(/^Trygghet och folkhälsa: Resursgruppen .*Polisen\. \[1\]$/);
    const plain = await answer("Vem sammankallar resursgruppen?", passages);
    expect(plain.text).toMatch(/^Resursgruppen sammankallas/);
  });

  it("names the holder of a post from each document that names one", async () => {
    const agreement = retrievedPassage(
      "Erling Cronqvist\n\nKommunstyrelsen, ordförande\n\nJonas Hellsten\n\nLokala nämnden i Laholm, ordförande",
      { title: "Samverkansöverenskommelse Laholm", names: [term("Laholm")], rowid: 1 },
    );
    const report = retrievedPassage(
      "Laholmsnämnden\n\nMargareta Bengtsson\n\nOrdförande\n\nUppföljningen visar att uppdragen följer plan.",
      {
        title: "Uppföljningsrapport Laholmsnämnden",
        names: [term("Laholm")],
        rowid: 2,
        headings: ["Underskrift"],
      },
    );
    const result = await answer("Vem är ordförande för lokala nämnden i Laholm (Laholmsnämnden)?", [
      agreement,
      report,
    ]);
    expect(result.text).toMatch(/Jonas Hellsten, Lokala nämnden i Laholm, ordförande \[\d\]/);
    expect(result.text).toMatch(/Margareta Bengtsson, Laholmsnämnden, Ordförande \[\d\]/);
    expect(result.text).not.toMatch(/Cronqvist/);
  });

  it("answers each part of a compound question with its own sentence when one sentence fits both", async () => {
    const network = retrievedPassage(
      "Kvalitetsnätverket är kopplat till kommunens stödprocesser och hantering av resurser. Syftet med nätverket är att förvalta, samordna och utveckla processer samt bidra till förbättringar i styr- och stödprocesser. Fokus för nätverket är att skapa förutsättningar och systematik för att uppnå gemensamma resultatmål.",
      { title: "Samverkansöverenskommelse Laholm", headings: ["Kvalitetsnätverket"] },
    );
    const question = "Varför finns kvalitetsnätverket och vad ska det åstadkomma?";
    // Retrieval's thesaurus: "åstadkomma" ~ "skapa".
    const expansions: Expansion[] = [
      { term: term("skapa"), source: term("åstadkomma"), kind: "synonym", credit: 0.6 },
    ];
    const result = await composer.compose({
      question,
      passages: [network],
      queryWords: words(question, expansions),
      language: "sv",
    });
    expect(result.text).toMatch(/Syftet med nätverket är att förvalta/);
    expect(result.text).toMatch(/Fokus för nätverket är att skapa/);
  });

  it("takes along the next sentence when it draws the consequence", async () => {
    const report = retrievedPassage(
      "Uppdraget genomförs genom att Laholmsnämnden ska delta i planering inför, genomförande under och utvärderingsarbete av projektet Kultur på Recept. Laholmsnämnden har deltagit i planeringen och projektet var i startgroparna för att starta men fick inte tag i utvärderare. Projektledaren har därför ansökt om att få skjuta fram projektet ett halvår för att få med utvärdering. Ingen recept har skrivits ut.",
      { title: "Uppföljningsrapport Laholmsnämnden", headings: ["Kultur för ett socialt hållbart samhälle"] },
    );
    const result = await answer("Varför har Kultur på Recept inte startat?", [report]);
    expect(result.text).toMatch(
      /fick inte tag i utvärderare\. \[1\] Projektledaren har därför ansökt .* ett halvår/,
    );
  });

  it("takes along the next sentence when it goes on about what the first named", async () => {
    const structure = retrievedPassage(
      "Från kommunerna utses någon till presidiet. Socialpresidiet och skolpresidiet väljer sin representant bland ordförandena. En rekommendation är att dessa väljs från olika kommuner för en bredare spridning. Respektive nämnd ansvarar för att delta i mötena.",
      { title: "Samverkansstruktur", headings: ["Representation"] },
    );
    const result = await answer("Hur väljs representanterna till presidiet?", [structure]);
    expect(result.text).toMatch(
      /väljer sin representant bland ordförandena\. \[1\] En rekommendation är att dessa väljs/,
    );
  });

  it("finds the period a question names in other words", async () => {
    const report = retrievedPassage(
      "Kringkostnaderna är den post som varierar mest över året. Nämnden har totalt sett en ekonomi i balans. Nämndens resultat för perioden januari-mars är plus 68 tkr.",
      { title: "Uppföljningsrapport Laholmsnämnden", headings: ["Ekonomi"] },
    );
    const result = await answer("Vad blev resultatet under årets första tre månader?", [report]);
    expect(result.text).toMatch(/^Nämndens resultat för perioden januari-mars är plus 68 tkr\./);
  });

  it("answers a part of a compound question with a list item its lead-in puts in context", async () => {
    const question =
      "Hur ofta träffas politikerna i Norrbottens samverkansberedning, och går det att få till fler möten?";
    // Retrieval's thesaurus: "träffas" ~ "sammanträde", "möte" ~ "sammanträde".
    const expansions: Expansion[] = [
      { term: term("sammanträden"), source: term("träffas"), kind: "synonym", credit: 0.36 },
      { term: term("sammanträde"), source: term("möten"), kind: "synonym", credit: 0.6 },
    ];
    const result = await composer.compose({
      question,
      passages: [NORRBOTTEN],
      queryWords: words(question, expansions),
      language: "sv",
    });
    expect(result.text).toMatch(/Sammanträden ska hållas minst fyra gånger per år\./);
    expect(result.text).toMatch(/begära extra sammanträde vid behov/);
  });
});

import { describe, expect, it } from "vitest";
import { cueScore, satisfiesNeed } from "../../src/answer/answer-cues.ts";
import { classifyQuestion } from "../../src/answer/classify-question.ts";

describe("classifyQuestion", () => {
  it.each([
    ["Vem står för inbjudan till samverkansberedningens träffar?", "who"],
    ["Hur ofta träffas politikerna i Norrbottens samverkansberedning?", "frequency"],
    ["Hur länge gäller samverkansöverenskommelsen?", "duration"],
    ["Hur snabbt måste kommunen svara på en begäran om planbesked?", "duration"],
    ["Inom vilken tid ska nämnden fatta beslut?", "duration"],
    ["När träder överenskommelsen i kraft?", "when"],
    ["Vad menas med kränkande behandling i skollagen?", "definition"],
    ["Kan HälSam själv besluta om ett nytt avtal?", "yes_no"],
    ["Hur många möten per år har beredningen?", "count"],
    ["Varför har Kultur på Recept inte kommit igång än?", "reason"],
    ["Vilka ingår i den politiska samverkan inom HälSam?", "composition"],
    ["Hur är den politiska samverkansberedningen i Norrbotten sammansatt?", "composition"],
    ["Vilka tjänstepersoner stöttar politikerna i samverkansberedningen?", "composition"],
    ["Träffas beredningen i Laholm lika ofta som den i Norrbotten?", "frequency"],
    ["Hur utses den sammankallande i HälSams politiska presidium?", "who"],
    ["Går det att få till fler möten?", "yes_no"],
    ["Vilka är nämndens tre huvuduppdrag?", "general"],
  ])("%s → %s", (question, kind) => {
    expect(classifyQuestion(question).kind).toBe(kind);
  });

  it("keeps the term a definition question asks about", () => {
    expect(classifyQuestion("Vad räknas som tillbyggnad enligt plan- och bygglagen?").term).toBe(
      "tillbyggnad",
    );
  });

  it("insists on a name when asked who holds a post", () => {
    expect(classifyQuestion("Vem är ordförande för lokala nämnden i Laholm?").needs).toBe("person");
  });

  it("insists on a phone number when asked for one", () => {
    const { needs } = classifyQuestion("Vilket telefonnummer har nämndsekreteraren?");
    expect(needs).toBe("contact");
    expect(satisfiesNeed(needs, "Nämndsekreteraren bereder ärendena.")).toBe(false);
    expect(satisfiesNeed(needs, "Ring nämndsekreteraren på 035-13 48 00.")).toBe(true);
  });
});

describe("cueScore", () => {
  it("prefers the frequency sentence for a how-often question", () => {
    const frequency = cueScore("frequency", "Sammanträden ska hållas minst fyra gånger per år.");
    const other = cueScore("frequency", "Beredningsmöten ska protokollföras.");
    expect(frequency).toBeGreaterThan(other);
  });

  it("reads a term of office as the answer to how long", () => {
    const term = cueScore(
      "duration",
      "Posterna väljs mandatperioden ut och bereder tillsammans inför mötena.",
    );
    expect(term).toBeGreaterThan(cueScore("duration", "Respektive ordförande ansvarar för mötena."));
  });

  it("prefers a stated length of time to a word that only speaks of time", () => {
    const span = cueScore("duration", "Kommunen ska ge sitt planbesked inom fyra månader.");
    const validity = cueScore("duration", "Medgivandet gäller till den tidpunkt då planläggningen inleds.");
    expect(span).toBeGreaterThan(validity);
  });

  it("does not take a reference to another section for a definition", () => {
    expect(
      cueScore(
        "definition",
        "Om den som gör begäran vill ha möjlighet att begära ett sådant yttrande som avses i 5 b § första stycket, ska även det anges i begäran.",
      ),
    ).toBe(0);
  });

  it("recognises a Swedish definition", () => {
    expect(
      cueScore(
        "definition",
        "Med kränkande behandling avses ett uppträdande som kränker ett barns värdighet.",
      ),
    ).toBe(1);
  });
});

describe("questions asking for a starting point", () => {
  it("are told apart from other when-questions", () => {
    expect(classifyQuestion("Sedan när har vi hållit på med Välmående ger resultat?").kind).toBe("since");
    expect(classifyQuestion("Och från vilket år gäller det?").kind).toBe("since");
    expect(classifyQuestion("När är nästa möte?").kind).toBe("when");
  });

  it("prefer the sentence stating since when to one that only has a year", () => {
    // Region Halland's page and Laholmsnämnden's report, both about Välmående ger resultat.
    const since = cueScore(
      "since",
      "En av dessa är Välmående ger resultat som nämnderna har drivit sedan 2013.",
    );
    const year = cueScore(
      "since",
      "Under 2017 har arbetet presenterats på en föräldrastödskonferens i Halmstad.",
    );
    expect(since).toBe(1);
    expect(year).toBeLessThan(0.5);
  });
});

// Function words that carry no topic: pronouns, articles, auxiliaries, conjunctions, common
// prepositions and question words. Negations (inte, ej, icke, ingen, inga, inget, aldrig) are
// deliberately not here: "har inga beslutsbefogenheter" must stay distinguishable from "har
// beslutsbefogenheter". Number words other than the articles "en"/"ett" are not here either;
// the analyzer turns them into digits.

const WORDS = `
alla allt alltså andra annan annat att av bara bland blev bli blir blivit de dem den denna deras
dess dessa det detta dig din dina ditt dock du där då efter eller en enligt er era ert ett fanns
fick finns från får för genom ha hade han hans har hen henne hennes hit hon honom hos hur här i
in inför inom jag ju kan kommer kring kunde man med mellan men mig min mina mitt mot mycket ni nu
någon något några när och också om oss per på redan samma samt sedan sig sin sina sitt själv ska
skall skulle som så sådan sådana sådant till under upp ut utan vad var vara varför varit varje
vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än ännu är även åt över
många flera både därför utifrån bl dvs etc osv ex resp inkl ca
ofta länge egentligen just
`;

/** Lower-case Swedish function words that are neither indexed nor searched. */
export const SWEDISH_STOP_WORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).filter((word) => word !== ""),
);

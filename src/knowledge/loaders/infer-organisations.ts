/** Sweden's regions by the names they use ("Region Halland", "Västra Götalandsregionen"). */
const REGIONS = [
  "Stockholm",
  "Uppsala",
  "Sörmland",
  "Östergötland",
  "Jönköpings län",
  "Kronoberg",
  "Kalmar län",
  "Gotland",
  "Blekinge",
  "Skåne",
  "Halland",
  "Värmland",
  "Örebro län",
  "Västmanland",
  "Dalarna",
  "Gävleborg",
  "Västernorrland",
  "Jämtland Härjedalen",
  "Västerbotten",
  "Norrbotten",
];
const REGION = new RegExp(`\\bRegion (${REGIONS.join("|")})(?=s?\\b)|\\bVästra Götalandsregionen`, "gu");
// "Laholms kommun", "Ånge kommun", "Laholms kommuns": a capitalised name right before "kommun".
const MUNICIPALITY = /(?<![\p{L}-])(\p{Lu}[\p{Ll}é]+(?:[- ]\p{Lu}[\p{Ll}]+)?) kommuns?(?![\p{L}])/gu;
// "Laholmsnämnden", "Kungsbackanämnden": a local board named after its place, written as one word
// and capitalised inside a sentence (at the start of one, "Socialnämnden" is any municipality's).
const PLACE_BOARD = /(?<=(?:^|[\p{Ll}\p{N},:] ))(\p{Lu}\p{Ll}+nämnden)(?![\p{L}])/gmu;
/** Capitalised words that stand before "kommun" without naming one ("Varje kommun", "Berörd kommun"). */
const NOT_A_NAME = new Set(
  "varje respektive denna den en ny vilken samma egen hela annan berörd aktuell deltagande ansvarig enskild ingen någon din vår er hemkommun".split(
    " ",
  ),
);
const MAX_ORGANISATIONS = 10;
/** Named this often, or in the title or the opening, an organisation is one of the document's own. */
const MIN_MENTIONS = 2;
const OPENING_CHARACTERS = 600;

/**
 * The regions, municipalities and local boards a document names, most mentioned first: those in
 * its title or opening, and those it names at least twice.
 */
export function inferOrganisations(title: string, text: string): string[] {
  const counts = new Map<string, { mentions: number; first: number; early: boolean }>();
  const add = (name: string, index: number, inTitle: boolean) => {
    const entry = counts.get(name) ?? { mentions: 0, first: index, early: false };
    entry.mentions += 1;
    entry.early ||= inTitle || index < OPENING_CHARACTERS;
    counts.set(name, entry);
  };
  for (const [source, inTitle] of [
    [title, true],
    [text, false],
  ] as const) {
    for (const match of source.matchAll(REGION))
      add(match[1] ? `Region ${match[1]}` : match[0], match.index, inTitle);
    for (const match of source.matchAll(MUNICIPALITY)) {
      const name = match[1] ?? "";
      if (!NOT_A_NAME.has(name.toLowerCase())) add(`${name} kommun`, match.index, inTitle);
    }
    for (const match of source.matchAll(PLACE_BOARD)) {
      const board = match[1] ?? "";
      if (namesPlace(board, text)) add(board, match.index, inTitle);
    }
  }
  return [...counts.entries()]
    .filter(([, entry]) => entry.early || entry.mentions >= MIN_MENTIONS)
    .sort((a, b) => b[1].mentions - a[1].mentions || a[1].first - b[1].first)
    .slice(0, MAX_ORGANISATIONS)
    .map(([name]) => name);
}

/** "Laholmsnämnden" is a place's board when the text names the place on its own ("Laholms kommun", "i Laholm"). */
function namesPlace(board: string, text: string): boolean {
  const place = board.replace(/s?nämnden$/u, "");
  // The place is letters only (PLACE_BOARD), so it is safe inside a pattern.
  if (place.length < 3) return false;
  return new RegExp(`(?<![\\p{L}])${place}s?(?![\\p{L}])`, "u").test(text);
}

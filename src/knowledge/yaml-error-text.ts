/** Swedish for the error codes of the `yaml` package, as a person editing the file should read them. */
const CODES: Readonly<Record<string, string>> = {
  ALIAS_PROPS: "en alias-referens (*namn) får inte ha egna taggar eller ankare",
  BAD_ALIAS: "en alias-referens (*namn) är felskriven",
  BAD_DIRECTIVE: "en rad som börjar med % förstås inte",
  BAD_DQ_ESCAPE:
    'ett omvänt snedstreck (\\) inom "citattecken" följs av ett tecken som inte går; skriv \\\\ eller använd enkla citattecken',
  BAD_INDENT: "indraget stämmer inte; rader på samma nivå ska ha lika många mellanslag först",
  BAD_PROP_ORDER: "ankare och taggar står i fel ordning",
  BAD_SCALAR_START:
    'ett värde börjar med ett tecken som inte får stå först (t.ex. @ eller `); sätt värdet inom "citattecken"',
  BLOCK_AS_IMPLICIT_KEY: "ett fältnamn saknar kolon eller står på fel indrag",
  BLOCK_IN_FLOW: "en lista med streck (-) står inuti [ ] eller { }",
  DUPLICATE_KEY: "samma fält står två gånger",
  IMPOSSIBLE: "filen kunde inte tolkas",
  MISSING_CHAR:
    "ett tecken saknas: ett citattecken, en hakparentes ] eller klammer } avslutas aldrig, eller ett kolon saknas",
  MULTILINE_IMPLICIT_KEY:
    "ett fältnamn fortsätter över flera rader; troligen saknas ett kolon eller ett citattecken på raden före",
  MULTIPLE_ANCHORS: "ett värde har flera ankare (&namn)",
  MULTIPLE_DOCS: "filen innehåller flera YAML-dokument (en rad med --- mitt i); ta bort den",
  MULTIPLE_TAGS: "ett värde har flera taggar (!tagg)",
  NON_STRING_KEY: "ett fältnamn är inte en text",
  RESOURCE_EXHAUSTION: "filen har för många alias-referenser",
  TAB_AS_INDENT: "indraget är gjort med tabb; använd mellanslag",
  TAG_RESOLVE_FAILED: "en tagg (!tagg) förstås inte",
  UNEXPECTED_TOKEN:
    'ett tecken står där det inte får stå; sätt värdet inom "citattecken" om det innehåller : eller #',
  BAD_COLLECTION_TYPE: "en lista eller samling har fel typ",
};

/**
 * An error of the `yaml` package in Swedish: what is wrong, by its code; an unknown code keeps the
 * package's own first line as a technical detail, so nothing is lost.
 */
export function yamlErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === "string" ? CODES[code] : undefined;
  if (known) return known;
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  return `filen kunde inte tolkas (teknisk orsak: ${message})`;
}

/** The 1-based line of a `yaml` package error, when it says. */
export function yamlErrorLine(error: unknown): number | null {
  const line = (error as { linePos?: { line?: unknown }[] } | null)?.linePos?.[0]?.line;
  return typeof line === "number" ? line : null;
}

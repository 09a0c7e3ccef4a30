// Swedish text analysis shared by indexing and querying. Import from here, not from the files.
export { type BuildLexiconOptions, buildLexicon, mergeLexicons } from "./build-lexicon.ts";
export { CompoundSplitter, type CompoundSplitterOptions } from "./compound-splitter.ts";
export { DEFAULT_LEXICON_PATH, loadDefaultLexicon } from "./default-lexicon.ts";
export { definitionKeys } from "./definition-keys.ts";
export { type AcronymDefinition, type ExtractAcronymsOptions, extractAcronyms } from "./extract-acronyms.ts";
export {
  BODIES_AND_ROLES,
  type InferAcronymsOptions,
  type InferredAcronym,
  inferAcronyms,
} from "./infer-acronyms.ts";
export { formatLexicon, parseLexicon } from "./lexicon-file.ts";
export { lexiconFingerprint } from "./lexicon-fingerprint.ts";
export { type LightVerb, lightVerbs } from "./light-verbs.ts";
export { normalizeText } from "./normalize-text.ts";
export { numberWordToDigits } from "./number-word-to-digits.ts";
export { type ParticleVerb, particleVerbs } from "./particle-verbs.ts";
export { type ReportPeriod, reportPeriods, withoutYearAnchors } from "./report-periods.ts";
export { stemSwedish } from "./stem-swedish.ts";
export {
  type Analyzer,
  createSwedishAnalyzer,
  SWEDISH_ANALYSIS_ALGORITHM,
  type SwedishAnalyzerOptions,
} from "./swedish-analyzer.ts";
export { SWEDISH_MONTHS } from "./swedish-months.ts";
export { SWEDISH_STOP_WORDS } from "./swedish-stop-words.ts";
export {
  DEFAULT_THESAURUS_PATH,
  loadDefaultThesaurus,
  type PhraseMatch,
  parseThesaurus,
  type Thesaurus,
} from "./thesaurus.ts";
export { scanTokens, type Token, type TokenSink, tokenize } from "./tokenize.ts";
export { wholeWord } from "./whole-word.ts";
export { isTogetherForm, personNounForms } from "./word-forms.ts";

import { statSync } from "node:fs";
import { basename } from "node:path";
import { createSwedishAnalyzer } from "../../text/index.ts";
import { corpusDocuments, listCorpusFiles } from "../../vectors/corpus-directory.ts";
import { trainWordVectors } from "../../vectors/train-word-vectors.ts";
import { saveWordVectors } from "../../vectors/word-vector-file.ts";
import type { WordVectorModel } from "../../vectors/word-vector-model.ts";
import { EXIT_OK, parseCommandArguments, runCommand, UsageError } from "./run-command.ts";

const USAGE = `Användning: npx tsx src/surfaces/cli/vectors-train-command.ts --corpus MAPP --out FIL
  [--dims 256] [--window 5] [--min-count 3] [--vocab 50000] [--seed 1] [--name NAMN] [--source TEXT]
Tränar svenska ordvektorer (PPMI + SVD) på alla .md- och .txt-filer under MAPP och skriver FIL.`;

const INTEGER_OPTIONS = { dims: 256, window: 5, "min-count": 3, vocab: 50_000, seed: 1 } as const;

async function main(): Promise<number> {
  const started = performance.now();
  const options = parseArguments();
  const files = listCorpusFiles(options.corpus);
  if (files.length === 0) throw new UsageError(`Hittade inga .md- eller .txt-filer under ${options.corpus}.`);
  const analyzer = createSwedishAnalyzer();
  const model = await trainWordVectors(
    corpusDocuments(files, (text) => analyzer.analyze(text)),
    {
      dimensions: options.dims,
      window: options.window,
      minCount: options["min-count"],
      maxVocabulary: options.vocab,
      seed: options.seed,
      name: options.name,
      analyzerVersion: analyzer.version,
      provenance: {
        corpus: options.source,
        files: String(files.length),
        command: [
          "npx tsx src/surfaces/cli/vectors-train-command.ts",
          ...process.argv.slice(2).map(quoteArgument),
        ].join(" "),
      },
      onPhase: (phase) => {
        const elapsed = ((performance.now() - started) / 1000).toLocaleString("sv-SE", {
          maximumFractionDigits: 1,
        });
        process.stderr.write(`[${elapsed} s] ${PHASE_NAMES[phase]} …\n`);
      },
    },
  );
  saveWordVectors(model, options.out);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(formatSummary(model, files.length, seconds, options.out));
  return EXIT_OK;
}

function quoteArgument(argument: string): string {
  return /^[\w./:=@+-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}

/** The Swedish summary printed after training. */
function formatSummary(model: WordVectorModel, files: number, seconds: number, out: string): string {
  const number = (value: number, digits = 0): string =>
    value.toLocaleString("sv-SE", { maximumFractionDigits: digits });
  const megabytes = (bytes: number): string => number(bytes / 1_000_000, 1);
  const { documentCount, tokenCount } = model.metadata;
  const lines = [
    `Tränade ordvektorer på ${number(files)} filer: ${number(documentCount)} stycken, ${number(tokenCount)} termer.`,
    `Vokabulär: ${number(model.size)} termer, ${model.dimensions} dimensioner.`,
    `Tid: ${number(seconds, 1)} s, högsta minnesanvändning: ${megabytes(process.resourceUsage().maxRSS * 1024)} MB.`,
    `Skrev ${out} (${megabytes(statSync(out).size)} MB), id ${model.id}.`,
  ];
  return lines.map((line) => `${line}\n`).join("");
}

const PHASE_NAMES = {
  reading: "Läser och analyserar texterna",
  counting: "Räknar samförekomster",
  weighting: "Beräknar PPMI",
  factorising: "Faktoriserar (randomiserad SVD)",
  indexing: "Bygger grannindex",
  neighbours: "Slår upp varje terms närmaste grannar",
} as const;

function parseArguments() {
  const options = Object.fromEntries(
    [...Object.keys(INTEGER_OPTIONS), "corpus", "out", "name", "source"].map((name) => [
      name,
      { type: "string" as const },
    ]),
  );
  const values: Record<string, string | undefined> = parseCommandArguments({
    options,
    allowPositionals: false,
  }).values;
  const { corpus, out } = values;
  if (!corpus || !out) throw new UsageError("Både --corpus och --out måste anges.");
  const integers = Object.fromEntries(
    Object.entries(INTEGER_OPTIONS).map(([name, fallback]) => {
      const text = values[name];
      const value = text === undefined ? fallback : Number(text);
      if (!Number.isInteger(value) || value < (name === "seed" ? 0 : 1)) {
        throw new UsageError(`--${name} ska vara ett positivt heltal, fick "${text}".`);
      }
      return [name, value];
    }),
  ) as Record<keyof typeof INTEGER_OPTIONS, number>;
  try {
    if (!statSync(corpus).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new UsageError(`Korpusmappen ${corpus} finns inte eller är ingen mapp.`);
  }
  return {
    ...integers,
    corpus,
    out,
    name: values.name ?? basename(out).replace(/\.vec(\.gz)?$|\.gz$/, ""),
    source: values.source ?? basename(corpus),
  };
}

runCommand(main, USAGE);

/** Node's parseArgs error codes, as documented for `util.parseArgs`. */
const UNKNOWN_OPTION = "ERR_PARSE_ARGS_UNKNOWN_OPTION";
const INVALID_OPTION_VALUE = "ERR_PARSE_ARGS_INVALID_OPTION_VALUE";
const UNEXPECTED_POSITIONAL = "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL";

/**
 * A parseArgs failure in Swedish, naming the argument. Node's own message is English and talks about
 * "positional arguments"; only the option or argument it quotes is kept.
 */
export function describeArgumentError(error: unknown): string {
  const code = String((error as { code?: unknown })?.code ?? "");
  const message = error instanceof Error ? error.message : String(error);
  // The long form is what a person typed most often; "-g, --group <value>" names both.
  const option = message.match(/--[\w-]+/)?.[0] ?? message.match(/(?<![\w-])-[\w]/)?.[0];
  const quoted = message.match(/'([^']*)'/)?.[1];
  switch (code) {
    case UNKNOWN_OPTION:
      return `Okänt val: ${option ?? quoted ?? "?"}. Skriv --help för att se vilka val som finns.`;
    case INVALID_OPTION_VALUE:
      return /does not take an argument/.test(message)
        ? `Valet ${option ?? quoted} tar inget värde; skriv bara ${option ?? quoted}.`
        : `Valet ${option ?? quoted} behöver ett värde, till exempel ${option ?? quoted} VÄRDE.`;
    case UNEXPECTED_POSITIONAL:
      return `Oväntat argument "${quoted ?? "?"}": kommandot tar bara val som börjar med --. Skriv --help för att se vilka.`;
    default:
      return "Argumenten kunde inte tolkas. Skriv --help för att se hur kommandot används.";
  }
}

/** True when the arguments before a `--` terminator ask for the usage text. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some(
    (argument) => argument === "--help" || argument === "-h",
  );
}

import { type ParseArgsConfig, parseArgs } from "node:util";
import { loadEnvironmentFile } from "../../config/environment-file.ts";
import { SamsynError } from "../../errors.ts";
import { asksForHelp, describeArgumentError } from "./argument-errors.ts";

/** Exit codes shared by every command: 0 ok, 1 failure, 2 bad usage or bad input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** Thrown by a command for wrong arguments; printed with the command's usage text. */
export class UsageError extends SamsynError {
  constructor(message: string) {
    super("usage_invalid", message);
  }
}

/**
 * Runs a command's main function and turns its outcome into an exit code, printing errors as one
 * clear Swedish line (the cause, with code, goes to stderr as well). `--help` or `-h` prints the usage
 * and exits 0 without running anything. Settings in `.env` are read first (the environment wins).
 */
export function runCommand(main: () => Promise<number>, usage: string): void {
  if (asksForHelp(process.argv.slice(2))) {
    process.stdout.write(`${usage}\n`);
    process.exitCode = EXIT_OK;
    return;
  }
  Promise.resolve()
    .then(() => {
      loadEnvironmentFile();
      return main();
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof UsageError) {
          process.stderr.write(`${error.message}\n\n${usage}\n`);
          process.exitCode = EXIT_BAD_INPUT;
          return;
        }
        if (error instanceof SamsynError) {
          process.stderr.write(`Fel (${error.code}): ${error.message}\n`);
          process.exitCode = error.code === "config_invalid" ? EXIT_BAD_INPUT : EXIT_FAILURE;
          return;
        }
        process.stderr.write(
          `Oväntat fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exitCode = EXIT_FAILURE;
      },
    );
}

/** node:util parseArgs (strict), with unknown or malformed arguments reported as a Swedish usage error. */
export function parseCommandArguments<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ strict: true, ...config });
  } catch (error) {
    throw new UsageError(describeArgumentError(error));
  }
}

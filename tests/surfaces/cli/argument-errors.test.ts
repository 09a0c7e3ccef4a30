import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { asksForHelp, describeArgumentError } from "../../../src/surfaces/cli/argument-errors.ts";

function failure(args: string[]): unknown {
  try {
    parseArgs({
      args,
      options: { group: { type: "string", short: "g" }, json: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    return error;
  }
  throw new Error("parseArgs accepted the arguments");
}

describe("describeArgumentError", () => {
  it.each([
    [["--grupp", "x"], "Okänt val: --grupp."],
    [["-q"], "Okänt val: -q."],
    [["--group"], "Valet --group behöver ett värde, till exempel --group VÄRDE."],
    [["-g"], "Valet --group behöver ett värde"],
    [["--json=ja"], "Valet --json tar inget värde; skriv bara --json."],
    [["Vem leder?"], 'Oväntat argument "Vem leder?"'],
  ])("turns Node's message for %j into Swedish naming the argument", (args, expected) => {
    const text = describeArgumentError(failure(args));
    expect(text).toContain(expected);
    expect(text).not.toMatch(/option|argument missing|positional/i);
  });

  it("falls back to a Swedish sentence for an error it does not know", () => {
    expect(describeArgumentError(new Error("Something odd"))).toBe(
      "Argumenten kunde inte tolkas. Skriv --help för att se hur kommandot används.",
    );
  });
});

describe("asksForHelp", () => {
  it("finds --help and -h before a -- terminator only", () => {
    expect(asksForHelp(["--group", "x", "--help"])).toBe(true);
    expect(asksForHelp(["-h"])).toBe(true);
    expect(asksForHelp(["--", "-h"])).toBe(false);
    expect(asksForHelp(["Vad betyder --help?"])).toBe(false);
  });
});

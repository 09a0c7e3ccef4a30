import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadWordVectors } from "../../src/vectors/word-vector-file.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

const COMMAND = "src/surfaces/cli/vectors-train-command.ts";
const directory = mkdtempSync(join(tmpdir(), "samsyn-vectors-cli-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", COMMAND, ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("vectors-train-command", () => {
  it("exits 2 with Swedish usage on missing or bad arguments", () => {
    const missing = run("--out", join(directory, "x.vec.gz"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--corpus/);
    expect(missing.stderr).toMatch(/Användning/);
    const bad = run("--corpus", directory, "--out", join(directory, "x.vec.gz"), "--dims", "många");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--dims ska vara ett positivt heltal/);
    expect(run("--corpus", join(directory, "saknas"), "--out", "x").status).toBe(2);
    expect(run("--okänd", "1").status).toBe(2);
  });

  it("trains on the .md and .txt files of a folder, skipping front matter, and writes a loadable file", () => {
    const corpus = join(directory, "corpus");
    mkdirSync(join(corpus, "sub"), { recursive: true });
    const documents = syntheticCorpus(300).map((words) => words.join(" "));
    writeFileSync(
      join(corpus, "a.md"),
      `---\nrubrik: hemligtord hemligtord hemligtord\n---\n\n${documents.slice(0, 150).join("\n\n")}\n`,
    );
    writeFileSync(join(corpus, "sub", "b.txt"), documents.slice(150).join("\n\n"));
    writeFileSync(join(corpus, "ignored.json"), '{"rubrik": "hoppas över"}');
    // Some statutes are front matter only, without a newline after the closing "---".
    writeFileSync(join(corpus, "c.md"), "---\nrubrik: hemligtord hemligtord hemligtord\n---");
    const out = join(directory, "small.vec.gz");
    const result = run(
      "--corpus",
      corpus,
      "--out",
      out,
      "--dims",
      "8",
      "--min-count",
      "2",
      "--source",
      "syntetisk",
    );
    expect(result.stderr).not.toMatch(/Fel/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Tränade ordvektorer på 3 filer: 300 stycken/);
    expect(result.stdout).toMatch(/Vokabulär: \d+ termer, 8 dimensioner/);
    expect(result.stdout).toMatch(/högsta minnesanvändning: [\d,]+ MB/);
    const model = loadWordVectors(out);
    expect(model.data.terms.filter((term) => term.startsWith("hemlig"))).toEqual([]);
    expect(model.metadata.provenance).toMatchObject({ corpus: "syntetisk", files: "3" });
    expect(model.metadata.provenance.command).toMatch(/--dims 8 --min-count 2/);
    expect(model.metadata.name).toBe("small");
  });
});

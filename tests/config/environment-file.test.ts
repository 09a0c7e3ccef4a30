import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnvironmentFile } from "../../src/config/environment-file.ts";

function folderWith(text: string | null): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-envfile-"));
  if (text !== null) fs.writeFileSync(path.join(folder, ".env"), text);
  return folder;
}

describe("loadEnvironmentFile", () => {
  it("fills unset variables from .env, with comments, quotes and empty values as dotenv writes them", () => {
    const environment: NodeJS.ProcessEnv = {};
    const loaded = loadEnvironmentFile(
      environment,
      folderWith('# Slack\nSLACK_BOT_TOKEN=xoxb-1\nSAMSYN_HOST="0.0.0.0"\nPORT=\n'),
    );
    expect(loaded?.applied).toBe(3);
    expect(environment).toEqual({ SLACK_BOT_TOKEN: "xoxb-1", SAMSYN_HOST: "0.0.0.0", PORT: "" });
  });

  it("never overrides a variable the environment already sets, even to empty", () => {
    const environment: NodeJS.ProcessEnv = { PORT: "4000", LOG_LEVEL: "" };
    loadEnvironmentFile(environment, folderWith("PORT=3000\nLOG_LEVEL=debug\n"));
    expect(environment).toEqual({ PORT: "4000", LOG_LEVEL: "" });
  });

  it("is a no-op without a .env and when SAMSYN_ENV_FILE is empty", () => {
    expect(loadEnvironmentFile({}, folderWith(null))).toBeNull();
    const environment: NodeJS.ProcessEnv = { SAMSYN_ENV_FILE: "" };
    expect(loadEnvironmentFile(environment, folderWith("PORT=1\n"))).toBeNull();
    expect(environment.PORT).toBeUndefined();
  });

  it("says in Swedish which file is missing when SAMSYN_ENV_FILE names one", () => {
    const folder = folderWith(null);
    expect(() => loadEnvironmentFile({ SAMSYN_ENV_FILE: "prod.env" }, folder)).toThrow(
      `Miljöfilen ${path.join(folder, "prod.env")} kunde inte läsas (ENOENT)`,
    );
  });
});

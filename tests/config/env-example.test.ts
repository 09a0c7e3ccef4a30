import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { environmentSchema } from "../../src/config/config.ts";
import { ENVIRONMENT_FILE_VARIABLE } from "../../src/config/environment-file.ts";
import { INGEST_ENVIRONMENT_DOC } from "../../src/config/ingest-limits.ts";
import { REMINDER_ENVIRONMENT_DOC } from "../../src/reminders/reminder-config.ts";
import { GRAPH_ENVIRONMENT_DOC } from "../../src/sources/sharepoint/graph-settings.ts";
import { WEB_FETCH_ENVIRONMENT_DOC } from "../../src/sources/web/web-fetch-settings.ts";
import { SLACK_ENVIRONMENT_DOC } from "../../src/surfaces/slack/slack-config.ts";
import { TEAMS_ENVIRONMENT_DOC } from "../../src/surfaces/teams/teams-config.ts";
import { WEB_ENVIRONMENT_DOC } from "../../src/surfaces/web/web-config.ts";

const example = fs.readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8");
const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));

describe(".env.example", () => {
  it("documents every variable the product reads", () => {
    const variables = [
      ...Object.keys(environmentSchema.shape),
      ENVIRONMENT_FILE_VARIABLE,
      ...SLACK_ENVIRONMENT_DOC.map((entry) => entry.name),
      ...WEB_ENVIRONMENT_DOC.map((entry) => entry.name),
      ...TEAMS_ENVIRONMENT_DOC.map((entry) => entry.name),
      ...INGEST_ENVIRONMENT_DOC.map((entry) => entry.name),
      ...REMINDER_ENVIRONMENT_DOC.map((entry) => entry.name),
      ...GRAPH_ENVIRONMENT_DOC.map((entry) => entry.name),
      ...WEB_FETCH_ENVIRONMENT_DOC.map((entry) => entry.name),
    ];
    expect(variables.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("holds no secret values", () => {
    for (const line of example.split("\n")) {
      if (/^[A-Z][A-Z0-9_]+=/.test(line)) expect(line).toMatch(/=$/);
    }
  });
});

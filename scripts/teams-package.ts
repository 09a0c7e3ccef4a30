/**
 * `npm run teams:package`: builds dist/samsyn-teams.zip (manifest with the app id from
 * TEAMS_APP_ID / MICROSOFT_APP_ID, and the icons) for uploading to Teams.
 * `npm run teams:package -- --icons` only redraws teams/color.png and teams/outline.png from the SVGs.
 */
import fs from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { EXIT_OK, parseCommandArguments, runCommand } from "../src/surfaces/cli/run-command.ts";
import { buildTeamsAppPackage } from "../src/surfaces/teams/teams-app-package.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const TEAMS_DIR = path.join(ROOT, "teams");
const OUTPUT = path.join(ROOT, "dist", "samsyn-teams.zip");
const USAGE = `Användning: npm run teams:package [-- --icons]
  Bygger dist/samsyn-teams.zip (manifest med app-id från TEAMS_APP_ID eller MICROSOFT_APP_ID, och
  ikonerna) att ladda upp i Teams. --icons ritar bara om teams/color.png och teams/outline.png.`;

/** Teams wants a 192×192 color icon and a 32×32 white-on-transparent outline icon. */
const ICONS = [
  { svg: "color.svg", png: "color.png", size: 192 },
  { svg: "outline.svg", png: "outline.png", size: 32 },
];

async function main(): Promise<number> {
  const icons = Boolean(
    parseCommandArguments({ options: { icons: { type: "boolean" } }, allowPositionals: false }).values.icons,
  );
  if (icons) {
    for (const icon of ICONS) {
      const svg = fs.readFileSync(path.join(TEAMS_DIR, icon.svg), "utf8");
      const png = new Resvg(svg, { fitTo: { mode: "width", value: icon.size } }).render().asPng();
      fs.writeFileSync(path.join(TEAMS_DIR, icon.png), png);
      process.stdout.write(`Ritade teams/${icon.png} (${icon.size}×${icon.size})\n`);
    }
    return EXIT_OK;
  }
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
  ).version;
  const { zip, appId, botId } = buildTeamsAppPackage({
    teamsDir: TEAMS_DIR,
    environment: process.env,
    version,
  });
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, zip);
  process.stdout.write(
    `Skrev ${path.relative(ROOT, OUTPUT)} (app-id ${appId}, bot ${botId}, version ${version}).\n` +
      "Ladda upp den i Teams: Appar → Hantera dina appar → Ladda upp en app (eller i Teams administrationscenter).\n",
  );
  return EXIT_OK;
}

runCommand(main, USAGE);

import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SamsynError } from "../../errors.ts";
import { zipArchive } from "./zip-archive.ts";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of `teams/manifest.json` the package fills in; everything else is kept as written. */
const manifestSchema = z.looseObject({
  id: z.string(),
  version: z.string(),
  icons: z.object({ color: z.string().min(1), outline: z.string().min(1) }),
  bots: z.array(z.looseObject({ botId: z.string() })).min(1),
});

/** What the package is built from. */
export interface TeamsPackageInput {
  /** The folder with `manifest.json` and the icons it names. */
  teamsDir: string;
  /** `TEAMS_APP_ID`, `MICROSOFT_APP_ID` (from the environment of `npm run teams:package`). */
  environment: Record<string, string | undefined>;
  /** The app version (semver), e.g. from package.json. */
  version: string;
}

/**
 * Builds the Teams app package for sideloading: the manifest with the app id and the bot id
 * filled in (TEAMS_APP_ID, else MICROSOFT_APP_ID; the bot is always MICROSOFT_APP_ID when set)
 * and its two icons, at the root of a ZIP file.
 */
export function buildTeamsAppPackage(input: TeamsPackageInput): {
  zip: Buffer;
  appId: string;
  botId: string;
} {
  const botId =
    (input.environment.MICROSOFT_APP_ID ?? "").trim() || (input.environment.TEAMS_APP_ID ?? "").trim();
  const appId = (input.environment.TEAMS_APP_ID ?? "").trim() || botId;
  if (!GUID.test(botId) || !GUID.test(appId)) {
    throw new SamsynError(
      "config_invalid",
      "Sätt MICROSOFT_APP_ID (botens app-id, ett GUID) – och vid behov TEAMS_APP_ID – innan du bygger Teams-paketet, " +
        "t.ex. MICROSOFT_APP_ID=00000000-0000-0000-0000-000000000000 npm run teams:package",
    );
  }
  const manifestFile = path.join(input.teamsDir, "manifest.json");
  const raw = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SamsynError("config_invalid", `${manifestFile} saknar id, version, icons eller bots.`);
  }
  const manifest = parsed.data;
  const [bot, ...otherBots] = manifest.bots;
  // Spread over the file as read, so the manifest keeps its key order.
  const filled = { ...raw, id: appId, version: input.version, bots: [{ ...bot, botId }, ...otherBots] };
  const icons = [manifest.icons.color, manifest.icons.outline];
  const zip = zipArchive([
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(filled, null, 2)}\n`) },
    ...icons.map((icon) => ({
      name: path.basename(icon),
      data: readFileSync(path.join(input.teamsDir, icon)),
    })),
  ]);
  return { zip, appId, botId };
}

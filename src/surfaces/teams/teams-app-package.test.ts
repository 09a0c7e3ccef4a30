import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SamsynError } from "../../errors.ts";
import { buildTeamsAppPackage } from "./teams-app-package.ts";
import { TEAMS_COMMAND_WORDS } from "./teams-texts.ts";
import { crc32 } from "./zip-archive.ts";

const TEAMS_DIR = path.resolve(import.meta.dirname, "../../../teams");
const APP_ID = "0b6d1f2a-3c4e-4f5a-8b9c-1d2e3f4a5b6c";
const TEAMS_APP_ID = "11111111-2222-4333-8444-555555555555";

/** Reads a ZIP through its central directory, checking each file's CRC, as an unzip tool would. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength;
  }
  return files;
}

function pngSize(png: Buffer): { width: number; height: number; rgba: boolean } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), rgba: png[25] === 6 };
}

describe("buildTeamsAppPackage", () => {
  it("packs the manifest with the app and bot ids filled in, and the two icons, at the root", () => {
    const { zip, appId, botId } = buildTeamsAppPackage({
      teamsDir: TEAMS_DIR,
      environment: { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_ID },
      version: "1.2.3",
    });
    expect({ appId, botId }).toEqual({ appId: TEAMS_APP_ID, botId: APP_ID });
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const manifest = JSON.parse(files.get("manifest.json")?.toString("utf8") ?? "{}");
    expect(manifest).toMatchObject({ id: TEAMS_APP_ID, version: "1.2.3", bots: [{ botId: APP_ID }] });
    expect(Object.keys(manifest)[0]).toBe("$schema");
    expect(pngSize(files.get("color.png") as Buffer)).toEqual({ width: 192, height: 192, rgba: true });
    expect(pngSize(files.get("outline.png") as Buffer)).toEqual({ width: 32, height: 32, rgba: true });
  });

  it("uses MICROSOFT_APP_ID for both ids when TEAMS_APP_ID is not set, and refuses without one", () => {
    expect(
      buildTeamsAppPackage({
        teamsDir: TEAMS_DIR,
        environment: { MICROSOFT_APP_ID: APP_ID },
        version: "1.0.0",
      }).appId,
    ).toBe(APP_ID);
    expect(() => buildTeamsAppPackage({ teamsDir: TEAMS_DIR, environment: {}, version: "1.0.0" })).toThrow(
      SamsynError,
    );
    expect(() =>
      buildTeamsAppPackage({
        teamsDir: TEAMS_DIR,
        environment: { MICROSOFT_APP_ID: "samsyn" },
        version: "1.0.0",
      }),
    ).toThrow(/MICROSOFT_APP_ID/);
  });

  it("offers in Teams' command menu exactly the commands Samsyn understands, in every scope", () => {
    const { zip } = buildTeamsAppPackage({
      teamsDir: TEAMS_DIR,
      environment: { MICROSOFT_APP_ID: APP_ID },
      version: "1.0.0",
    });
    const [bot] = JSON.parse(readZip(zip).get("manifest.json")?.toString("utf8") ?? "{}").bots;
    expect(bot.scopes).toEqual(["personal", "team", "groupChat"]);
    const titles = bot.commandLists[0].commands.map((command: { title: string }) => command.title);
    expect(titles.sort()).toEqual(
      Object.values(TEAMS_COMMAND_WORDS)
        .map((spellings) => spellings[0])
        .sort(),
    );
  });
});

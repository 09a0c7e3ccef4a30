import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's chromium package; CI installs it with apt-get. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Whether the browser tests can run on this machine. */
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM_PATH);

/** Why browser suites are skipped when Chromium is missing. */
export const NO_CHROMIUM_MESSAGE = `hoppas över: ${CHROMIUM_PATH} saknas (installera med: sudo apt-get install chromium)`;

// Quiet and self-contained: no GPU, no network of its own (updates, sync, QUIC), no first-run UI.
// Playwright's `headless: true` adds `--headless`, and the persistent context `--user-data-dir`.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A headless Chromium with a fresh profile, removed again by `close`. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Debian's Chromium through playwright-core with a fresh, temporary profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samsyn-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

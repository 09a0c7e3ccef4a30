import path from "node:path";
import type { webApi } from "@slack/bolt";
import { z } from "zod";
import { isSupportedFile } from "../../knowledge/supported-formats.ts";
import { ADD_FILE_TEXTS } from "./add-file-texts.ts";

/** How long one file download may take before it is given up. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** What `files.info` tells about a file, as far as adding it needs. */
const fileInfoSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string().optional(),
  size: z.number().int().nonnegative(),
  url_private_download: z.url(),
  permalink: z.url(),
});

/** A file of a Slack message, read and downloaded. */
export interface SlackFile {
  id: string;
  name: string;
  title?: string;
  permalink: string;
  bytes: Uint8Array;
}

/** The file, or why it cannot be added (a Swedish text for the person who asked). */
export type SlackFileOutcome =
  | { kind: "file"; file: SlackFile }
  | { kind: "refused"; text: string; reason: string };

/**
 * Looks a message's file up with `files.info` and downloads `url_private_download` with the bot
 * token, checking type and size before downloading and the size again while reading. Problems the
 * person can be told about (missing `files:read`, deleted file, wrong type, too large, a failed
 * download) are `refused`, with the cause in `reason` for the log; other Web API errors throw.
 */
export async function downloadSlackFile(
  client: webApi.WebClient,
  fileId: string,
  maxFileBytes: number,
): Promise<SlackFileOutcome> {
  let info: unknown;
  try {
    info = (await client.files.info({ file: fileId })).file;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === "missing_scope") return refused(ADD_FILE_TEXTS.missingScope, code);
    if (code === "file_not_found" || code === "file_deleted") return refused(ADD_FILE_TEXTS.fileGone, code);
    throw error;
  }
  const parsed = fileInfoSchema.safeParse(info);
  // A file without a download address is a Slack post, canvas or external link, not a document.
  if (!parsed.success) {
    const name = (info as { name?: unknown } | undefined)?.name;
    return refused(ADD_FILE_TEXTS.unsupported(typeof name === "string" ? name : fileId), "no_download");
  }
  const file = parsed.data;
  if (!isSupportedFile(file.name)) return refused(ADD_FILE_TEXTS.unsupported(file.name), "unsupported");
  if (file.size > maxFileBytes)
    return refused(ADD_FILE_TEXTS.tooLarge(file.name, file.size, maxFileBytes), "too_large");
  let bytes: Uint8Array | "too_large";
  try {
    bytes = await download(client, file.url_private_download, file.name, maxFileBytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refused(ADD_FILE_TEXTS.downloadFailed(file.name), `download failed: ${reason}`);
  }
  if (bytes === "too_large")
    return refused(ADD_FILE_TEXTS.tooLarge(file.name, maxFileBytes + 1, maxFileBytes), "too_large");
  return {
    kind: "file",
    file: {
      id: file.id,
      name: file.name,
      ...(file.title ? { title: file.title } : {}),
      permalink: file.permalink,
      bytes,
    },
  };
}

/** Downloads with the bot token; never more than `maxBytes`. */
async function download(
  client: webApi.WebClient,
  url: string,
  fileName: string,
  maxBytes: number,
): Promise<Uint8Array | "too_large"> {
  if (!client.token) throw new Error("the Slack client has no bot token to download files with");
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${client.token}` },
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  });
  if (!response.ok || !response.body) throw new Error(`file download answered HTTP ${response.status}`);
  // Without a valid token Slack answers with its sign-in page instead of the file.
  const contentType = response.headers.get("content-type") ?? "";
  if (
    contentType.startsWith("text/html") &&
    ![".html", ".htm"].includes(path.extname(fileName).toLowerCase())
  ) {
    await response.body.cancel();
    throw new Error("file download answered with a web page (the sign-in page?) instead of the file");
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    // Leaving the loop cancels the stream, so the rest is not downloaded.
    if (total > maxBytes) return "too_large";
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function refused(text: string, reason: string): SlackFileOutcome {
  return { kind: "refused", text, reason };
}

/** The `error` of a Web API platform error (`missing_scope`, `file_not_found` …), if it is one. */
function slackErrorCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === "string" ? code : undefined;
}

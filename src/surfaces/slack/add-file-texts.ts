import { SUPPORTED_EXTENSIONS } from "../../knowledge/supported-formats.ts";
import { escapeMrkdwn } from "./mrkdwn.ts";

const TRY_AGAIN = "Försök igen om en stund – kvarstår felet, kontakta den som driver Samsyn.";

const quoted = (fileName: string) => `”${escapeMrkdwn(fileName)}”`;
const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** What Samsyn says when someone adds a file from Slack ("Lägg till i Samsyn", `@Samsyn lägg till`). */
export const ADD_FILE_TEXTS = {
  notSwitchedOn:
    "Att lägga till filer från Slack är inte påslaget i den här installationen av Samsyn. Be den som driver Samsyn att slå på det.",
  noGroup:
    "Den här kanalen hör inte till någon grupp i Samsyn, så filer kan inte läggas till härifrån. Dela filen i gruppens kanal, eller be den som driver Samsyn att lägga in kanalen under `channels.slack` i gruppens fil.",
  severalGroups: (names: readonly string[]) =>
    `Den här kanalen hör till flera grupper (${names.map(escapeMrkdwn).join(", ")}), så jag vet inte vilken grupp filen ska höra till. Dela filen i en kanal som bara hör till en grupp.`,
  notMember: (groupName: string) =>
    `Bara medlemmar i kanalen kan lägga till filer i Samsyn för ${escapeMrkdwn(groupName)}. Gå med i kanalen och försök igen.`,
  membersUnknown:
    "Jag kan inte se vilka som är med i kanalen, så jag kan inte lägga till filen. Bjud in mig i kanalen (`/invite @Samsyn`) och försök igen.",
  noFile:
    "Meddelandet har ingen bifogad fil. Använd ”Lägg till i Samsyn” på ett meddelande med en fil, eller skriv ”@Samsyn lägg till” i tråden till ett sådant meddelande.",
  working: (fileName: string, groupName: string) =>
    `Hämtar ${quoted(fileName)} och lägger till den i Samsyn för ${escapeMrkdwn(groupName)} …`,
  unsupported: (fileName: string) =>
    `${quoted(fileName)} kan inte läggas till: Samsyn läser bara filer av typerna ${SUPPORTED_EXTENSIONS.join(", ")}. Spara filen som PDF eller Word (.docx) och dela den igen.`,
  tooLarge: (fileName: string, size: number, limit: number) =>
    `${quoted(fileName)} är för stor (${megabytes(size)}; gränsen är ${megabytes(limit)}, SAMSYN_INGEST_MAX_FILE_MB). Dela upp filen i mindre delar, eller be den som driver Samsyn att höja gränsen.`,
  missingScope:
    "Samsyn får inte läsa filer i Slack: appen saknar behörigheten `files:read`. Den som administrerar Slack-appen behöver lägga till `files:read` under OAuth & Permissions (eller uppdatera appen med slack/manifest.yaml) och sedan installera om appen i arbetsytan.",
  fileGone: "Filen finns inte längre i Slack (den kan ha tagits bort). Dela den igen och försök på nytt.",
  downloadFailed: (fileName: string) => `Jag kunde inte hämta ${quoted(fileName)} från Slack. ${TRY_AGAIN}`,
  addFailed: (fileName: string) =>
    `Något gick fel när ${quoted(fileName)} skulle läggas till i Samsyn. ${TRY_AGAIN}`,
  somethingFailed: `Något gick fel när filen skulle läggas till i Samsyn. ${TRY_AGAIN}`,
  /** The thread confirmation: the ingest outcome and who added the file. */
  confirmation: (outcomeMessage: string, userId: string) =>
    `${escapeMrkdwn(outcomeMessage)}\nTillagd av <@${userId}>.`,
} as const;

/**
 * What Samsyn says in Teams outside of answers; kept together so the tone stays the same. The
 * wording follows the Slack surface's texts (`slack-texts.ts`), adapted to Teams (no slash command).
 */
export const TEAMS_TEXTS = {
  answerFailed:
    "Något gick fel när jag skulle svara, förlåt. Försök igen om en stund – kvarstår felet, kontakta den som driver Samsyn.",
  actionFailed: "Något gick fel, förlåt. Försök igen om en stund.",
  emptyQuestion:
    "Hej! Skriv din fråga efter att du nämnt mig, t.ex. ”Vem kallar till samverkansberedningens möten i Laholm?”",
  emptyPersonalQuestion:
    "Hej! Skriv din fråga, t.ex. ”Vem kallar till samverkansberedningens möten i Laholm?” – eller **hjälp** för att se vad jag kan.",
  welcome:
    "Hej! Jag är **Samsyn**. Jag svarar på frågor om era överenskommelser, reglementen och rapporter – med hänvisning till källan. Skriv **hjälp** för att se vad jag kan.",
  notificationActionNotSetUp: "Den här knappen är inte inställd ännu.",
} as const;

/** The command words people type, in Swedish (and without å/ä/ö, as people type them on the go). */
export const TEAMS_COMMAND_WORDS = {
  help: ["hjälp", "hjalp", "help"],
  meetings: ["möten", "moten"],
  reminders: ["påminnelser", "paminnelser"],
  intro: ["intro"],
  glossary: ["ordlista"],
  arshjul: ["årshjul", "arshjul"],
} as const;

/** The help text of `hjälp`. */
export const TEAMS_HELP = [
  "**Samsyn** svarar på frågor om era överenskommelser, reglementen och rapporter – med hänvisning till källan.",
  "",
  "- Skriv din fråga här i chatten med mig",
  "- I en kanal eller gruppchatt: nämn **@Samsyn** och skriv frågan – svaret kommer i samma tråd, och en följdfråga i tråden (med ny nämning) bygger vidare på den förra",
  "- **möten** – kommande möten",
  "- **påminnelser** – dina påminnelser",
  "- **intro** – introduktion till gruppen, med frågor att klicka på",
  "- **ordlista** – förkortningar i gruppens dokument; **ordlista HSN** förklarar en",
  "- **årshjul** – gruppens möten och sista dagar i år som bild; **årshjul 2027** för ett annat år",
  "- **hjälp** – den här texten",
  "",
  "I en grupps kanal söker Samsyn i gruppens dokument och de offentliga, i andra kanaler bara i de offentliga. Under varje svar kan du ge tummen upp eller ned.",
].join("\n");

/** Reply for a feature whose module is not set up in this installation. */
export function notSetUpText(feature: string): string {
  return `${feature} är inte inställt ännu i den här installationen av Samsyn. Fråga den som driver Samsyn, eller ställ din fråga direkt så länge.`;
}

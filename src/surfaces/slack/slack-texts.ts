/** What Samsyn says in Slack outside of answers; kept together so the tone stays the same. */
export const SLACK_TEXTS = {
  searching: "Söker i underlaget…",
  answerFailed:
    "Något gick fel när jag skulle svara, förlåt. Försök igen om en stund – kvarstår felet, kontakta den som driver Samsyn.",
  actionFailed: "Något gick fel, förlåt. Försök igen om en stund.",
  emptyQuestion:
    "Hej! Skriv din fråga direkt efter att du nämnt mig, t.ex. ”Vem kallar till samverkansberedningens möten i Laholm?”",
  emptyCommandQuestion:
    "Skriv frågan efter kommandot, t.ex. `/samsyn fråga Vem kallar till samverkansberedningens möten?`",
  answerGone: "Svaret finns inte längre sparat, så jag kan inte visa det här. Ställ gärna frågan igen.",
  voteUp: "Tack! Bra att svaret hjälpte.",
  voteDown: "Tack för att du sa till. Återkopplingen hjälper oss att göra Samsyn bättre.",
  notificationActionNotSetUp: "Den här knappen är inte inställd ännu.",
  fileNotPosted:
    "Jag kunde inte lägga upp bilden här. Bjud in mig i kanalen (`/invite @Samsyn`) och försök igen – i ett direktmeddelande, skriv till mig under Appar.",
} as const;

/** The help text of `/samsyn hjälp` (and of unknown subcommands). */
export const SLACK_HELP = [
  "*Samsyn* svarar på frågor om era överenskommelser, reglementen och rapporter – med hänvisning till källan.",
  "• `/samsyn fråga <din fråga>` – ställ en fråga (svaret syns bara för dig)",
  "• Nämn @Samsyn i en kanal – svaret kommer i tråden, och följdfrågor i tråden behöver ingen ny nämning",
  "• Skriv till Samsyn i ett direktmeddelande",
  "• `/samsyn möten` – kommande möten",
  "• `/samsyn påminnelser` – dina påminnelser",
  "• `/samsyn intro` – introduktion till gruppen, med frågor att klicka på",
  "• `/samsyn ordlista` – förkortningar i gruppens dokument; `/samsyn ordlista HSN` förklarar en",
  "• `/samsyn årshjul` – gruppens möten och sista dagar i år som bild i kanalen; `/samsyn årshjul 2027` för ett annat år",
  "• *Lägg till i Samsyn* i menyn på ett meddelande med en fil (eller `@Samsyn lägg till` i dess tråd) – filen blir en del av gruppens dokument",
  "• `/samsyn hjälp` – den här texten",
  "I en grupps kanal söker Samsyn i gruppens dokument och de offentliga, i andra kanaler bara i de offentliga.",
].join("\n");

/** Reply for a subcommand Samsyn does not know. */
export function unknownCommandText(command: string): string {
  return `Jag känner inte igen ”${command}”.\n\n${SLACK_HELP}`;
}

/** Reply for a feature whose module is not set up in this installation. */
export function notSetUpText(feature: string): string {
  return `${feature} är inte inställt ännu i den här installationen av Samsyn. Fråga den som driver Samsyn, eller använd \`/samsyn fråga …\` så länge.`;
}

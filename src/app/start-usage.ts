/** What `npm start -- --help` prints. */
export const START_USAGE = `Användning: npm start
  Startar Samsyn: webbchatten på http://localhost:3000 (adressen skrivs ut vid start), Slack och Teams
  när deras nycklar finns, och påminnelser inför möten och sista dagar. Kunskapsmappen (knowledge/)
  indexeras i bakgrunden medan Samsyn redan svarar.
  Inställningar läses från miljön och från .env i den här mappen (miljön vinner); alla variabler
  beskrivs i .env.example. Exempel: PORT=3001 npm start`;

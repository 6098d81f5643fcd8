<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv" sourcelanguage="nb_NO">
<context>
    <name>ChecklistWizard</name>
    <message>
        <source>Steg {n} av høyst {total}</source>
        <translation>Steg {n} av högst {total}</translation>
    </message>
    <message>
        <source>Ferdig – {n} steg</source>
        <translation>Klart – {n} steg</translation>
    </message>
    <message>
        <source>Fortsett</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>Tilbake</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Start på nytt</source>
        <translation>Börja om</translation>
    </message>
    <message>
        <source>Skriv ut</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>Lagre som PDF</source>
        <translation>Spara som PDF</translation>
    </message>
    <message>
        <source>Forhåndsvis</source>
        <translation>Förhandsgranska</translation>
    </message>
    <message>
        <source>Forhåndsvisning – {title}</source>
        <translation>Förhandsgranskning – {title}</translation>
    </message>
    <message>
        <source>Kopier som tekst</source>
        <translation>Kopiera som text</translation>
    </message>
    <message>
        <source>Oppsummeringen er kopiert. Lim den inn i tjenestens eget system.</source>
        <translation>Sammanfattningen är kopierad. Klistra in den i verksamhetens eget system.</translation>
    </message>
    <message>
        <source>Lagret: {path}</source>
        <translation>Sparad: {path}</translation>
    </message>
    <message>
        <source>Sendt til skriveren.</source>
        <translation>Skickad till skrivaren.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre PDF-filen: {path}</source>
        <translation>Kunde inte spara PDF-filen: {path}</translation>
    </message>
    <message>
        <source>Lagre oppsummeringen som PDF</source>
        <translation>Spara sammanfattningen som PDF</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Spørsmål</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Forklaring</source>
        <translation>Förklaring</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Svar {n}: {label}</source>
        <translation>Svar {n}: {label}</translation>
    </message>
    <message>
        <source>Råd</source>
        <translation>Råd</translation>
    </message>
    <message>
        <source>Oppsummering</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Framdrift</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>Steget i sjekklisten</source>
        <translation>Steget i checklistan</translation>
    </message>
    <message>
        <source>Tab går til lenkene, Enter åpner en lenke.</source>
        <translation>Tab går till länkarna, Enter öppnar en länk.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sjekklisten kan ikke brukes</source>
        <translation>Checklistan kan inte användas</translation>
    </message>
    <message>
        <source>Tast 1–{n} for å svare. Backspace eller Alt+Venstre går tilbake.</source>
        <translation>Tryck 1–{n} för att svara. Backsteg eller Alt+Vänster går tillbaka.</translation>
    </message>
    <message>
        <source>Enter fortsetter. Backspace eller Alt+Venstre går tilbake.</source>
        <translation>Enter fortsätter. Backsteg eller Alt+Vänster går tillbaka.</translation>
    </message>
    <message>
        <source>Veileder lagrer ingenting om gjennomgangen.</source>
        <translation>Veileder sparar ingenting om genomgången.</translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <source>Telefon {number}</source>
        <translation>Telefon {number}</translation>
    </message>
    <message>
        <source>Kopier nummer</source>
        <translation>Kopiera numret</translation>
    </message>
    <message>
        <source>Kopier nummeret til {name}</source>
        <translation>Kopiera numret till {name}</translation>
    </message>
    <message>
        <source>Nummeret er ikke bekreftet – sjekk det før du ringer.</source>
        <translation>Numret är ej bekräftat – kontrollera det innan du ringer.</translation>
    </message>
    <message>
        <source>Nummer mangler – ikke bekreftet. Spør koordinatoren i kommunen.</source>
        <translation>Nummer saknas – ej bekräftat. Fråga samordnaren i kommunen.</translation>
    </message>
    <message>
        <source>Direkte</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>(sjekket {month})</source>
        <translation>(kontrollerat {month})</translation>
    </message>
    <message>
        <source>Åpent</source>
        <translation>Öppet</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Nettside</source>
        <translation>Webbplats</translation>
    </message>
    <message>
        <source>Merk</source>
        <translation>Obs</translation>
    </message>
    <message>
        <source>Kilde: {source}</source>
        <translation>Källa: {source}</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Søk i kontakter – navn, tjeneste eller nummer</source>
        <translation>Sök bland kontakter – namn, verksamhet eller nummer</translation>
    </message>
    <message>
        <source>Søk i kontakter</source>
        <translation>Sök bland kontakter</translation>
    </message>
    <message>
        <source>Ingen kontakter passer til søket.</source>
        <translation>Inga kontakter matchar sökningen.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>DialogsMixin</name>
    <message>
        <source>levert med programmet</source>
        <translation>levererat med programmet</translation>
    </message>
    <message>
        <source>ukjent</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>Veileder %1 · innhold: %2</source>
        <translation>Veileder %1 · innehåll: %2</translation>
    </message>
    <message>
        <source>Innholdets dato: %1</source>
        <translation>Innehållets datum: %1</translation>
    </message>
    <message>
        <source>Kommune: %1</source>
        <translation>Kommun: %1</translation>
    </message>
    <message>
        <source>Om Veileder</source>
        <translation>Om Veileder</translation>
    </message>
    <message>
        <source>Veilederen lagrer ingenting om saker eller personer. Logg: %1</source>
        <translation>Vägledningen sparar ingenting om ärenden eller personer. Logg: %1</translation>
    </message>
</context>
<context>
    <name>DutiesPage</name>
    <message>
        <source>Meldeplikter</source>
        <translation>Anmälningsplikt</translation>
    </message>
    <message>
        <source>Pliktene som gjelder når du er bekymret for noen: når du må melde fra, til hvem, og når taushetsplikten må vike.</source>
        <translation>Skyldigheterna när du är orolig för någon: när du måste anmäla, till vem, och när sekretessen får ge vika.</translation>
    </message>
</context>
<context>
    <name>EmergencyBar</name>
    <message>
        <source>Nødnumre og akutt hjelp</source>
        <translation>Nödnummer och akut hjälp</translation>
    </message>
    <message>
        <source>Akutt hjelp:</source>
        <translation>Akut hjälp:</translation>
    </message>
    <message>
        <source>{name}: {phone} ikke bekreftet</source>
        <translation>{name}: {phone} ej bekräftat</translation>
    </message>
    <message>
        <source>{name}: lokalt nummer mangler</source>
        <translation>{name}: lokalt nummer saknas</translation>
    </message>
    <message>
        <source>Nasjonalt: {name}</source>
        <translation>Nationellt: {name}</translation>
    </message>
    <message>
        <source>ikke bekreftet</source>
        <translation>ej bekräftat</translation>
    </message>
    <message>
        <source>Det lokale nummeret er ikke bekreftet ennå. Til da: {name}, {phone}.</source>
        <translation>Det lokala numret är inte bekräftat ännu. Till dess: {name}, {phone}.</translation>
    </message>
    <message>
        <source>Åpent: {hours}</source>
        <translation>Öppet: {hours}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Finn på siden:</source>
        <translation>Sök på sidan:</translation>
    </message>
    <message>
        <source>Finn på siden</source>
        <translation>Sök på sidan</translation>
    </message>
    <message>
        <source>Skriv et ord</source>
        <translation>Skriv ett ord</translation>
    </message>
    <message>
        <source>Forrige</source>
        <translation>Föregående</translation>
    </message>
    <message>
        <source>Forrige treff (Shift+Enter)</source>
        <translation>Föregående träff (Skift+Enter)</translation>
    </message>
    <message>
        <source>Neste</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>Neste treff (Enter)</source>
        <translation>Nästa träff (Enter)</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Lukk (Esc)</source>
        <translation>Stäng (Esc)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Bekymret for et barn</source>
        <translation>Orolig för ett barn</translation>
    </message>
    <message>
        <source>Steg for steg: hva du gjør nå</source>
        <translation>Steg för steg: vad du gör nu</translation>
    </message>
    <message>
        <source>Bekymret for en voksen</source>
        <translation>Orolig för en vuxen</translation>
    </message>
    <message>
        <source>Akutt fare</source>
        <translation>Akut fara</translation>
    </message>
    <message>
        <source>Når noen er i fare nå</source>
        <translation>När någon är i fara nu</translation>
    </message>
    <message>
        <source>Meldeplikter</source>
        <translation>Anmälningsplikt</translation>
    </message>
    <message>
        <source>Når du må melde fra, og til hvem</source>
        <translation>När du måste anmäla, och till vem</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Telefonnumre og tjenester</source>
        <translation>Telefonnummer och verksamheter</translation>
    </message>
    <message>
        <source>Hva du gjør nå</source>
        <translation>Vad du gör nu</translation>
    </message>
    <message>
        <source>Veileder for ansatte som møter vold i nære relasjoner</source>
        <translation>Vägledning för anställda som möter våld i nära relationer</translation>
    </message>
    <message>
        <source>Sjekklister – steg for steg</source>
        <translation>Checklistor – steg för steg</translation>
    </message>
    <message>
        <source>Søk etter et ord øverst til venstre (Ctrl+K), eller bla i innholdet. Nødnumrene står alltid øverst i vinduet.</source>
        <translation>Sök efter ett ord uppe till vänster (Ctrl+K), eller bläddra i innehållet. Nödnumren står alltid överst i fönstret.</translation>
    </message>
    <message>
        <source>Øv på en sak – alene eller i et møte</source>
        <translation>Öva på ett fall – ensam eller på ett möte</translation>
    </message>
    <message>
        <source>Hjem</source>
        <translation>Hem</translation>
    </message>
</context>
<context>
    <name>IssuesDialog</name>
    <message>
        <source>Feil i innholdet</source>
        <translation>Fel i innehållet</translation>
    </message>
    <message>
        <source>Noen filer i veilederen har feil og vises ikke. Resten av veilederen virker som vanlig. Gi denne listen til den som har ansvar for innholdet.</source>
        <translation>Några filer i vägledningen har fel och visas inte. Resten av vägledningen fungerar som vanligt. Ge den här listan till den som ansvarar för innehållet.</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Begrep</source>
        <translation>Begrepp</translation>
    </message>
    <message>
        <source>Plikt</source>
        <translation>Skyldighet</translation>
    </message>
    <message>
        <source>Rutine</source>
        <translation>Rutin</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Om</source>
        <translation>Om</translation>
    </message>
    <message>
        <source>Sjekkliste</source>
        <translation>Checklista</translation>
    </message>
    <message>
        <source>Begreper</source>
        <translation>Begrepp</translation>
    </message>
    <message>
        <source>Plikter</source>
        <translation>Skyldigheter</translation>
    </message>
    <message>
        <source>Rutiner</source>
        <translation>Rutiner</translation>
    </message>
    <message>
        <source>Roller og tjenester</source>
        <translation>Roller och verksamheter</translation>
    </message>
    <message>
        <source>Temaer</source>
        <translation>Teman</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Om veilederen</source>
        <translation>Om vägledningen</translation>
    </message>
    <message>
        <source>Barn</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Ungdom</source>
        <translation>Unga</translation>
    </message>
    <message>
        <source>Voksne</source>
        <translation>Vuxna</translation>
    </message>
    <message>
        <source>Eldre</source>
        <translation>Äldre</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Automatisk (følger kommunen)</source>
        <translation>Automatiskt (följer kommunen)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tilbake</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Frem</source>
        <translation>Framåt</translation>
    </message>
    <message>
        <source>Hjem</source>
        <translation>Hem</translation>
    </message>
    <message>
        <source>Søk</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Nødnumre</source>
        <translation>Nödnummer</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Meldeplikter</source>
        <translation>Anmälningsplikt</translation>
    </message>
    <message>
        <source>Innhold</source>
        <translation>Innehåll</translation>
    </message>
    <message>
        <source>Bokmerker</source>
        <translation>Bokmärken</translation>
    </message>
    <message>
        <source>Sist lest</source>
        <translation>Senast lästa</translation>
    </message>
    <message>
        <source>Øvingssaker …</source>
        <translation>Övningsfall …</translation>
    </message>
    <message>
        <source>Finn på siden</source>
        <translation>Sök på sidan</translation>
    </message>
    <message>
        <source>Overskrifter og lenker …</source>
        <translation>Rubriker och länkar …</translation>
    </message>
    <message>
        <source>Bokmerk siden</source>
        <translation>Bokmärk sidan</translation>
    </message>
    <message>
        <source>Skriv ut …</source>
        <translation>Skriv ut …</translation>
    </message>
    <message>
        <source>Lagre som PDF …</source>
        <translation>Spara som PDF …</translation>
    </message>
    <message>
        <source>Forhåndsvisning …</source>
        <translation>Förhandsgranska …</translation>
    </message>
    <message>
        <source>Større tekst</source>
        <translation>Större text</translation>
    </message>
    <message>
        <source>Mindre tekst</source>
        <translation>Mindre text</translation>
    </message>
    <message>
        <source>Vanlig tekststørrelse</source>
        <translation>Normal textstorlek</translation>
    </message>
    <message>
        <source>Innstillinger …</source>
        <translation>Inställningar …</translation>
    </message>
    <message>
        <source>Avslutt</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Hurtigtaster</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Om Veileder</source>
        <translation>Om Veileder</translation>
    </message>
    <message>
        <source>Hva er nytt</source>
        <translation>Nyheter</translation>
    </message>
    <message>
        <source>Redaktørverktøy …</source>
        <translation>Redaktörsverktyg …</translation>
    </message>
    <message>
        <source>Lyst</source>
        <translation>Ljust</translation>
    </message>
    <message>
        <source>Mørkt</source>
        <translation>Mörkt</translation>
    </message>
    <message>
        <source>Som systemet</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <source>Høy kontrast</source>
        <translation>Hög kontrast</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Gå</source>
        <translation>&amp;Gå</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>&amp;Sida</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Utseende</source>
        <translation>&amp;Utseende</translation>
    </message>
    <message>
        <source>&amp;Hjelp</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>Navigasjon</source>
        <translation>Navigering</translation>
    </message>
    <message>
        <source>Flere knapper</source>
        <translation>Fler knappar</translation>
    </message>
    <message>
        <source>Åpner veilederen …</source>
        <translation>Öppnar vägledningen …</translation>
    </message>
    <message>
        <source>Gjør søket klart …</source>
        <translation>Förbereder sökningen …</translation>
    </message>
    <message>
        <source>Kopiert: {text}</source>
        <translation>Kopierat: {text}</translation>
    </message>
    <message>
        <source>Søket er klart</source>
        <translation>Sökningen är klar</translation>
    </message>
    <message>
        <source>Søket virker ikke</source>
        <translation>Sökningen fungerar inte</translation>
    </message>
    <message>
        <source>Noe gikk galt i bakgrunnen: %1. Loggfil: %2</source>
        <translation>Något gick fel i bakgrunden: %1. Loggfil: %2</translation>
    </message>
    <message>
        <source>Bokmerke lagt til</source>
        <translation>Bokmärke tillagt</translation>
    </message>
    <message>
        <source>Bokmerke fjernet</source>
        <translation>Bokmärke borttaget</translation>
    </message>
    <message>
        <source>Bokmerket</source>
        <translation>Bokmärkt</translation>
    </message>
    <message>
        <source>Tekststørrelse: {size} punkter</source>
        <translation>Textstorlek: {size} punkter</translation>
    </message>
    <message>
        <source>Flytt mellom feltene</source>
        <translation>Flytta mellan fälten</translation>
    </message>
    <message>
        <source>Menyene</source>
        <translation>Menyerna</translation>
    </message>
</context>
<context>
    <name>MunicipalityDialog</name>
    <message>
        <source>Velg kommune – Veileder</source>
        <translation>Välj kommun – Veileder</translation>
    </message>
    <message>
        <source>Velg kommunen du jobber i. Du kan endre valget senere under Innstillinger.</source>
        <translation>Välj kommunen du arbetar i. Du kan ändra valet senare under Inställningar.</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <source>Åpne veilederen</source>
        <translation>Öppna vägledningen</translation>
    </message>
</context>
<context>
    <name>NavigationMixin</name>
    <message>
        <source>Fant ikke «{target}» i veilederen.</source>
        <translation>Hittade inte ”{target}” i vägledningen.</translation>
    </message>
    <message>
        <source>Sjekklisten kan ikke vises: {error}</source>
        <translation>Checklistan kan inte visas: {error}</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Denne lenken åpner e-postprogrammet med en melding til {address}.</source>
        <translation>Länken öppnar e-postprogrammet med ett meddelande till {address}.</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Denne lenken ringer {number} med et program på maskinen.</source>
        <translation>Länken ringer {number} med ett program på datorn.</translation>
    </message>
    <message>
        <source>Lenke til internett</source>
        <translation>Länk till internet</translation>
    </message>
    <message>
        <source>Denne lenken går til {host} på internett og virker bare når du er på nett.</source>
        <translation>Länken går till {host} på internet och fungerar bara när du är uppkopplad.</translation>
    </message>
    <message>
        <source>Åpne i nettleseren</source>
        <translation>Öppna i webbläsaren</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Lenken er ikke tillatt i veilederen og blir ikke åpnet.</source>
        <translation>Länken är inte tillåten i vägledningen och öppnas inte.</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Innhold, bokmerker og sist lest</source>
        <translation>Innehåll, bokmärken och senast lästa</translation>
    </message>
    <message>
        <source>Innholdsfortegnelse</source>
        <translation>Innehållsförteckning</translation>
    </message>
    <message>
        <source>Ingen bokmerker ennå. Åpne en side og trykk «Bokmerk» (Ctrl+D).</source>
        <translation>Inga bokmärken ännu. Öppna en sida och tryck ”Bokmärk” (Ctrl+D).</translation>
    </message>
    <message>
        <source>Bokmerker</source>
        <translation>Bokmärken</translation>
    </message>
    <message>
        <source>Sidene du leser, vises her.</source>
        <translation>Sidorna du läser visas här.</translation>
    </message>
    <message>
        <source>Sist lest</source>
        <translation>Senast lästa</translation>
    </message>
    <message>
        <source>Innhold</source>
        <translation>Innehåll</translation>
    </message>
</context>
<context>
    <name>NewsDialog</name>
    <message>
        <source>Hva er nytt</source>
        <translation>Nyheter</translation>
    </message>
    <message>
        <source>innholdet som fulgte med programmet</source>
        <translation>innehållet som följde med programmet</translation>
    </message>
    <message>
        <source>Innhold i bruk: %1</source>
        <translation>Innehåll som används: %1</translation>
    </message>
    <message>
        <source>Endringer i siste oppdatering</source>
        <translation>Ändringar i senaste uppdateringen</translation>
    </message>
    <message>
        <source>Ingen endringer er registrert.</source>
        <translation>Inga ändringar är registrerade.</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>OutlineDialog</name>
    <message>
        <source>Overskrifter og lenker – {title}</source>
        <translation>Rubriker och länkar – {title}</translation>
    </message>
    <message>
        <source>Skriv for å filtrere</source>
        <translation>Skriv för att filtrera</translation>
    </message>
    <message>
        <source>Filtrer overskrifter og lenker</source>
        <translation>Filtrera rubriker och länkar</translation>
    </message>
    <message>
        <source>&amp;Filtrer:</source>
        <translation>&amp;Filtrera:</translation>
    </message>
    <message>
        <source>Overskrifter og lenker på siden</source>
        <translation>Rubriker och länkar på sidan</translation>
    </message>
    <message>
        <source>Enter går til overskriften eller åpner lenken. Esc lukker.</source>
        <translation>Enter går till rubriken eller öppnar länken. Esc stänger.</translation>
    </message>
    <message>
        <source>Overskrifter</source>
        <translation>Rubriker</translation>
    </message>
    <message>
        <source>Lenker</source>
        <translation>Länkar</translation>
    </message>
    <message>
        <source>Gå til</source>
        <translation>Gå till</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>ukjent</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>Gjelder: {audience}</source>
        <translation>Gäller: {audience}</translation>
    </message>
    <message>
        <source>Siden ble sist gjennomgått {date}, for mer enn 12 måneder siden. Sjekk at innholdet fortsatt stemmer.</source>
        <translation>Sidan granskades senast {date}, för mer än 12 månader sedan. Kontrollera att innehållet fortfarande stämmer.</translation>
    </message>
    <message>
        <source>Denne siden kan ikke vises. Meld fra til den som har ansvar for innholdet.</source>
        <translation>Sidan kan inte visas. Meddela den som ansvarar för innehållet.</translation>
    </message>
    <message>
        <source>Se også</source>
        <translation>Se också</translation>
    </message>
    <message>
        <source>Om denne siden</source>
        <translation>Om sidan</translation>
    </message>
    <message>
        <source>over 12 måneder siden</source>
        <translation>mer än 12 månader sedan</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Sist gjennomgått</source>
        <translation>Senast granskad</translation>
    </message>
    <message>
        <source>Kilder</source>
        <translation>Källor</translation>
    </message>
    <message>
        <source>Sideinnhold</source>
        <translation>Sidans innehåll</translation>
    </message>
    <message>
        <source>Tab: neste lenke, Enter åpner den. H: neste overskrift, Shift+H: forrige. Ctrl+J: alle overskrifter og lenker.</source>
        <translation>Tab: nästa länk, Enter öppnar den. H: nästa rubrik, Shift+H: föregående. Ctrl+J: alla rubriker och länkar.</translation>
    </message>
    <message>
        <source>Henter siden …</source>
        <translation>Hämtar sidan …</translation>
    </message>
    <message>
        <source>Ingen treff</source>
        <translation>Inga träffar</translation>
    </message>
    <message>
        <source>{current} av {total}</source>
        <translation>{current} av {total}</translation>
    </message>
</context>
<context>
    <name>PracticeView</name>
    <message>
        <source>Øvingssaker</source>
        <translation>Övningsfall</translation>
    </message>
    <message>
        <source>Oppdiktede saker å øve på, alene eller sammen i et møte. Velg, og se hva som skjer. Veileder lagrer ingenting om hvem som øver eller hva som blir valgt.</source>
        <translation>Påhittade fall att öva på, ensam eller tillsammans på ett möte. Välj och se vad som händer. Veileder sparar ingenting om vem som övar eller vad som väljs.</translation>
    </message>
    <message>
        <source>Det finnes ingen øvingssaker for denne kommunen ennå.</source>
        <translation>Det finns inga övningsfall för den här kommunen ännu.</translation>
    </message>
    <message>
        <source>Start i møtemodus (F5)</source>
        <translation>Starta i mötesläge (F5)</translation>
    </message>
    <message>
        <source>Stor tekst for projektor: én del per skjerm, valgene vises når gruppen er klar</source>
        <translation>Stor text för projektor: en del per skärm, valen visas när gruppen är redo</translation>
    </message>
    <message>
        <source>Vis valgene (Enter)</source>
        <translation>Visa valen (Enter)</translation>
    </message>
    <message>
        <source>Øv på nytt</source>
        <translation>Öva igen</translation>
    </message>
    <message>
        <source>Velg en annen sak</source>
        <translation>Välj ett annat fall</translation>
    </message>
    <message>
        <source>Fortsett (Enter)</source>
        <translation>Fortsätt (Enter)</translation>
    </message>
    <message>
        <source>Tilbake</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Møtemodus (F5)</source>
        <translation>Mötesläge (F5)</translation>
    </message>
    <message>
        <source>Skriv ut saksark …</source>
        <translation>Skriv ut fallblad …</translation>
    </message>
    <message>
        <source>Saksark som PDF …</source>
        <translation>Fallblad som PDF …</translation>
    </message>
    <message>
        <source>Alle saker</source>
        <translation>Alla fall</translation>
    </message>
    <message>
        <source>Øvingssaken kan ikke brukes</source>
        <translation>Övningsfallet kan inte användas</translation>
    </message>
    <message>
        <source>Del {n} av høyst {total}</source>
        <translation>Del {n} av högst {total}</translation>
    </message>
    <message>
        <source>Valg {n}: {label}</source>
        <translation>Val {n}: {label}</translation>
    </message>
    <message>
        <source>Lagre saksarket som PDF</source>
        <translation>Spara fallbladet som PDF</translation>
    </message>
    <message>
        <source>Kunne ikke skrive ut: {error}</source>
        <translation>Kunde inte skriva ut: {error}</translation>
    </message>
    <message>
        <source>Sendt til skriveren ({pages} sider)</source>
        <translation>Skickat till skrivaren ({pages} sidor)</translation>
    </message>
    <message>
        <source>Kunne ikke lagre PDF: {error}</source>
        <translation>Kunde inte spara PDF: {error}</translation>
    </message>
    <message>
        <source>Lagret {path} ({pages} sider)</source>
        <translation>Sparat {path} ({pages} sidor)</translation>
    </message>
</context>
<context>
    <name>PracticeWindow</name>
    <message>
        <source>Øvingssaker – {name} – Veileder</source>
        <translation>Övningsfall – {name} – Veileder</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Sist gjennomgått: {date}</source>
        <translation>Senast granskad: {date}</translation>
    </message>
    <message>
        <source>Side {page} av {pages}</source>
        <translation>Sida {page} av {pages}</translation>
    </message>
</context>
<context>
    <name>PrintingMixin</name>
    <message>
        <source>Lagre som PDF</source>
        <translation>Spara som PDF</translation>
    </message>
    <message>
        <source>Kunne ikke skrive ut: {error}</source>
        <translation>Kunde inte skriva ut: {error}</translation>
    </message>
    <message>
        <source>Sendt til skriveren ({pages} sider)</source>
        <translation>Skickat till skrivaren ({pages} sidor)</translation>
    </message>
    <message>
        <source>Forhåndsvisning – {title}</source>
        <translation>Förhandsgranskning – {title}</translation>
    </message>
    <message>
        <source>Kunne ikke lagre PDF: {error}</source>
        <translation>Kunde inte spara PDF: {error}</translation>
    </message>
    <message>
        <source>Lagret {path} ({pages} sider)</source>
        <translation>Sparade {path} ({pages} sidor)</translation>
    </message>
</context>
<context>
    <name>ReaderApp</name>
    <message>
        <source>Veileder</source>
        <translation>Veileder</translation>
    </message>
    <message>
        <source>Veilederen må vite hvilken kommune du jobber i, for å vise kommunens telefonnumre og rutiner. Uten et valg avsluttes programmet. Du kan starte det igjen når du vil.</source>
        <translation>Vägledningen behöver veta vilken kommun du arbetar i för att visa kommunens telefonnummer och rutiner. Utan ett val avslutas programmet. Du kan starta det igen när du vill.</translation>
    </message>
    <message>
        <source>Velg kommune</source>
        <translation>Välj kommun</translation>
    </message>
    <message>
        <source>Avslutt</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Veilederen er oppdatert (%1). Se Hjelp → Hva er nytt.</source>
        <translation>Handboken är uppdaterad (%1). Se Hjälp → Nyheter.</translation>
    </message>
    <message>
        <source>Ny versjon av innholdet er klar. Den brukes neste gang du starter.</source>
        <translation>En ny version av innehållet är klar. Den används nästa gång du startar.</translation>
    </message>
    <message>
        <source>Kunne ikke se etter nytt innhold (%1). Veilederen virker som før.</source>
        <translation>Kunde inte söka efter nytt innehåll (%1). Vägledningen fungerar som förut.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Søk i veilederen (Ctrl+K)</source>
        <translation>Sök i vägledningen (Ctrl+K)</translation>
    </message>
    <message>
        <source>Søk i veilederen</source>
        <translation>Sök i vägledningen</translation>
    </message>
    <message>
        <source>Treffene vises mens du skriver. Pil ned går til treffene.</source>
        <translation>Träffarna visas medan du skriver. Pil ned går till träffarna.</translation>
    </message>
    <message>
        <source>Vis bare sider av typen</source>
        <translation>Visa bara sidor av typen</translation>
    </message>
    <message>
        <source>Alle typer</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>Vis bare sider for målgruppen</source>
        <translation>Visa bara sidor för målgruppen</translation>
    </message>
    <message>
        <source>Alle målgrupper</source>
        <translation>Alla målgrupper</translation>
    </message>
    <message>
        <source>Søketreff</source>
        <translation>Sökträffar</translation>
    </message>
    <message>
        <source>Søket virker ikke nå: {error}</source>
        <translation>Sökningen fungerar inte just nu: {error}</translation>
    </message>
    <message>
        <source>Gjør søket klart …</source>
        <translation>Förbereder sökningen …</translation>
    </message>
    <message>
        <source>Søket feilet: {error}</source>
        <translation>Sökningen misslyckades: {error}</translation>
    </message>
    <message>
        <source>Ingen treff for «{query}».</source>
        <translation>Inga träffar för ”{query}”.</translation>
    </message>
    <message>
        <source>Prøv et annet ord, eller bla i innholdet.</source>
        <translation>Prova ett annat ord, eller bläddra i innehållet.</translation>
    </message>
    <message>
        <source>1 treff</source>
        <translation>1 träff</translation>
    </message>
    <message>
        <source>{count} treff</source>
        <translation>{count} träffar</translation>
    </message>
    <message>
        <source>med lignende stavemåte</source>
        <translation>med liknande stavning</translation>
    </message>
    <message>
        <source>ingen side hadde alle ordene</source>
        <translation>ingen sida hade alla orden</translation>
    </message>
    <message>
        <source>Mente du «{suggestion}»?</source>
        <translation>Menade du ”{suggestion}”?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Innstillinger</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Lyst</source>
        <translation>Ljust</translation>
    </message>
    <message>
        <source>Mørkt</source>
        <translation>Mörkt</translation>
    </message>
    <message>
        <source>Som systemet</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <source>Høy kontrast</source>
        <translation>Hög kontrast</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>&amp;Kommun:</translation>
    </message>
    <message>
        <source>&amp;Språk:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>&amp;Utseende:</source>
        <translation>&amp;Utseende:</translation>
    </message>
    <message>
        <source>Veilederen lagrer bare innstillinger og sider du har bokmerket – aldri noe om en sak.</source>
        <translation>Vägledningen sparar bara inställningar och sidor du har bokmärkt – aldrig något om ett ärende.</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Spara</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Hurtigtaster</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Redaktørverktøy – Veileder</source>
        <translation>Redaktörsverktyg – Veileder</translation>
    </message>
    <message>
        <source>Redaktør</source>
        <translation>Redaktör</translation>
    </message>
    <message>
        <source>Åpne innholdsmappe …</source>
        <translation>Öppna innehållsmapp …</translation>
    </message>
    <message>
        <source>Kontroller på nytt</source>
        <translation>Kontrollera igen</translation>
    </message>
    <message>
        <source>Bygg pakke …</source>
        <translation>Bygg paket …</translation>
    </message>
    <message>
        <source>Kommune eller pakke</source>
        <translation>Kommun eller paket</translation>
    </message>
    <message>
        <source> Kommune: </source>
        <translation> Kommun: </translation>
    </message>
    <message>
        <source>Sider</source>
        <translation>Sidor</translation>
    </message>
    <message>
        <source>Feil og advarsler</source>
        <translation>Fel och varningar</translation>
    </message>
    <message>
        <source>Årlig gjennomgang</source>
        <translation>Årlig genomgång</translation>
    </message>
    <message>
        <source>Pakker i pakkemappen</source>
        <translation>Paket i paketmappen</translation>
    </message>
    <message>
        <source>Pakkemappen</source>
        <translation>Paketmappen</translation>
    </message>
    <message>
        <source>%1 feil, %2 advarsler i %3</source>
        <translation>%1 fel, %2 varningar i %3</translation>
    </message>
    <message>
        <source>Ingen feil. Innholdet kan bygges som pakke.</source>
        <translation>Inga fel. Innehållet kan byggas som paket.</translation>
    </message>
    <message>
        <source>Ingen pakkemappe er satt opp (veileder.ini, se README for IT).</source>
        <translation>Ingen paketmapp är inställd (veileder.ini, se README för IT).</translation>
    </message>
    <message>
        <source>Pakkemappen %1 kan ikke nås.</source>
        <translation>Paketmappen %1 kan inte nås.</translation>
    </message>
    <message>
        <source>AVVIST %1: %2</source>
        <translation>AVVISAT %1: %2</translation>
    </message>
    <message>
        <source>godkjent %1 (%2)</source>
        <translation>godkänt %1 (%2)</translation>
    </message>
    <message>
        <source>Pakke bygget: %1 (%2)</source>
        <translation>Paket byggt: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Velg innholdsmappen (med packs/ og facts/)</source>
        <translation>Välj innehållsmappen (med packs/ och facts/)</translation>
    </message>
    <message>
        <source>Velg den private nøkkelen</source>
        <translation>Välj den privata nyckeln</translation>
    </message>
    <message>
        <source>Nøkkel (*.key)</source>
        <translation>Nyckel (*.key)</translation>
    </message>
    <message>
        <source>Hvor skal pakken lagres?</source>
        <translation>Var ska paketet sparas?</translation>
    </message>
</context>
</TS>
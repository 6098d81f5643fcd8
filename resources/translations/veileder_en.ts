<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="nb_NO">
<context>
    <name>ChecklistWizard</name>
    <message>
        <source>Steg {n} av høyst {total}</source>
        <translation>Step {n} of at most {total}</translation>
    </message>
    <message>
        <source>Ferdig – {n} steg</source>
        <translation>Done – {n} steps</translation>
    </message>
    <message>
        <source>Fortsett</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Tilbake</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Start på nytt</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>Skriv ut</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Lagre som PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Forhåndsvis</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Forhåndsvisning – {title}</source>
        <translation>Print preview – {title}</translation>
    </message>
    <message>
        <source>Kopier som tekst</source>
        <translation>Copy as text</translation>
    </message>
    <message>
        <source>Oppsummeringen er kopiert. Lim den inn i tjenestens eget system.</source>
        <translation>The summary is copied. Paste it into your service's own system.</translation>
    </message>
    <message>
        <source>Lagret: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Sendt til skriveren.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>Kunne ikke lagre PDF-filen: {path}</source>
        <translation>Could not save the PDF file: {path}</translation>
    </message>
    <message>
        <source>Lagre oppsummeringen som PDF</source>
        <translation>Save the summary as PDF</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Spørsmål</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Forklaring</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Svar {n}: {label}</source>
        <translation>Answer {n}: {label}</translation>
    </message>
    <message>
        <source>Råd</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>Oppsummering</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Framdrift</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Steget i sjekklisten</source>
        <translation>The checklist step</translation>
    </message>
    <message>
        <source>Tab går til lenkene, Enter åpner en lenke.</source>
        <translation>Tab moves to the links, Enter opens a link.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sjekklisten kan ikke brukes</source>
        <translation>The checklist cannot be used</translation>
    </message>
    <message>
        <source>Tast 1–{n} for å svare. Backspace eller Alt+Venstre går tilbake.</source>
        <translation>Press 1–{n} to answer. Backspace or Alt+Left goes back.</translation>
    </message>
    <message>
        <source>Enter fortsetter. Backspace eller Alt+Venstre går tilbake.</source>
        <translation>Enter continues. Backspace or Alt+Left goes back.</translation>
    </message>
    <message>
        <source>Veileder lagrer ingenting om gjennomgangen.</source>
        <translation>Veileder stores nothing about the walk-through.</translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <source>Telefon {number}</source>
        <translation>Phone {number}</translation>
    </message>
    <message>
        <source>Kopier nummer</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>Kopier nummeret til {name}</source>
        <translation>Copy the number of {name}</translation>
    </message>
    <message>
        <source>Nummeret er ikke bekreftet – sjekk det før du ringer.</source>
        <translation>The number is not verified – check it before you call.</translation>
    </message>
    <message>
        <source>Nummer mangler – ikke bekreftet. Spør koordinatoren i kommunen.</source>
        <translation>No number – not verified. Ask the coordinator in the municipality.</translation>
    </message>
    <message>
        <source>Direkte</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>(sjekket {month})</source>
        <translation>(checked {month})</translation>
    </message>
    <message>
        <source>Åpent</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Nettside</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Merk</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kilde: {source}</source>
        <translation>Source: {source}</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Søk i kontakter – navn, tjeneste eller nummer</source>
        <translation>Search contacts – name, service or number</translation>
    </message>
    <message>
        <source>Søk i kontakter</source>
        <translation>Search contacts</translation>
    </message>
    <message>
        <source>Ingen kontakter passer til søket.</source>
        <translation>No contacts match the search.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DialogsMixin</name>
    <message>
        <source>levert med programmet</source>
        <translation>shipped with the program</translation>
    </message>
    <message>
        <source>ukjent</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Veileder %1 · innhold: %2</source>
        <translation>Veileder %1 · content: %2</translation>
    </message>
    <message>
        <source>Innholdets dato: %1</source>
        <translation>Content date: %1</translation>
    </message>
    <message>
        <source>Kommune: %1</source>
        <translation>Municipality: %1</translation>
    </message>
    <message>
        <source>Om Veileder</source>
        <translation>About Veileder</translation>
    </message>
    <message>
        <source>Veilederen lagrer ingenting om saker eller personer. Logg: %1</source>
        <translation>The handbook stores nothing about cases or people. Log: %1</translation>
    </message>
</context>
<context>
    <name>DutiesPage</name>
    <message>
        <source>Meldeplikter</source>
        <translation>Duty to report</translation>
    </message>
    <message>
        <source>Pliktene som gjelder når du er bekymret for noen: når du må melde fra, til hvem, og når taushetsplikten må vike.</source>
        <translation>The duties that apply when you are worried about someone: when you must report, to whom, and when confidentiality gives way.</translation>
    </message>
</context>
<context>
    <name>EmergencyBar</name>
    <message>
        <source>Nødnumre og akutt hjelp</source>
        <translation>Emergency numbers and urgent help</translation>
    </message>
    <message>
        <source>Akutt hjelp:</source>
        <translation>Urgent help:</translation>
    </message>
    <message>
        <source>{name}: {phone} ikke bekreftet</source>
        <translation>{name}: {phone} not verified</translation>
    </message>
    <message>
        <source>{name}: lokalt nummer mangler</source>
        <translation>{name}: local number missing</translation>
    </message>
    <message>
        <source>Nasjonalt: {name}</source>
        <translation>National: {name}</translation>
    </message>
    <message>
        <source>ikke bekreftet</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>Det lokale nummeret er ikke bekreftet ennå. Til da: {name}, {phone}.</source>
        <translation>The local number is not verified yet. Until then: {name}, {phone}.</translation>
    </message>
    <message>
        <source>Åpent: {hours}</source>
        <translation>Open: {hours}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Finn på siden:</source>
        <translation>Find on page:</translation>
    </message>
    <message>
        <source>Finn på siden</source>
        <translation>Find on page</translation>
    </message>
    <message>
        <source>Skriv et ord</source>
        <translation>Type a word</translation>
    </message>
    <message>
        <source>Forrige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Forrige treff (Shift+Enter)</source>
        <translation>Previous match (Shift+Enter)</translation>
    </message>
    <message>
        <source>Neste</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Neste treff (Enter)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lukk (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Bekymret for et barn</source>
        <translation>Worried about a child</translation>
    </message>
    <message>
        <source>Steg for steg: hva du gjør nå</source>
        <translation>Step by step: what to do now</translation>
    </message>
    <message>
        <source>Bekymret for en voksen</source>
        <translation>Worried about an adult</translation>
    </message>
    <message>
        <source>Akutt fare</source>
        <translation>Acute danger</translation>
    </message>
    <message>
        <source>Når noen er i fare nå</source>
        <translation>When someone is in danger now</translation>
    </message>
    <message>
        <source>Meldeplikter</source>
        <translation>Duty to report</translation>
    </message>
    <message>
        <source>Når du må melde fra, og til hvem</source>
        <translation>When you must report, and to whom</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Telefonnumre og tjenester</source>
        <translation>Phone numbers and services</translation>
    </message>
    <message>
        <source>Hva du gjør nå</source>
        <translation>What to do now</translation>
    </message>
    <message>
        <source>Veileder for ansatte som møter vold i nære relasjoner</source>
        <translation>A handbook for staff who meet violence in close relationships</translation>
    </message>
    <message>
        <source>Sjekklister – steg for steg</source>
        <translation>Checklists – step by step</translation>
    </message>
    <message>
        <source>Søk etter et ord øverst til venstre (Ctrl+K), eller bla i innholdet. Nødnumrene står alltid øverst i vinduet.</source>
        <translation>Search for a word at the top left (Ctrl+K), or browse the contents. The emergency numbers are always at the top of the window.</translation>
    </message>
    <message>
        <source>Øv på en sak – alene eller i et møte</source>
        <translation>Practise a case – alone or in a meeting</translation>
    </message>
    <message>
        <source>Hjem</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>IssuesDialog</name>
    <message>
        <source>Feil i innholdet</source>
        <translation>Problems in the content</translation>
    </message>
    <message>
        <source>Noen filer i veilederen har feil og vises ikke. Resten av veilederen virker som vanlig. Gi denne listen til den som har ansvar for innholdet.</source>
        <translation>Some files of the handbook have errors and are not shown. The rest works as usual. Give this list to whoever is responsible for the content.</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Begrep</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Plikt</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Rutine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Om</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Sjekkliste</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Begreper</source>
        <translation>Definitions</translation>
    </message>
    <message>
        <source>Plikter</source>
        <translation>Duties</translation>
    </message>
    <message>
        <source>Rutiner</source>
        <translation>Routines</translation>
    </message>
    <message>
        <source>Roller og tjenester</source>
        <translation>Roles and services</translation>
    </message>
    <message>
        <source>Temaer</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Om veilederen</source>
        <translation>About the handbook</translation>
    </message>
    <message>
        <source>Barn</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>Ungdom</source>
        <translation>Young people</translation>
    </message>
    <message>
        <source>Voksne</source>
        <translation>Adults</translation>
    </message>
    <message>
        <source>Eldre</source>
        <translation>Older people</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Automatisk (følger kommunen)</source>
        <translation>Automatic (follows the municipality)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tilbake</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Frem</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Hjem</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Søk</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Nødnumre</source>
        <translation>Emergency numbers</translation>
    </message>
    <message>
        <source>Kontakter</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Meldeplikter</source>
        <translation>Duty to report</translation>
    </message>
    <message>
        <source>Innhold</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Bokmerker</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Sist lest</source>
        <translation>Recently read</translation>
    </message>
    <message>
        <source>Øvingssaker …</source>
        <translation>Practice cases …</translation>
    </message>
    <message>
        <source>Finn på siden</source>
        <translation>Find on page</translation>
    </message>
    <message>
        <source>Overskrifter og lenker …</source>
        <translation>Headings and links …</translation>
    </message>
    <message>
        <source>Bokmerk siden</source>
        <translation>Bookmark this page</translation>
    </message>
    <message>
        <source>Skriv ut …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <source>Lagre som PDF …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <source>Forhåndsvisning …</source>
        <translation>Print preview …</translation>
    </message>
    <message>
        <source>Større tekst</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Mindre tekst</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Vanlig tekststørrelse</source>
        <translation>Normal text size</translation>
    </message>
    <message>
        <source>Innstillinger …</source>
        <translation>Settings …</translation>
    </message>
    <message>
        <source>Avslutt</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Hurtigtaster</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Om Veileder</source>
        <translation>About Veileder</translation>
    </message>
    <message>
        <source>Hva er nytt</source>
        <translation>What's new</translation>
    </message>
    <message>
        <source>Redaktørverktøy …</source>
        <translation>Editor's workbench …</translation>
    </message>
    <message>
        <source>Lyst</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Mørkt</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Som systemet</source>
        <translation>Like the system</translation>
    </message>
    <message>
        <source>Høy kontrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Gå</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Side</source>
        <translation>&amp;Page</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Utseende</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Navigasjon</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Flere knapper</source>
        <translation>More buttons</translation>
    </message>
    <message>
        <source>Åpner veilederen …</source>
        <translation>Opening the handbook …</translation>
    </message>
    <message>
        <source>Gjør søket klart …</source>
        <translation>Preparing search …</translation>
    </message>
    <message>
        <source>Kopiert: {text}</source>
        <translation>Copied: {text}</translation>
    </message>
    <message>
        <source>Søket er klart</source>
        <translation>Search is ready</translation>
    </message>
    <message>
        <source>Søket virker ikke</source>
        <translation>Search is not working</translation>
    </message>
    <message>
        <source>Noe gikk galt i bakgrunnen: %1. Loggfil: %2</source>
        <translation>Something went wrong in the background: %1. Log file: %2</translation>
    </message>
    <message>
        <source>Bokmerke lagt til</source>
        <translation>Bookmark added</translation>
    </message>
    <message>
        <source>Bokmerke fjernet</source>
        <translation>Bookmark removed</translation>
    </message>
    <message>
        <source>Bokmerket</source>
        <translation>Bookmarked</translation>
    </message>
    <message>
        <source>Tekststørrelse: {size} punkter</source>
        <translation>Text size: {size} points</translation>
    </message>
    <message>
        <source>Flytt mellom feltene</source>
        <translation>Move between fields</translation>
    </message>
    <message>
        <source>Menyene</source>
        <translation>The menus</translation>
    </message>
</context>
<context>
    <name>MunicipalityDialog</name>
    <message>
        <source>Velg kommune – Veileder</source>
        <translation>Choose municipality – Veileder</translation>
    </message>
    <message>
        <source>Velg kommunen du jobber i. Du kan endre valget senere under Innstillinger.</source>
        <translation>Choose the municipality you work in. You can change it later in Settings.</translation>
    </message>
    <message>
        <source>Kommuner</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>Åpne veilederen</source>
        <translation>Open the handbook</translation>
    </message>
</context>
<context>
    <name>NavigationMixin</name>
    <message>
        <source>Fant ikke «{target}» i veilederen.</source>
        <translation>Could not find “{target}” in the handbook.</translation>
    </message>
    <message>
        <source>Sjekklisten kan ikke vises: {error}</source>
        <translation>The checklist cannot be shown: {error}</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Denne lenken åpner e-postprogrammet med en melding til {address}.</source>
        <translation>This link opens the e-mail program with a message to {address}.</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Denne lenken ringer {number} med et program på maskinen.</source>
        <translation>This link calls {number} with a program on this computer.</translation>
    </message>
    <message>
        <source>Lenke til internett</source>
        <translation>Link to the internet</translation>
    </message>
    <message>
        <source>Denne lenken går til {host} på internett og virker bare når du er på nett.</source>
        <translation>This link goes to {host} on the internet and works only when you are online.</translation>
    </message>
    <message>
        <source>Åpne i nettleseren</source>
        <translation>Open in the browser</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lenken er ikke tillatt i veilederen og blir ikke åpnet.</source>
        <translation>This link is not allowed in the handbook and will not be opened.</translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Innhold, bokmerker og sist lest</source>
        <translation>Contents, bookmarks and recently read</translation>
    </message>
    <message>
        <source>Innholdsfortegnelse</source>
        <translation>Table of contents</translation>
    </message>
    <message>
        <source>Ingen bokmerker ennå. Åpne en side og trykk «Bokmerk» (Ctrl+D).</source>
        <translation>No bookmarks yet. Open a page and press “Bookmark” (Ctrl+D).</translation>
    </message>
    <message>
        <source>Bokmerker</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Sidene du leser, vises her.</source>
        <translation>The pages you read are listed here.</translation>
    </message>
    <message>
        <source>Sist lest</source>
        <translation>Recently read</translation>
    </message>
    <message>
        <source>Innhold</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>NewsDialog</name>
    <message>
        <source>Hva er nytt</source>
        <translation>What's new</translation>
    </message>
    <message>
        <source>innholdet som fulgte med programmet</source>
        <translation>the content shipped with the program</translation>
    </message>
    <message>
        <source>Innhold i bruk: %1</source>
        <translation>Content in use: %1</translation>
    </message>
    <message>
        <source>Endringer i siste oppdatering</source>
        <translation>Changes in the last update</translation>
    </message>
    <message>
        <source>Ingen endringer er registrert.</source>
        <translation>No changes are recorded.</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OutlineDialog</name>
    <message>
        <source>Overskrifter og lenker – {title}</source>
        <translation>Headings and links – {title}</translation>
    </message>
    <message>
        <source>Skriv for å filtrere</source>
        <translation>Type to filter</translation>
    </message>
    <message>
        <source>Filtrer overskrifter og lenker</source>
        <translation>Filter headings and links</translation>
    </message>
    <message>
        <source>&amp;Filtrer:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Overskrifter og lenker på siden</source>
        <translation>Headings and links on the page</translation>
    </message>
    <message>
        <source>Enter går til overskriften eller åpner lenken. Esc lukker.</source>
        <translation>Enter goes to the heading or opens the link. Esc closes.</translation>
    </message>
    <message>
        <source>Overskrifter</source>
        <translation>Headings</translation>
    </message>
    <message>
        <source>Lenker</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Gå til</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>ukjent</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Gjelder: {audience}</source>
        <translation>For: {audience}</translation>
    </message>
    <message>
        <source>Siden ble sist gjennomgått {date}, for mer enn 12 måneder siden. Sjekk at innholdet fortsatt stemmer.</source>
        <translation>This page was last reviewed on {date}, more than 12 months ago. Check that it is still correct.</translation>
    </message>
    <message>
        <source>Denne siden kan ikke vises. Meld fra til den som har ansvar for innholdet.</source>
        <translation>This page cannot be shown. Tell whoever is responsible for the content.</translation>
    </message>
    <message>
        <source>Se også</source>
        <translation>See also</translation>
    </message>
    <message>
        <source>Om denne siden</source>
        <translation>About this page</translation>
    </message>
    <message>
        <source>over 12 måneder siden</source>
        <translation>more than 12 months ago</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Sist gjennomgått</source>
        <translation>Last reviewed</translation>
    </message>
    <message>
        <source>Kilder</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Sideinnhold</source>
        <translation>Page content</translation>
    </message>
    <message>
        <source>Tab: neste lenke, Enter åpner den. H: neste overskrift, Shift+H: forrige. Ctrl+J: alle overskrifter og lenker.</source>
        <translation>Tab: next link, Enter opens it. H: next heading, Shift+H: previous. Ctrl+J: all headings and links.</translation>
    </message>
    <message>
        <source>Henter siden …</source>
        <translation>Loading the page …</translation>
    </message>
    <message>
        <source>Ingen treff</source>
        <translation>No matches</translation>
    </message>
    <message>
        <source>{current} av {total}</source>
        <translation>{current} of {total}</translation>
    </message>
</context>
<context>
    <name>PracticeView</name>
    <message>
        <source>Øvingssaker</source>
        <translation>Practice cases</translation>
    </message>
    <message>
        <source>Oppdiktede saker å øve på, alene eller sammen i et møte. Velg, og se hva som skjer. Veileder lagrer ingenting om hvem som øver eller hva som blir valgt.</source>
        <translation>Fictional cases to practise on, alone or together in a meeting. Choose, and see what happens. Veileder stores nothing about who practises or what is chosen.</translation>
    </message>
    <message>
        <source>Det finnes ingen øvingssaker for denne kommunen ennå.</source>
        <translation>There are no practice cases for this municipality yet.</translation>
    </message>
    <message>
        <source>Start i møtemodus (F5)</source>
        <translation>Start in meeting mode (F5)</translation>
    </message>
    <message>
        <source>Stor tekst for projektor: én del per skjerm, valgene vises når gruppen er klar</source>
        <translation>Large text for a projector: one stage per screen, the options shown when the group is ready</translation>
    </message>
    <message>
        <source>Vis valgene (Enter)</source>
        <translation>Show the options (Enter)</translation>
    </message>
    <message>
        <source>Øv på nytt</source>
        <translation>Practise again</translation>
    </message>
    <message>
        <source>Velg en annen sak</source>
        <translation>Choose another case</translation>
    </message>
    <message>
        <source>Fortsett (Enter)</source>
        <translation>Continue (Enter)</translation>
    </message>
    <message>
        <source>Tilbake</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Møtemodus (F5)</source>
        <translation>Meeting mode (F5)</translation>
    </message>
    <message>
        <source>Skriv ut saksark …</source>
        <translation>Print case sheet …</translation>
    </message>
    <message>
        <source>Saksark som PDF …</source>
        <translation>Case sheet as PDF …</translation>
    </message>
    <message>
        <source>Alle saker</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>Øvingssaken kan ikke brukes</source>
        <translation>The practice case cannot be used</translation>
    </message>
    <message>
        <source>Del {n} av høyst {total}</source>
        <translation>Stage {n} of at most {total}</translation>
    </message>
    <message>
        <source>Valg {n}: {label}</source>
        <translation>Option {n}: {label}</translation>
    </message>
    <message>
        <source>Lagre saksarket som PDF</source>
        <translation>Save the case sheet as PDF</translation>
    </message>
    <message>
        <source>Kunne ikke skrive ut: {error}</source>
        <translation>Could not print: {error}</translation>
    </message>
    <message>
        <source>Sendt til skriveren ({pages} sider)</source>
        <translation>Sent to the printer ({pages} pages)</translation>
    </message>
    <message>
        <source>Kunne ikke lagre PDF: {error}</source>
        <translation>Could not save the PDF: {error}</translation>
    </message>
    <message>
        <source>Lagret {path} ({pages} sider)</source>
        <translation>Saved {path} ({pages} pages)</translation>
    </message>
</context>
<context>
    <name>PracticeWindow</name>
    <message>
        <source>Øvingssaker – {name} – Veileder</source>
        <translation>Practice cases – {name} – Veileder</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Sist gjennomgått: {date}</source>
        <translation>Last reviewed: {date}</translation>
    </message>
    <message>
        <source>Side {page} av {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
</context>
<context>
    <name>PrintingMixin</name>
    <message>
        <source>Lagre som PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Kunne ikke skrive ut: {error}</source>
        <translation>Could not print: {error}</translation>
    </message>
    <message>
        <source>Sendt til skriveren ({pages} sider)</source>
        <translation>Sent to the printer ({pages} pages)</translation>
    </message>
    <message>
        <source>Forhåndsvisning – {title}</source>
        <translation>Print preview – {title}</translation>
    </message>
    <message>
        <source>Kunne ikke lagre PDF: {error}</source>
        <translation>Could not save the PDF: {error}</translation>
    </message>
    <message>
        <source>Lagret {path} ({pages} sider)</source>
        <translation>Saved {path} ({pages} pages)</translation>
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
        <translation>The handbook needs to know which municipality you work in, to show its phone numbers and routines. Without a choice the program closes. You can start it again whenever you like.</translation>
    </message>
    <message>
        <source>Velg kommune</source>
        <translation>Choose municipality</translation>
    </message>
    <message>
        <source>Avslutt</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Veilederen er oppdatert (%1). Se Hjelp → Hva er nytt.</source>
        <translation>The handbook has been updated (%1). See Help → What's new.</translation>
    </message>
    <message>
        <source>Ny versjon av innholdet er klar. Den brukes neste gang du starter.</source>
        <translation>A new version of the content is ready. It is used the next time you start.</translation>
    </message>
    <message>
        <source>Kunne ikke se etter nytt innhold (%1). Veilederen virker som før.</source>
        <translation>Could not look for new content (%1). The handbook works as before.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Søk i veilederen (Ctrl+K)</source>
        <translation>Search the handbook (Ctrl+K)</translation>
    </message>
    <message>
        <source>Søk i veilederen</source>
        <translation>Search the handbook</translation>
    </message>
    <message>
        <source>Treffene vises mens du skriver. Pil ned går til treffene.</source>
        <translation>Matches appear as you type. Arrow down moves to the matches.</translation>
    </message>
    <message>
        <source>Vis bare sider av typen</source>
        <translation>Show only pages of the kind</translation>
    </message>
    <message>
        <source>Alle typer</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Vis bare sider for målgruppen</source>
        <translation>Show only pages for the target group</translation>
    </message>
    <message>
        <source>Alle målgrupper</source>
        <translation>All target groups</translation>
    </message>
    <message>
        <source>Søketreff</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Søket virker ikke nå: {error}</source>
        <translation>Search is not working right now: {error}</translation>
    </message>
    <message>
        <source>Gjør søket klart …</source>
        <translation>Preparing search …</translation>
    </message>
    <message>
        <source>Søket feilet: {error}</source>
        <translation>The search failed: {error}</translation>
    </message>
    <message>
        <source>Ingen treff for «{query}».</source>
        <translation>No matches for “{query}”.</translation>
    </message>
    <message>
        <source>Prøv et annet ord, eller bla i innholdet.</source>
        <translation>Try another word, or browse the contents.</translation>
    </message>
    <message>
        <source>1 treff</source>
        <translation>1 match</translation>
    </message>
    <message>
        <source>{count} treff</source>
        <translation>{count} matches</translation>
    </message>
    <message>
        <source>med lignende stavemåte</source>
        <translation>with a similar spelling</translation>
    </message>
    <message>
        <source>ingen side hadde alle ordene</source>
        <translation>no page had all the words</translation>
    </message>
    <message>
        <source>Mente du «{suggestion}»?</source>
        <translation>Did you mean “{suggestion}”?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Innstillinger</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Lyst</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Mørkt</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Som systemet</source>
        <translation>Like the system</translation>
    </message>
    <message>
        <source>Høy kontrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Språk:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Utseende:</source>
        <translation>&amp;Appearance:</translation>
    </message>
    <message>
        <source>Veilederen lagrer bare innstillinger og sider du har bokmerket – aldri noe om en sak.</source>
        <translation>The handbook stores only settings and the pages you bookmarked – never anything about a case.</translation>
    </message>
    <message>
        <source>Lagre</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Hurtigtaster</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Lukk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Redaktørverktøy – Veileder</source>
        <translation>Editor's workbench – Veileder</translation>
    </message>
    <message>
        <source>Redaktør</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Åpne innholdsmappe …</source>
        <translation>Open content folder …</translation>
    </message>
    <message>
        <source>Kontroller på nytt</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Bygg pakke …</source>
        <translation>Build pack …</translation>
    </message>
    <message>
        <source>Kommune eller pakke</source>
        <translation>Municipality or pack</translation>
    </message>
    <message>
        <source> Kommune: </source>
        <translation> Municipality: </translation>
    </message>
    <message>
        <source>Sider</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Feil og advarsler</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <source>Årlig gjennomgang</source>
        <translation>Yearly review</translation>
    </message>
    <message>
        <source>Pakker i pakkemappen</source>
        <translation>Packs in the packs folder</translation>
    </message>
    <message>
        <source>Pakkemappen</source>
        <translation>Packs folder</translation>
    </message>
    <message>
        <source>%1 feil, %2 advarsler i %3</source>
        <translation>%1 errors, %2 warnings in %3</translation>
    </message>
    <message>
        <source>Ingen feil. Innholdet kan bygges som pakke.</source>
        <translation>No errors. The content can be built as a pack.</translation>
    </message>
    <message>
        <source>Ingen pakkemappe er satt opp (veileder.ini, se README for IT).</source>
        <translation>No packs folder is set up (veileder.ini, see the README for IT).</translation>
    </message>
    <message>
        <source>Pakkemappen %1 kan ikke nås.</source>
        <translation>The packs folder %1 cannot be reached.</translation>
    </message>
    <message>
        <source>AVVIST %1: %2</source>
        <translation>REFUSED %1: %2</translation>
    </message>
    <message>
        <source>godkjent %1 (%2)</source>
        <translation>approved %1 (%2)</translation>
    </message>
    <message>
        <source>Pakke bygget: %1 (%2)</source>
        <translation>Pack built: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Velg innholdsmappen (med packs/ og facts/)</source>
        <translation>Choose the content folder (with packs/ and facts/)</translation>
    </message>
    <message>
        <source>Velg den private nøkkelen</source>
        <translation>Choose the private key</translation>
    </message>
    <message>
        <source>Nøkkel (*.key)</source>
        <translation>Key (*.key)</translation>
    </message>
    <message>
        <source>Hvor skal pakken lagres?</source>
        <translation>Where should the pack be saved?</translation>
    </message>
</context>
</TS>
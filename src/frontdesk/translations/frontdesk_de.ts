<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>Menus</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Connections…</source>
            <translation>&amp;Verbindungen…</translation>
        </message>
        <message>
            <source>Add, change or test the booking systems</source>
            <translation>Buchungssysteme hinzufügen, ändern oder testen</translation>
        </message>
        <message>
            <source>Clinic &amp;settings…</source>
            <translation>Praxis&amp;einstellungen…</translation>
        </message>
        <message>
            <source>The clinic's time zone, phone region and paper</source>
            <translation>Zeitzone, Telefonregion und Papierformat der Praxis</translation>
        </message>
        <message>
            <source>&amp;Print day sheet…</source>
            <translation>Tagesliste &amp;drucken…</translation>
        </message>
        <message>
            <source>Print the shown day: the whole day, then a page per provider</source>
            <translation>Den angezeigten Tag drucken: den ganzen Tag, dann eine Seite pro Behandler</translation>
        </message>
        <message>
            <source>Save day sheet as P&amp;DF…</source>
            <translation>Tagesliste als P&amp;DF speichern…</translation>
        </message>
        <message>
            <source>Save the shown day as a PDF file</source>
            <translation>Den angezeigten Tag als PDF-Datei speichern</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Close FrontDesk</source>
            <translation>FrontDesk schließen</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>Show or hide the {panel} panel</source>
            <translation>Bereich „{panel}“ ein- oder ausblenden</translation>
        </message>
        <message>
            <source>&amp;Booking</source>
            <translation>&amp;Termin</translation>
        </message>
        <message>
            <source>Find an &amp;opening…</source>
            <translation>Freien &amp;Termin suchen…</translation>
        </message>
        <message>
            <source>Search the next free times for a service, provider, days and part of day</source>
            <translation>Die nächsten freien Zeiten für eine Leistung, einen Behandler, Tage und Tageszeit suchen</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;About {app}</source>
            <translation>&amp;Über {app}</translation>
        </message>
        <message>
            <source>Version, and where this desk keeps its files</source>
            <translation>Version, und wo dieser Empfang seine Dateien ablegt</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <source>Every key the desk answers to</source>
            <translation>Alle Tasten, auf die der Empfang reagiert</translation>
        </message>
        <message>
            <source>&amp;Export day…</source>
            <translation>Tag &amp;exportieren…</translation>
        </message>
        <message>
            <source>Save the shown day as a calendar file or CSV</source>
            <translation>Den angezeigten Tag als Kalenderdatei oder CSV speichern</translation>
        </message>
        <message>
            <source>Export &amp;week…</source>
            <translation>&amp;Woche exportieren…</translation>
        </message>
        <message>
            <source>Save a provider's week (no patient names) as a calendar file or CSV</source>
            <translation>Die Woche eines Behandlers (ohne Patientennamen) als Kalenderdatei oder CSV speichern</translation>
        </message>
        <message>
            <source>Export patient's &amp;appointments…</source>
            <translation>&amp;Termine eines Patienten exportieren…</translation>
        </message>
        <message>
            <source>Save one patient's appointments as a calendar file or CSV</source>
            <translation>Die Termine eines Patienten als Kalenderdatei oder CSV speichern</translation>
        </message>
        <message>
            <source>&amp;Import bookings…</source>
            <translation>Termine &amp;importieren…</translation>
        </message>
        <message>
            <source>Book from a CSV file: see the rows it would queue and refuse first</source>
            <translation>Aus einer CSV-Datei buchen: zuerst sehen, welche Zeilen eingereiht und welche abgelehnt würden</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <source>Go to today</source>
            <translation>Zu heute springen</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <source>Shown dates</source>
            <translation>Angezeigte Tage</translation>
        </message>
        <message>
            <source>{view} view</source>
            <translation>Ansicht {view}</translation>
        </message>
        <message>
            <source>Find patient</source>
            <translation>Patient suchen</translation>
        </message>
        <message>
            <source>Find a patient</source>
            <translation>Einen Patienten suchen</translation>
        </message>
        <message>
            <source>New booking</source>
            <translation>Neuer Termin</translation>
        </message>
        <message>
            <source>Book an appointment</source>
            <translation>Einen Termin buchen</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Jetzt synchronisieren</translation>
        </message>
        <message>
            <source>Send waiting bookings and refresh the calendars now</source>
            <translation>Wartende Buchungen senden und die Kalender jetzt aktualisieren</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Angekommen</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <source>No-show</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <source>Move…</source>
            <translation>Verschieben…</translation>
        </message>
        <message>
            <source>Move the selected appointment</source>
            <translation>Den ausgewählten Termin verschieben</translation>
        </message>
        <message>
            <source>Cancel appointment…</source>
            <translation>Termin absagen…</translation>
        </message>
        <message>
            <source>Cancel the selected appointment</source>
            <translation>Den ausgewählten Termin absagen</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Clinic settings</source>
            <translation>Praxiseinstellungen</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <source>This computer's ({zone})</source>
            <translation>Die dieses Computers ({zone})</translation>
        </message>
        <message>
            <source>&amp;Time zone</source>
            <translation>&amp;Zeitzone</translation>
        </message>
        <message>
            <source>Phone region</source>
            <translation>Telefonregion</translation>
        </message>
        <message>
            <source>The time zone's country</source>
            <translation>Das Land der Zeitzone</translation>
        </message>
        <message>
            <source>&amp;Phone numbers from</source>
            <translation>&amp;Telefonnummern aus</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>Papier</translation>
        </message>
        <message>
            <source>As the region uses</source>
            <translation>Wie in der Region üblich</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>P&amp;aper</source>
            <translation>P&amp;apier</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>This computer's ({language})</source>
            <translation>Die dieses Computers ({language})</translation>
        </message>
        <message>
            <source>La&amp;nguage</source>
            <translation>Spra&amp;che</translation>
        </message>
        <message>
            <source>Lock when idle after</source>
            <translation>Sperren nach Untätigkeit von</translation>
        </message>
        <message>
            <source> minutes</source>
            <translation> Minuten</translation>
        </message>
        <message>
            <source>&amp;Lock when idle after</source>
            <translation>&amp;Sperren nach Untätigkeit von</translation>
        </message>
        <message>
            <source>Not valid: {reason}</source>
            <translation>Ungültig: {reason}</translation>
        </message>
        <message>
            <source>no region (numbers need their +code)</source>
            <translation>keine Region (Nummern brauchen ihre +Vorwahl)</translation>
        </message>
        <message>
            <source>Every time on the desk is shown on {zone} time. Phone numbers are read as dialled in {country}. The day sheet prints on {paper} paper. The desk locks itself after {minutes} idle minutes.</source>
            <translation>Alle Zeiten am Empfang werden in der Zeit von {zone} angezeigt. Telefonnummern werden gelesen, wie sie in {country} gewählt werden. Die Tagesliste wird auf {paper}-Papier gedruckt. Der Empfang sperrt sich nach {minutes} Minuten ohne Eingabe.</translation>
        </message>
        <message>
            <source>The new language is spoken from the next start.</source>
            <translation>Die neue Sprache gilt ab dem nächsten Start.</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>Nicht gespeichert: {reason}</translation>
        </message>
    </context>
    <context>
        <name>Views</name>
        <message>
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>Woche</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
    </context>
</TS>

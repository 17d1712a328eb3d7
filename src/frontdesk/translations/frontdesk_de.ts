<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>About</name>
    <message>
        <source>The booking desk for a clinic&apos;s front desk: book, move, cancel and check in patients, even when the internet is down. Bookings are checked by the clinic&apos;s own booking rules and sent to its booking system, exactly once.</source>
        <translation>Die Terminverwaltung für den Empfang einer Praxis: Patienten buchen, verschieben, absagen und anmelden, auch wenn das Internet ausfällt. Buchungen werden nach den eigenen Buchungsregeln der Praxis geprüft und genau einmal an ihr Buchungssystem gesendet.</translation>
    </message>
    <message>
        <source>Data and settings</source>
        <translation>Daten und Einstellungen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>{app} icon</source>
        <translation>{app}-Symbol</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>{folder}:</source>
        <translation>{folder}:</translation>
    </message>
    <message>
        <source>Open this folder ({path})</source>
        <translation>Diesen Ordner öffnen ({path})</translation>
    </message>
    <message>
        <source>{folder} folder</source>
        <translation>Ordner {folder}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Angaben kopieren</translation>
    </message>
    <message>
        <source>Copy the version and folders, for a support request</source>
        <translation>Version und Ordner kopieren, für eine Supportanfrage</translation>
    </message>
    <message>
        <source>This desk keeps its files here:</source>
        <translation>Dieser Empfang speichert seine Dateien hier:</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>{patient}: {status}.</source>
        <translation>{patient}: {status}.</translation>
    </message>
    <message>
        <source>Appointment moved.</source>
        <translation>Termin verschoben.</translation>
    </message>
    <message>
        <source>Not changed: {why}</source>
        <translation>Nicht geändert: {why}</translation>
    </message>
    <message>
        <source>Not changed: the desk could not save this change; try again.</source>
        <translation>Nicht geändert: Der Empfang konnte diese Änderung nicht speichern; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>Termin abgesagt.</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>Prüfung nötig</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Terminliste</translation>
    </message>
    <message>
        <source>The shown days as a list of appointments.</source>
        <translation>Die angezeigten Tage als Terminliste.</translation>
    </message>
</context>
<context>
    <name>Appointment</name>
    <message>
        <source>Appointment — {name}</source>
        <translation>Termin — {name}</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
</context>
<context>
    <name>Arrivals</name>
    <message>
        <source>time not recorded</source>
        <translation>Zeit nicht erfasst</translation>
    </message>
    <message>
        <source>waiting {time}</source>
        <translation>wartet {time}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h {minutes}</source>
        <translation>{hours} Std. {minutes}</translation>
    </message>
    <message>
        <source>This patient is not marked arrived.</source>
        <translation>Dieser Patient ist nicht als eingetroffen markiert.</translation>
    </message>
    <message>
        <source>waiting {minutes} min</source>
        <translation>wartet {minutes} Min.</translation>
    </message>
    <message>
        <source>waiting {hours} h {minutes}</source>
        <translation>wartet {hours} Std. {minutes}</translation>
    </message>
</context>
<context>
    <name>Asap</name>
    <message>
        <source>Patient: type the patient&apos;s name.</source>
        <translation>Patient: Geben Sie den Namen des Patienten ein.</translation>
    </message>
    <message>
        <source>Phone: type a number to call the patient on.</source>
        <translation>Telefon: Geben Sie eine Nummer ein, unter der der Patient erreichbar ist.</translation>
    </message>
    <message>
        <source>Phone: {problem}</source>
        <translation>Telefon: {problem}</translation>
    </message>
    <message>
        <source>Service: choose the service the patient needs.</source>
        <translation>Leistung: Wählen Sie die Leistung, die der Patient braucht.</translation>
    </message>
    <message>
        <source>Until: choose today or a later day.</source>
        <translation>Bis: Wählen Sie heute oder einen späteren Tag.</translation>
    </message>
    <message>
        <source>Days: choose days of the week.</source>
        <translation>Tage: Wählen Sie Wochentage.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>a no-show</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>moved away</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>vormittags</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>nachmittags</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>abends</translation>
    </message>
    <message>
        <source>(a service not in the cache yet)</source>
        <translation>(eine Leistung, die noch nicht im Zwischenspeicher ist)</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>(a column not in the cache yet)</source>
        <translation>(eine Spalte, die noch nicht im Zwischenspeicher ist)</translation>
    </message>
    <message>
        <source>{when}, {service} with {resource} ({cause})</source>
        <translation>{when}, {service} bei {resource} ({cause})</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>jeder Tag</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>jede Zeit</translation>
    </message>
</context>
<context>
    <name>AsapActions</name>
    <message>
        <source>&amp;ASAP list…</source>
        <translation>&amp;ASAP-Liste…</translation>
    </message>
    <message>
        <source>Patients who want an earlier time; add, edit, remove</source>
        <translation>Patienten, die einen früheren Termin möchten; hinzufügen, bearbeiten, entfernen</translation>
    </message>
    <message>
        <source>&amp;Put on the ASAP list…</source>
        <translation>Auf die ASAP-Liste &amp;setzen…</translation>
    </message>
    <message>
        <source>The selected appointment&apos;s patient wants an earlier time</source>
        <translation>Der Patient des ausgewählten Termins möchte einen früheren Termin</translation>
    </message>
    <message>
        <source>Select the patient&apos;s appointment first, then Put on the ASAP list.</source>
        <translation>Wählen Sie zuerst den Termin des Patienten und dann Auf die ASAP-Liste setzen.</translation>
    </message>
</context>
<context>
    <name>AsapEntry</name>
    <message>
        <source>ASAP entry</source>
        <translation>ASAP-Eintrag</translation>
    </message>
    <message>
        <source>Put on the ASAP list</source>
        <translation>Auf die ASAP-Liste setzen</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Type a name or phone to find the patient</source>
        <translation>Name oder Telefon eingeben, um den Patienten zu finden</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>Buchungssystem</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Provider or resource</source>
        <translation>Behandler oder Ressource</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>What to correct</source>
        <translation>Was zu korrigieren ist</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Booking &amp;system</source>
        <translation>Buchungs&amp;system</translation>
    </message>
    <message>
        <source>S&amp;ervice</source>
        <translation>&amp;Leistung</translation>
    </message>
    <message>
        <source>&amp;With</source>
        <translation>&amp;Bei</translation>
    </message>
    <message>
        <source>Days (none: any)</source>
        <translation>Tage (keiner: beliebig)</translation>
    </message>
    <message>
        <source>Times (none: any)</source>
        <translation>Zeiten (keine: beliebig)</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Wants an earlier time than a booking they hold: a freed slot is offered as a move of that booking.</source>
        <translation>Möchte einen früheren Termin als den gebuchten: Ein frei gewordener Termin wird als Verschiebung dieser Buchung angeboten.</translation>
    </message>
    <message>
        <source>{service} ({minutes} min)</source>
        <translation>{service} ({minutes} Min.)</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Another desk removed or changed this entry meanwhile; close this and open it again from the ASAP list.</source>
        <translation>Ein anderer Empfang hat diesen Eintrag inzwischen entfernt oder geändert; schließen Sie dies und öffnen Sie ihn erneut über die ASAP-Liste.</translation>
    </message>
    <message>
        <source>The desk could not save this entry; try again.</source>
        <translation>Der Empfang konnte diesen Eintrag nicht speichern; bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>AsapOffer</name>
    <message numerus="yes">
        <source>%n freed slot(s)</source>
        <translation>
            <numerusform>%n frei gewordener Termin</numerusform>
            <numerusform>%n frei gewordene Termine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) on the ASAP list who could take it, nearest first (the earliest “until”, then the longest waiting).</source>
        <translation>
            <numerusform>%n Patient auf der ASAP-Liste, der ihn nehmen könnte, die nächsten zuerst (das früheste „bis“, dann die am längsten Wartenden).</numerusform>
            <numerusform>%n Patienten auf der ASAP-Liste, die ihn nehmen könnten, die nächsten zuerst (das früheste „bis“, dann die am längsten Wartenden).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A freed slot: %n patient(s) on the ASAP list could take it.</source>
        <translation>
            <numerusform>Ein Termin ist frei geworden: %n Patient auf der ASAP-Liste könnte ihn nehmen.</numerusform>
            <numerusform>Ein Termin ist frei geworden: %n Patienten auf der ASAP-Liste könnten ihn nehmen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Holds a later booking on another booking system: Book books this slot, then cancels that booking (a booking cannot move between booking systems).</source>
        <translation>Hat einen späteren Termin in einem anderen Buchungssystem: Buchen bucht diesen Termin und sagt den späteren dann ab (ein Termin kann nicht zwischen Buchungssystemen verschoben werden).</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Patients on the ASAP list the freed slot suits</source>
        <translation>Patienten auf der ASAP-Liste, denen der frei gewordene Termin passt</translation>
    </message>
    <message>
        <source>The chosen offer</source>
        <translation>Das gewählte Angebot</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Holds a later booking: Book moves it here</source>
        <translation>Hat einen späteren Termin: Buchen verschiebt ihn hierher</translation>
    </message>
    <message>
        <source>No freed slot to fill just now.</source>
        <translation>Gerade ist kein frei gewordener Termin zu füllen.</translation>
    </message>
    <message>
        <source>{patient} can come {wishes}</source>
        <translation>{patient} kann kommen: {wishes}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
    <message>
        <source>Holds a later booking: it is moved here, not booked twice.</source>
        <translation>Hat einen späteren Termin: Er wird hierher verschoben, nicht doppelt gebucht.</translation>
    </message>
    <message>
        <source>&amp;Move here</source>
        <translation>&amp;Hierher verschieben</translation>
    </message>
    <message>
        <source>Fill a freed slot</source>
        <translation>Frei gewordenen Termin füllen</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Wird gebucht…</translation>
    </message>
    <message>
        <source>{patient} moved; it will be sent shortly.</source>
        <translation>{patient} verschoben; es wird in Kürze gesendet.</translation>
    </message>
    <message>
        <source>{patient} booked, and their later booking cancelled; both will be sent shortly.</source>
        <translation>{patient} gebucht und der spätere Termin abgesagt; beides wird in Kürze gesendet.</translation>
    </message>
    <message>
        <source>{patient} booked; it will be sent shortly.</source>
        <translation>{patient} gebucht; es wird in Kürze gesendet.</translation>
    </message>
    <message>
        <source>From the ASAP list: {patient} moved.</source>
        <translation>Von der ASAP-Liste: {patient} verschoben.</translation>
    </message>
    <message>
        <source>From the ASAP list: {patient} booked.</source>
        <translation>Von der ASAP-Liste: {patient} gebucht.</translation>
    </message>
    <message>
        <source>Not booked: {why}</source>
        <translation>Nicht gebucht: {why}</translation>
    </message>
    <message>
        <source>Not booked: the desk could not save it; try again.</source>
        <translation>Nicht gebucht: Der Empfang konnte es nicht speichern; bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>AsapWindow</name>
    <message numerus="yes">
        <source>%n patient(s) waiting</source>
        <translation>
            <numerusform>%n Patient wartet</numerusform>
            <numerusform>%n Patienten warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n hidden by the filter</source>
        <translation>
            <numerusform>; %n durch den Filter ausgeblendet</numerusform>
            <numerusform>; %n durch den Filter ausgeblendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n expired (greyed)</source>
        <translation>
            <numerusform>; %n abgelaufen (grau)</numerusform>
            <numerusform>; %n abgelaufen (grau)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n expired patient(s) from the ASAP list?</source>
        <translation>
            <numerusform>%n abgelaufenen Patienten von der ASAP-Liste entfernen?</numerusform>
            <numerusform>%n abgelaufene Patienten von der ASAP-Liste entfernen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) removed from the list.</source>
        <translation>
            <numerusform>%n Patient von der Liste entfernt.</numerusform>
            <numerusform>%n Patienten von der Liste entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Bei</translation>
    </message>
    <message>
        <source>Can come</source>
        <translation>Kann kommen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>ASAP list</source>
        <translation>ASAP-Liste</translation>
    </message>
    <message>
        <source>Filter: name, phone, service or note</source>
        <translation>Filter: Name, Telefon, Leistung oder Notiz</translation>
    </message>
    <message>
        <source>Filter the ASAP list</source>
        <translation>ASAP-Liste filtern</translation>
    </message>
    <message>
        <source>Patients waiting for an earlier time</source>
        <translation>Patienten, die auf einen früheren Termin warten</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove e&amp;xpired</source>
        <translation>&amp;Abgelaufene entfernen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source> (earlier than their booking)</source>
        <translation> (früher als ihr Termin)</translation>
    </message>
    <message>
        <source>{day} by {who}</source>
        <translation>{day} von {who}</translation>
    </message>
    <message>
        <source>Expired: the patient&apos;s last day has passed</source>
        <translation>Abgelaufen: Der letzte Tag des Patienten ist vorbei</translation>
    </message>
    <message>
        <source>Remove e&amp;xpired ({count})</source>
        <translation>&amp;Abgelaufene entfernen ({count})</translation>
    </message>
    <message>
        <source>Remove expired entries</source>
        <translation>Abgelaufene Einträge entfernen</translation>
    </message>
    <message>
        <source>Not removed: the desk could not save it.</source>
        <translation>Nicht entfernt: Der Empfang konnte es nicht speichern.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Any event</source>
        <translation>Jedes Ereignis</translation>
    </message>
    <message>
        <source>Patient or booking</source>
        <translation>Patient oder Buchung</translation>
    </message>
    <message>
        <source>Patient (name, phone, email) or booking id</source>
        <translation>Patient (Name, Telefon, E-Mail) oder Buchungs-ID</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Mitarbeiter</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Ereignis</translation>
    </message>
    <message>
        <source>Audit lines</source>
        <translation>Protokollzeilen</translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation>&amp;Neuere</translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation>Ä&amp;ltere</translation>
    </message>
    <message>
        <source>Lines shown</source>
        <translation>Angezeigte Zeilen</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Als &amp;CSV speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Times are the clinic&apos;s. The trail can only grow: nothing in it can be changed or removed. The patient is the booking&apos;s as the desk holds it now.</source>
        <translation>Die Zeiten sind die der Praxis. Das Protokoll kann nur wachsen: Nichts darin kann geändert oder entfernt werden. Der Patient ist der der Buchung, wie der Empfang sie jetzt führt.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Lines {shown} of {total}</source>
        <translation>Zeilen {shown} von {total}</translation>
    </message>
    <message>
        <source>Save the audit trail</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Nicht gespeichert: {why}</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) saved to {path}.</source>
        <translation>
            <numerusform>%n Zeile in {path} gespeichert.</numerusform>
            <numerusform>%n Zeilen in {path} gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Visit status</source>
        <translation>Besuchsstatus</translation>
    </message>
    <message>
        <source>Refused change sent again</source>
        <translation>Abgelehnte Änderung erneut gesendet</translation>
    </message>
    <message>
        <source>Refused change given up</source>
        <translation>Abgelehnte Änderung verworfen</translation>
    </message>
    <message>
        <source>Unknown outcome settled</source>
        <translation>Unklarer Ausgang geklärt</translation>
    </message>
    <message>
        <source>Clash settled</source>
        <translation>Konflikt gelöst</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Notiz hinzugefügt</translation>
    </message>
    <message>
        <source>Changed in its window</source>
        <translation>Im Terminfenster geändert</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Day sheet printed</source>
        <translation>Tagesliste gedruckt</translation>
    </message>
    <message>
        <source>Patient&apos;s details opened</source>
        <translation>Patientendaten geöffnet</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>Empfang gesperrt</translation>
    </message>
    <message>
        <source>Staff member added</source>
        <translation>Mitarbeiter hinzugefügt</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN zurückgesetzt</translation>
    </message>
    <message>
        <source>Staff member disabled</source>
        <translation>Mitarbeiter deaktiviert</translation>
    </message>
    <message>
        <source>Staff member enabled</source>
        <translation>Mitarbeiter aktiviert</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Protokoll exportiert</translation>
    </message>
    <message>
        <source>Put on the ASAP list</source>
        <translation>Auf die Nachrückliste gesetzt</translation>
    </message>
    <message>
        <source>ASAP entry changed</source>
        <translation>Eintrag der Nachrückliste geändert</translation>
    </message>
    <message>
        <source>Taken off the ASAP list</source>
        <translation>Von der Nachrückliste genommen</translation>
    </message>
    <message>
        <source>Patient&apos;s confirmation</source>
        <translation>Bestätigung des Patienten</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Ankunft</translation>
    </message>
    <message>
        <source>Blockout added</source>
        <translation>Sperrzeit hinzugefügt</translation>
    </message>
    <message>
        <source>Blockout changed</source>
        <translation>Sperrzeit geändert</translation>
    </message>
    <message>
        <source>Blockout removed</source>
        <translation>Sperrzeit entfernt</translation>
    </message>
    <message>
        <source>Put on the pinboard</source>
        <translation>An die Pinnwand geheftet</translation>
    </message>
    <message>
        <source>Taken off the pinboard</source>
        <translation>Von der Pinnwand genommen</translation>
    </message>
    <message>
        <source>Clinic columns changed</source>
        <translation>Praxisspalten geändert</translation>
    </message>
</context>
<context>
    <name>AuditLines</name>
    <message>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>patient&apos;s name</source>
        <translation>Name des Patienten</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>visit status</source>
        <translation>Besuchsstatus</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>patient&apos;s answer</source>
        <translation>Antwort des Patienten</translation>
    </message>
    <message>
        <source>arrived at</source>
        <translation>eingetroffen um</translation>
    </message>
    <message>
        <source>in the chair at</source>
        <translation>im Behandlungsstuhl seit</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>order of the columns</source>
        <translation>Reihenfolge der Spalten</translation>
    </message>
    <message>
        <source>order of the views</source>
        <translation>Reihenfolge der Ansichten</translation>
    </message>
    <message>
        <source>column {name}</source>
        <translation>Spalte {name}</translation>
    </message>
    <message>
        <source>resource {name}</source>
        <translation>Ressource {name}</translation>
    </message>
    <message>
        <source>view {name}</source>
        <translation>Ansicht {name}</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>the booking</source>
        <translation>die Buchung</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>die Verschiebung</translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation>die Absage</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>der Status</translation>
    </message>
    <message>
        <source>the patient&apos;s record</source>
        <translation>der Patientendatensatz</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>the appointment&apos;s window</source>
        <translation>das Terminfenster</translation>
    </message>
    <message>
        <source>the details panel</source>
        <translation>die Detailansicht</translation>
    </message>
    <message>
        <source>the first administrator, at the first start</source>
        <translation>der erste Administrator, beim ersten Start</translation>
    </message>
    <message>
        <source>unknown name</source>
        <translation>unbekannter Name</translation>
    </message>
    <message>
        <source>locked out</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>falsche PIN</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>entsperrt</translation>
    </message>
    <message>
        <source>when the desk started</source>
        <translation>beim Start des Empfangs</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>nach Untätigkeit</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>die Demo</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>the demo clinic&apos;s columns</source>
        <translation>die Spalten der Demo-Praxis</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>eingetroffen</translation>
    </message>
    <message>
        <source>back to waiting</source>
        <translation>zurück ins Wartezimmer</translation>
    </message>
    <message>
        <source>in the chair</source>
        <translation>im Behandlungsstuhl</translation>
    </message>
    <message>
        <source>seen (completed)</source>
        <translation>behandelt (abgeschlossen)</translation>
    </message>
    <message>
        <source>cancelled meanwhile</source>
        <translation>inzwischen abgesagt</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>eine Notiz</translation>
    </message>
    <message>
        <source>kept the desk&apos;s version</source>
        <translation>Fassung des Empfangs behalten</translation>
    </message>
    <message>
        <source>took the booking system&apos;s version</source>
        <translation>Fassung des Buchungssystems übernommen</translation>
    </message>
    <message>
        <source>it arrived</source>
        <translation>ist angekommen</translation>
    </message>
    <message>
        <source>cancelled the booking; nothing more is sent</source>
        <translation>Buchung abgesagt; es wird nichts mehr gesendet</translation>
    </message>
    <message>
        <source>with the following of its series</source>
        <translation>mit den folgenden Terminen der Serie</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>removed from the list</source>
        <translation>von der Liste genommen</translation>
    </message>
    <message>
        <source>booked in a freed slot</source>
        <translation>in einer frei gewordenen Zeit gebucht</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>whole clinic</source>
        <translation>ganze Praxis</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>day sheet</source>
        <translation>Tagesliste</translation>
    </message>
    <message>
        <source>(a name nobody has)</source>
        <translation>(ein Name, den niemand hat)</translation>
    </message>
    <message>
        <source>day sheet of {day}, {count} appointments, to the printer</source>
        <translation>Tagesliste vom {day}, {count} Termine, an den Drucker</translation>
    </message>
    <message>
        <source>day sheet of {day}, {count} appointments, as a PDF ({file})</source>
        <translation>Tagesliste vom {day}, {count} Termine, als PDF ({file})</translation>
    </message>
    <message>
        <source>confirmation list of {day}, {count} appointments</source>
        <translation>Bestätigungsliste vom {day}, {count} Termine</translation>
    </message>
    <message>
        <source>{title}: {count} appointments, {format}, {file}</source>
        <translation>{title}: {count} Termine, {format}, {file}</translation>
    </message>
    <message>
        <source>{count} lines to {file} ({asked})</source>
        <translation>{count} Zeilen nach {file} ({asked})</translation>
    </message>
    <message>
        <source>{count} lines to {file}</source>
        <translation>{count} Zeilen nach {file}</translation>
    </message>
    <message>
        <source>took over from {name}</source>
        <translation>übernommen von {name}</translation>
    </message>
    <message>
        <source>for {name}</source>
        <translation>für {name}</translation>
    </message>
    <message>
        <source>ASAP entry {id}: {why}</source>
        <translation>Eintrag der Nachrückliste {id}: {why}</translation>
    </message>
    <message>
        <source>ASAP entry {id}</source>
        <translation>Eintrag der Nachrückliste {id}</translation>
    </message>
    <message>
        <source>from {file}</source>
        <translation>aus {file}</translation>
    </message>
    <message>
        <source>series {id}, {number} of {total}</source>
        <translation>Serie {id}, {number} von {total}</translation>
    </message>
    <message>
        <source>booked at the desk, {number} of {total} in a series</source>
        <translation>am Empfang gebucht, {number} von {total} einer Serie</translation>
    </message>
    <message>
        <source>to {instant}, with the following of its series</source>
        <translation>auf {instant}, mit den folgenden Terminen der Serie</translation>
    </message>
    <message>
        <source>{reason}; with the following of its series</source>
        <translation>{reason}; mit den folgenden Terminen der Serie</translation>
    </message>
    <message>
        <source>to {instant}</source>
        <translation>auf {instant}</translation>
    </message>
    <message>
        <source>{parts} (kept at the desk)</source>
        <translation>{parts} (nur am Empfang gespeichert)</translation>
    </message>
    <message>
        <source>{parts}; to {instant}</source>
        <translation>{parts}; auf {instant}</translation>
    </message>
    <message>
        <source>{parts}</source>
        <translation>{parts}</translation>
    </message>
    <message>
        <source>kept at the desk only; {system} still has it as booked</source>
        <translation>nur am Empfang vermerkt; in {system} weiterhin als gebucht</translation>
    </message>
    <message>
        <source>kept at the desk only: {system} has no &quot;{status}&quot; status</source>
        <translation>nur am Empfang vermerkt: {system} kennt den Status „{status}“ nicht</translation>
    </message>
    <message>
        <source>arrival undone ({status})</source>
        <translation>Eintreffen zurückgenommen ({status})</translation>
    </message>
    <message>
        <source>kept at {instant} until placed</source>
        <translation>bis zum Einplanen auf {instant} belassen</translation>
    </message>
    <message>
        <source>placed at {instant}</source>
        <translation>eingeplant auf {instant}</translation>
    </message>
    <message>
        <source>left at {instant}</source>
        <translation>auf {instant} belassen</translation>
    </message>
    <message>
        <source>kept at {when} until placed</source>
        <translation>bis zum Einplanen auf {when} belassen</translation>
    </message>
    <message>
        <source>placed at {when}</source>
        <translation>eingeplant auf {when}</translation>
    </message>
    <message>
        <source>left at {when}</source>
        <translation>auf {when} belassen</translation>
    </message>
    <message>
        <source>it arrived (remote id {id})</source>
        <translation>ist angekommen (ID im Buchungssystem {id})</translation>
    </message>
    <message>
        <source>it did not arrive: {kind} sent again</source>
        <translation>ist nicht angekommen: {kind} erneut gesendet</translation>
    </message>
    <message>
        <source>from {instant}</source>
        <translation>ab {instant}</translation>
    </message>
    <message>
        <source>until {instant}</source>
        <translation>bis {instant}</translation>
    </message>
    <message>
        <source>staff {name}</source>
        <translation>Mitarbeiter {name}</translation>
    </message>
    <message>
        <source>event {event}</source>
        <translation>Ereignis {event}</translation>
    </message>
    <message>
        <source>patient or booking {subject}</source>
        <translation>Patient oder Buchung {subject}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>Stuhl</translation>
    </message>
    <message>
        <source>room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
</context>
<context>
    <name>BlockoutActions</name>
    <message>
        <source>&amp;Block this time…</source>
        <translation>Diese Zeit &amp;blocken…</translation>
    </message>
    <message>
        <source>Keep the picked time free at this desk (lunch, a meeting, a closed chair)</source>
        <translation>Die gewählte Zeit an diesem Empfang freihalten (Mittagspause, Besprechung, geschlossener Stuhl)</translation>
    </message>
    <message>
        <source>Calendar menu</source>
        <translation>Kalendermenü</translation>
    </message>
    <message>
        <source>Change or remove blockout…</source>
        <translation>Blockzeit ändern oder entfernen…</translation>
    </message>
    <message>
        <source>Block this time…</source>
        <translation>Diese Zeit blocken…</translation>
    </message>
</context>
<context>
    <name>BlockoutDialog</name>
    <message>
        <source>Lunch</source>
        <translation>Mittagspause</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>Closed chair / room</source>
        <translation>Stuhl / Raum geschlossen</translation>
    </message>
    <message>
        <source>Other (say what)</source>
        <translation>Sonstiges (bitte angeben)</translation>
    </message>
    <message>
        <source>Change blockout</source>
        <translation>Blockzeit ändern</translation>
    </message>
    <message>
        <source>Block this time</source>
        <translation>Diese Zeit blocken</translation>
    </message>
    <message>
        <source>Blockout</source>
        <translation>Blockzeit</translation>
    </message>
    <message>
        <source>Keep a time free at this desk. The desk books nothing here and the openings finder skips it; the booking systems are not told (their own rules still apply).</source>
        <translation>Eine Zeit an diesem Empfang freihalten. Der Empfang bucht hier nichts und die Suche nach freien Zeiten überspringt sie; die Buchungssysteme erfahren davon nichts (ihre eigenen Regeln gelten weiter).</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Whole clinic (every column)</source>
        <translation>Ganze Praxis (jede Spalte)</translation>
    </message>
    <message>
        <source>&amp;Column</source>
        <translation>&amp;Spalte</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From (clinic time)</source>
        <translation>Von (Praxiszeit)</translation>
    </message>
    <message>
        <source>To (clinic time)</source>
        <translation>Bis (Praxiszeit)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>e.g. team huddle, chair 2 being repaired</source>
        <translation>z. B. Teambesprechung, Stuhl 2 in Reparatur</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>For how many weeks</source>
        <translation>Für wie viele Wochen</translation>
    </message>
    <message>
        <source>or until</source>
        <translation>oder bis</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Bookings in this time</source>
        <translation>Buchungen in dieser Zeit</translation>
    </message>
    <message>
        <source>Messages about this blockout</source>
        <translation>Meldungen zu dieser Blockzeit</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Blocken</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>A column no longer shown</source>
        <translation>Eine nicht mehr angezeigte Spalte</translation>
    </message>
    <message>
        <source>The desk could not save this; try again.</source>
        <translation>Der Empfang konnte dies nicht speichern; bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>Blockouts</name>
    <message>
        <source>This blockout was just changed or removed at another desk. Look at it again.</source>
        <translation>Diese Blockzeit wurde gerade an einem anderen Empfang geändert oder entfernt. Sehen Sie sie sich erneut an.</translation>
    </message>
    <message>
        <source>1 booking lies in this time in its first {weeks} weeks.</source>
        <translation>1 Buchung liegt in den ersten {weeks} Wochen in dieser Zeit.</translation>
    </message>
    <message>
        <source>1 booking lies in this time.</source>
        <translation>1 Buchung liegt in dieser Zeit.</translation>
    </message>
    <message>
        <source>They stay booked; move or cancel them yourself if need be.</source>
        <translation>Sie bleiben gebucht; verschieben oder sagen Sie sie bei Bedarf selbst ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n bookings lie in this time in its first {weeks} weeks.</source>
        <translation>
            <numerusform>%n Buchung liegt in den ersten {weeks} Wochen in dieser Zeit.</numerusform>
            <numerusform>%n Buchungen liegen in den ersten {weeks} Wochen in dieser Zeit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bookings lie in this time.</source>
        <translation>
            <numerusform>%n Buchung liegt in dieser Zeit.</numerusform>
            <numerusform>%n Buchungen liegen in dieser Zeit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Mittagspause</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>Closed chair</source>
        <translation>Stuhl geschlossen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>Every weekday (Mon–Fri)</source>
        <translation>Jeden Werktag (Mo–Fr)</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Jede Woche</translation>
    </message>
</context>
<context>
    <name>Blocks</name>
    <message>
        <source>synced</source>
        <translation>synchronisiert</translation>
    </message>
    <message>
        <source>pencilled</source>
        <translation>vorgemerkt</translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>da</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>Pencilled: saved at this desk, not yet confirmed by the booking system</source>
        <translation>Vorgemerkt: an diesem Empfang gespeichert, vom Buchungssystem noch nicht bestätigt</translation>
    </message>
    <message>
        <source>Confirmed by the booking system</source>
        <translation>Vom Buchungssystem bestätigt</translation>
    </message>
    <message>
        <source>Held by the booking system, awaiting confirmation</source>
        <translation>Vom Buchungssystem reserviert, Bestätigung ausstehend</translation>
    </message>
    <message>
        <source>Needs attention: the booking system refused it</source>
        <translation>Prüfung nötig: Das Buchungssystem hat den Termin abgelehnt</translation>
    </message>
    <message>
        <source>Outcome unknown: sent, no answer came back; settle it</source>
        <translation>Ergebnis unbekannt: gesendet, keine Antwort erhalten; bitte klären</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Eingetroffen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Unknown service</source>
        <translation>Unbekannte Leistung</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Next free times</source>
        <translation>Nächste freie Zeiten</translation>
    </message>
    <message>
        <source>Pick one to fill in the place and time.</source>
        <translation>Wählen Sie eine, um Ort und Zeit einzutragen.</translation>
    </message>
    <message>
        <source>No free time in the cached calendar; type a time below.</source>
        <translation>Keine freie Zeit im zwischengespeicherten Kalender; geben Sie unten eine Zeit ein.</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n frei</numerusform>
            <numerusform>%n frei</numerusform>
        </translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Vor- und Nachname</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>The booking could not be saved on this computer. What you typed is still here; try Save again, and call support if it keeps failing.</source>
        <translation>Die Buchung konnte auf diesem Computer nicht gespeichert werden. Ihre Eingaben sind noch da; versuchen Sie erneut zu speichern und rufen Sie den Support an, wenn es weiter fehlschlägt.</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Neue Buchung</translation>
    </message>
    <message>
        <source>Booking &amp;system</source>
        <translation>Buchungs&amp;system</translation>
    </message>
    <message>
        <source>Ser&amp;vice</source>
        <translation>&amp;Leistung</translation>
    </message>
    <message>
        <source>&amp;Free times</source>
        <translation>&amp;Freie Zeiten</translation>
    </message>
    <message>
        <source>Wit&amp;h</source>
        <translation>Bei (&amp;h)</translation>
    </message>
    <message>
        <source>&amp;Branch</source>
        <translation>&amp;Filiale</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time (clinic time)</source>
        <translation>Zeit (Praxiszeit)</translation>
    </message>
    <message>
        <source>Patient &amp;name</source>
        <translation>Patienten&amp;name</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>&amp;Save booking</source>
        <translation>Buchung &amp;speichern</translation>
    </message>
    <message>
        <source>Save booking</source>
        <translation>Buchung speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No booking system is connected yet.</source>
        <translation>Es ist noch kein Buchungssystem verbunden.</translation>
    </message>
    <message>
        <source>Choose a service to see the next free times.</source>
        <translation>Wählen Sie eine Leistung, um die nächsten freien Zeiten zu sehen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>Known patients</source>
        <translation>Bekannte Patienten</translation>
    </message>
    <message>
        <source>Patients seen before who match what is typed.</source>
        <translation>Bereits bekannte Patienten, die zur Eingabe passen.</translation>
    </message>
    <message numerus="yes">
        <source>Booked %n time(s); use this patient</source>
        <translation>
            <numerusform>%n-mal gebucht; diesen Patienten übernehmen</numerusform>
            <numerusform>%n-mal gebucht; diesen Patienten übernehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes can be at most 2000 characters.</source>
        <translation>Notizen dürfen höchstens 2000 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Bitte prüfen Sie dieses Feld.</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>bis {time}</translation>
    </message>
    <message>
        <source>Messages about this booking</source>
        <translation>Hinweise zu dieser Buchung</translation>
    </message>
    <message>
        <source>{field} message</source>
        <translation>Hinweis zu {field}</translation>
    </message>
    <message>
        <source>Time zone and end time</source>
        <translation>Zeitzone und Endzeit</translation>
    </message>
    <message>
        <source>Discard this booking?</source>
        <translation>Diese Buchung verwerfen?</translation>
    </message>
    <message>
        <source>What you typed has not been saved.</source>
        <translation>Ihre Eingaben wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Choose a service…</source>
        <translation>Leistung wählen…</translation>
    </message>
    <message>
        <source>{name} ({minutes} min)</source>
        <translation>{name} ({minutes} Min.)</translation>
    </message>
    <message>
        <source>Choose a column…</source>
        <translation>Spalte wählen …</translation>
    </message>
    <message>
        <source>Choose a branch…</source>
        <translation>Standort wählen…</translation>
    </message>
</context>
<context>
    <name>ChangeDialogs</name>
    <message>
        <source>The desk could not save this change; try again.</source>
        <translation>Der Empfang konnte diese Änderung nicht speichern; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>{count} left</source>
        <translation>{count} frei</translation>
    </message>
    <message>
        <source>Move {patient}&apos;s appointment</source>
        <translation>Termin von {patient} verschieben</translation>
    </message>
    <message>
        <source>Move appointment</source>
        <translation>Termin verschieben</translation>
    </message>
    <message>
        <source>Now: &lt;b&gt;{when}&lt;/b&gt;. Pick one of the nearest openings, or type a time.</source>
        <translation>Jetzt: &lt;b&gt;{when}&lt;/b&gt;. Wählen Sie eine der nächsten freien Zeiten oder geben Sie eine Zeit ein.</translation>
    </message>
    <message>
        <source>Nearest openings</source>
        <translation>Nächste freie Zeiten</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Neues Datum</translation>
    </message>
    <message>
        <source>New time (clinic time)</source>
        <translation>Neue Zeit (Praxiszeit)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wann</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation>W&amp;o</translation>
    </message>
    <message>
        <source>Messages about this move</source>
        <translation>Meldungen zu dieser Verschiebung</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>No free time found in the cached calendar.</source>
        <translation>Im zwischengespeicherten Kalender wurde keine freie Zeit gefunden.</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>Cancel &lt;b&gt;{patient}&lt;/b&gt;&apos;s appointment on {day} at {time}?</source>
        <translation>Den Termin von &lt;b&gt;{patient}&lt;/b&gt; am {day} um {time} absagen?</translation>
    </message>
    <message>
        <source>Optional: why (kept in the booking&apos;s history)</source>
        <translation>Optional: warum (wird im Verlauf der Buchung festgehalten)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Cancellation rules</source>
        <translation>Absageregeln</translation>
    </message>
    <message>
        <source>Cancel the &amp;appointment</source>
        <translation>&amp;Termin absagen</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>{count} appointments are cancelled together.</source>
        <translation>{count} Termine werden zusammen abgesagt.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Stuhl</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Chairs</source>
        <translation>Stühle</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Views (“Everything” always exists, first)</source>
        <translation>Ansichten („Alles“ gibt es immer, als erste)</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>A&amp;dd view</source>
        <translation>Ansicht &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve view</source>
        <translation>Ansicht &amp;entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Its columns (tick; drag or Up/Down to order)</source>
        <translation>Ihre Spalten (ankreuzen; ziehen oder Nach oben/Nach unten zum Ordnen)</translation>
    </message>
    <message>
        <source>The view&apos;s columns</source>
        <translation>Die Spalten der Ansicht</translation>
    </message>
    <message>
        <source>Column up</source>
        <translation>Spalte nach oben</translation>
    </message>
    <message>
        <source>Column down</source>
        <translation>Spalte nach unten</translation>
    </message>
    <message>
        <source>View {n}</source>
        <translation>Ansicht {n}</translation>
    </message>
    <message>
        <source>Column &amp;view</source>
        <translation>Spalten&amp;ansicht</translation>
    </message>
    <message>
        <source>Column view</source>
        <translation>Spaltenansicht</translation>
    </message>
    <message>
        <source>Show the columns of the view “{view}”</source>
        <translation>Die Spalten der Ansicht „{view}“ zeigen</translation>
    </message>
    <message>
        <source>The clinic&apos;s columns are saved.</source>
        <translation>Die Spalten der Praxis sind gespeichert.</translation>
    </message>
    <message>
        <source>Columns not saved: {why}</source>
        <translation>Spalten nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>The columns could not be saved; the log says why.</source>
        <translation>Die Spalten konnten nicht gespeichert werden; das Protokoll nennt den Grund.</translation>
    </message>
    <message>
        <source>Clinic &amp;columns…</source>
        <translation>Praxis&amp;spalten…</translation>
    </message>
    <message>
        <source>The clinic&apos;s providers, chairs and rooms, the booking systems&apos; resources shown in each, and the saved views</source>
        <translation>Behandler, Stühle und Räume der Praxis, die Ressourcen der Buchungssysteme in jeder Spalte und die gespeicherten Ansichten</translation>
    </message>
    <message>
        <source>Clinic columns</source>
        <translation>Praxisspalten</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Booking systems&apos; resources</source>
        <translation>&amp;Ressourcen der Buchungssysteme</translation>
    </message>
    <message>
        <source>&amp;Views</source>
        <translation>&amp;Ansichten</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s columns.</source>
        <translation>Nur eine Administratorin oder ein Administrator kann die Spalten der Praxis ändern.</translation>
    </message>
    <message>
        <source>The clinic&apos;s columns, in order</source>
        <translation>Die Spalten der Praxis, in ihrer Reihenfolge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Ausgeblendet</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>C&amp;olour…</source>
        <translation>&amp;Farbe…</translation>
    </message>
    <message>
        <source>A column for &amp;each</source>
        <translation>Eine Spalte für &amp;jede</translation>
    </message>
    <message>
        <source>A column of its own for each resource no column shows yet</source>
        <translation>Eine eigene Spalte für jede Ressource, die noch keine Spalte zeigt</translation>
    </message>
    <message>
        <source>Each booking system&apos;s provider, room or calendar is shown in the clinic&apos;s column chosen here; several may share one (a dentist on two booking systems).</source>
        <translation>Behandler, Raum oder Kalender jedes Buchungssystems werden in der hier gewählten Spalte der Praxis gezeigt; mehrere können sich eine teilen (eine Zahnärztin in zwei Buchungssystemen).</translation>
    </message>
    <message>
        <source>Which column each resource is shown in</source>
        <translation>In welcher Spalte jede Ressource gezeigt wird</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>Buchungssystem</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Shown in</source>
        <translation>Gezeigt in</translation>
    </message>
    <message>
        <source>Kind of {name}</source>
        <translation>Art von {name}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Column of {name}</source>
        <translation>Spalte von {name}</translation>
    </message>
    <message>
        <source>Its own column</source>
        <translation>Eine eigene Spalte</translation>
    </message>
    <message>
        <source>New column {n}</source>
        <translation>Neue Spalte {n}</translation>
    </message>
    <message>
        <source>Column colour</source>
        <translation>Spaltenfarbe</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ConfirmationList</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Patient&apos;s answer</source>
        <translation>Antwort des Patienten</translation>
    </message>
    <message>
        <source>not called yet</source>
        <translation>noch nicht angerufen</translation>
    </message>
    <message>
        <source>Confirmation list</source>
        <translation>Bestätigungsliste</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>&amp;Tomorrow</source>
        <translation>&amp;Morgen</translation>
    </message>
    <message>
        <source>&amp;Show confirmed</source>
        <translation>Bestätigte &amp;zeigen</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <source>Appointments to confirm</source>
        <translation>Zu bestätigende Termine</translation>
    </message>
    <message>
        <source>Confirmed (C)</source>
        <translation>Bestätigt (C)</translation>
    </message>
    <message>
        <source>Left message (M)</source>
        <translation>Nachricht hinterlassen (M)</translation>
    </message>
    <message>
        <source>No answer (N)</source>
        <translation>Keine Antwort (N)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Call each patient, then press C (confirmed), M (left a message) or N (no answer): the next row is selected. The booking system&apos;s own confirmation is apart: the calendar&apos;s solid blocks.</source>
        <translation>Rufen Sie jeden Patienten an und drücken Sie dann C (bestätigt), M (Nachricht hinterlassen) oder N (keine Antwort): Die nächste Zeile wird ausgewählt. Die Bestätigung des Buchungssystems ist davon getrennt: die ausgefüllten Blöcke im Kalender.</translation>
    </message>
    <message>
        <source>No appointments on {day}</source>
        <translation>Keine Termine am {day}</translation>
    </message>
    <message>
        <source>Everyone on {day} has confirmed.</source>
        <translation>Alle am {day} haben bestätigt.</translation>
    </message>
    <message>
        <source>Nobody to call on {day}.</source>
        <translation>Am {day} ist niemand anzurufen.</translation>
    </message>
    <message>
        <source>Not kept: the desk could not save this; try again.</source>
        <translation>Nicht festgehalten: Der Empfang konnte dies nicht speichern; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Con&amp;firmation list…</source>
        <translation>&amp;Bestätigungsliste…</translation>
    </message>
    <message>
        <source>Call tomorrow&apos;s patients: C confirmed, M left a message, N no answer</source>
        <translation>Die Patienten von morgen anrufen: C bestätigt, M Nachricht hinterlassen, N keine Antwort</translation>
    </message>
</context>
<context>
    <name>ConfirmationPrint</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>C / M / N</source>
        <translation>C / M / N</translation>
    </message>
    <message>
        <source>Confirmation list — {day}</source>
        <translation>Bestätigungsliste — {day}</translation>
    </message>
    <message>
        <source>printed {when}</source>
        <translation>gedruckt {when}</translation>
    </message>
    <message>
        <source>C = confirmed, M = left a message, N = no answer.</source>
        <translation>C = bestätigt, M = Nachricht hinterlassen, N = keine Antwort.</translation>
    </message>
    <message>
        <source>Print the confirmation list</source>
        <translation>Bestätigungsliste drucken</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>{calls} to call, {confirmed} confirmed</source>
        <translation>{calls} anzurufen, {confirmed} bestätigt</translation>
    </message>
    <message>
        <source>From the desk&apos;s patient records: this booking&apos;s system keeps no phone number.</source>
        <translation>Aus der Patientenkartei des Empfangs: Das Buchungssystem dieses Termins speichert keine Telefonnummer.</translation>
    </message>
    <message>
        <source>several numbers on file</source>
        <translation>mehrere Nummern gespeichert</translation>
    </message>
    <message>
        <source>This booking has no phone number and the patient records hold several for this name: use Find patient (Ctrl+F) to pick the right one.</source>
        <translation>Dieser Termin hat keine Telefonnummer, und die Patientenkartei hat mehrere für diesen Namen: Wählen Sie mit „Patient suchen“ (Strg+F) die richtige.</translation>
    </message>
    <message>
        <source>no phone on file</source>
        <translation>keine Telefonnummer gespeichert</translation>
    </message>
    <message>
        <source>Neither this booking nor the desk&apos;s patient records hold a phone number for this patient.</source>
        <translation>Weder dieser Termin noch die Patientenkartei des Empfangs enthält eine Telefonnummer für diesen Patienten.</translation>
    </message>
    <message>
        <source>This appointment is gone.</source>
        <translation>Dieser Termin ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>This appointment is cancelled: no call is needed.</source>
        <translation>Dieser Termin ist abgesagt: Kein Anruf nötig.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n Anruf</numerusform>
            <numerusform>%n Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Not confirmed by the patient</source>
        <translation>Vom Patienten nicht bestätigt</translation>
    </message>
    <message>
        <source>Confirmed by the patient</source>
        <translation>Vom Patienten bestätigt</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>Nachricht hinterlassen</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>The test failed: {error}</source>
        <translation>Der Test ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add a connection</source>
        <translation>Verbindung &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove the connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove this connection, its cached bookings and its key</source>
        <translation>Diese Verbindung, ihre zwischengespeicherten Buchungen und ihren Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>Buchungssystem</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. Main clinic</source>
        <translation>z. B. Hauptpraxis</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Booking system</source>
        <translation>&amp;Buchungssystem</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>New connection: fill in the details, then Test and Save.</source>
        <translation>Neue Verbindung: Angaben ausfüllen, dann Testen und Speichern.</translation>
    </message>
    <message>
        <source>Kept safely on this computer; type a new one to replace it</source>
        <translation>Sicher auf diesem Computer gespeichert; zum Ersetzen einen neuen eingeben</translation>
    </message>
    <message>
        <source>API &amp;key ({name})</source>
        <translation>API-&amp;Schlüssel ({name})</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>OK.</source>
        <translation>OK.</translation>
    </message>
    <message>
        <source>FrontDesk cannot talk to {provider} yet.</source>
        <translation>FrontDesk kann noch nicht mit {provider} arbeiten.</translation>
    </message>
    <message>
        <source>Check the address: {why}</source>
        <translation>Bitte prüfen Sie die Adresse: {why}</translation>
    </message>
    <message>
        <source>Type the API key.</source>
        <translation>Geben Sie den API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>This address answered, but not like {system}: {why}</source>
        <translation>Diese Adresse hat geantwortet, aber nicht wie {system}: {why}</translation>
    </message>
    <message>
        <source>Cannot reach this address ({why}).</source>
        <translation>Diese Adresse ist nicht erreichbar ({why}).</translation>
    </message>
    <message>
        <source>Connected: {services}, {places}, time zone {zone}.</source>
        <translation>Verbunden: {services}, {places}, Zeitzone {zone}.</translation>
    </message>
    <message numerus="yes">
        <source>%n bookable service(s)</source>
        <translation>
            <numerusform>%n buchbare Leistung</numerusform>
            <numerusform>%n buchbare Leistungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n Standort</numerusform>
            <numerusform>%n Standorte</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the settings: {problems}</source>
        <translation>Bitte prüfen Sie die Einstellungen: {problems}</translation>
    </message>
    <message>
        <source>Cannot reach this address. Check it, and this computer&apos;s internet connection.</source>
        <translation>Diese Adresse ist nicht erreichbar. Bitte prüfen Sie die Adresse und die Internetverbindung dieses Computers.</translation>
    </message>
    <message>
        <source>The booking system refused this API key. ({error})</source>
        <translation>Das Buchungssystem hat diesen API-Schlüssel abgelehnt. ({error})</translation>
    </message>
    <message>
        <source>This API key may not read the calendar; ask for the read scopes. ({error})</source>
        <translation>Dieser API-Schlüssel darf den Kalender nicht lesen; bitte fordern Sie Leserechte an. ({error})</translation>
    </message>
    <message>
        <source>Nothing answers at this address; check the address. ({error})</source>
        <translation>Unter dieser Adresse antwortet nichts; bitte prüfen Sie die Adresse. ({error})</translation>
    </message>
    <message>
        <source>The booking system is busy or failing; try again in a minute. ({error})</source>
        <translation>Das Buchungssystem ist ausgelastet oder gestört; bitte versuchen Sie es in einer Minute erneut. ({error})</translation>
    </message>
    <message>
        <source>Tested and saved.</source>
        <translation>Getestet und gespeichert.</translation>
    </message>
    <message>
        <source>Saved without a test: {message} The desk will try again when the booking system answers.</source>
        <translation>Ohne Test gespeichert: {message} Der Empfang versucht es erneut, sobald das Buchungssystem antwortet.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>The system keyring did not take the key: {why}.</source>
        <translation>Der Schlüsselbund des Systems hat den Schlüssel nicht angenommen: {why}.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>The key is kept in a file only this user account can read, as you chose.</source>
        <translation>Der Schlüssel liegt, wie gewählt, in einer Datei, die nur dieses Benutzerkonto lesen kann.</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>The key is kept in a file only this user account can read (no keyring on this computer).</source>
        <translation>Der Schlüssel liegt in einer Datei, die nur dieses Benutzerkonto lesen kann (kein Schlüsselbund auf diesem Computer).</translation>
    </message>
    <message>
        <source>Fill in: {fields}.</source>
        <translation>Bitte ausfüllen: {fields}.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Remove {name} and lose unsent changes?</source>
        <translation>{name} entfernen und nicht gesendete Änderungen verlieren?</translation>
    </message>
    <message>
        <source>Remove anyway</source>
        <translation>Trotzdem entfernen</translation>
    </message>
    <message>
        <source>These changes have not reached the booking system yet. Sync first (Sync now), and remove the connection once nothing waits.</source>
        <translation>Diese Änderungen haben das Buchungssystem noch nicht erreicht. Synchronisieren Sie zuerst (Jetzt synchronisieren) und entfernen Sie die Verbindung, wenn nichts mehr wartet.</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>{name} entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Keep the API key in a file?</source>
        <translation>API-Schlüssel in einer Datei speichern?</translation>
    </message>
    <message>
        <source>Keep it in a file</source>
        <translation>In einer Datei speichern</translation>
    </message>
    <message>
        <source>Unlock the keyring and Save again, or keep the key in {where}, which only your user account can read. FrontDesk will say so at every start, and move the key into the keyring once it works.</source>
        <translation>Entsperren Sie den Schlüsselbund und speichern Sie erneut, oder speichern Sie den Schlüssel in {where}, das nur Ihr Benutzerkonto lesen kann. FrontDesk weist bei jedem Start darauf hin und verschiebt den Schlüssel in den Schlüsselbund, sobald dieser funktioniert.</translation>
    </message>
    <message>
        <source>the system keyring did not let the key be deleted: {why}. Unlock it and try again.</source>
        <translation>der Schlüsselbund des Systems hat das Löschen des Schlüssels nicht zugelassen: {why}. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not removed: {why}</source>
        <translation>Nicht entfernt: {why}</translation>
    </message>
    <message>
        <source>Removed {name} and its API key.</source>
        <translation>{name} und ihr API-Schlüssel wurden entfernt.</translation>
    </message>
    <message>
        <source>Provider states</source>
        <translation>US-Bundesstaaten der Behandler</translation>
    </message>
    <message>
        <source>US state codes, comma-separated (CA,NY): CareValidate lists the providers of these states</source>
        <translation>US-Bundesstaatenkürzel, durch Kommas getrennt (CA,NY): CareValidate listet die Behandler dieser Staaten</translation>
    </message>
    <message>
        <source>Clinic time zone</source>
        <translation>Zeitzone der Praxis</translation>
    </message>
    <message>
        <source>IANA zone (America/Los_Angeles); also sent as the invitee&apos;s zone. Default UTC</source>
        <translation>IANA-Zone (America/Los_Angeles); wird auch als Zone des Eingeladenen gesendet. Standard: UTC</translation>
    </message>
    <message>
        <source>Meeting location</source>
        <translation>Ort des Termins</translation>
    </message>
    <message>
        <source>google_conference (default), zoom_conference, gotomeeting_conference, microsoft_teams_conference or webex_conference</source>
        <translation>google_conference (Standard), zoom_conference, gotomeeting_conference, microsoft_teams_conference oder webex_conference</translation>
    </message>
    <message>
        <source>Visit lengths</source>
        <translation>Termindauern</translation>
    </message>
    <message>
        <source>&lt;eventTypeId&gt;=&lt;minutes&gt;, comma-separated: CareValidate does not tell them</source>
        <translation>&lt;eventTypeId&gt;=&lt;Minuten&gt;, durch Kommas getrennt: CareValidate nennt sie nicht</translation>
    </message>
    <message>
        <source>Other visits&apos; length</source>
        <translation>Dauer anderer Termine</translation>
    </message>
    <message>
        <source>minutes, for event types not listed above (default 30)</source>
        <translation>Minuten, für oben nicht genannte Terminarten (Standard 30)</translation>
    </message>
    <message>
        <source>Only this provider</source>
        <translation>Nur dieser Behandler</translation>
    </message>
    <message>
        <source>a provider&apos;s email, to list only that provider&apos;s event types</source>
        <translation>E-Mail eines Behandlers, um nur dessen Terminarten zu zeigen</translation>
    </message>
    <message>
        <source>IANA name, e.g. Asia/Kolkata; only used if HuskyVoice&apos;s configuration does not give one</source>
        <translation>IANA-Name, z. B. Asia/Kolkata; nur verwendet, wenn die Konfiguration von HuskyVoice keinen nennt</translation>
    </message>
    <message>
        <source>ak_live:&lt;uuid&gt;:&lt;secret&gt; (platform API key) or rgo-… (personal access token)</source>
        <translation>ak_live:&lt;uuid&gt;:&lt;secret&gt; (Plattform-API-Schlüssel) oder rgo-… (persönliches Zugriffstoken)</translation>
    </message>
    <message>
        <source>API user id</source>
        <translation>API-Benutzer-ID</translation>
    </message>
    <message>
        <source>x-meetergo-api-user-id: a user of the company (platform API key only)</source>
        <translation>x-meetergo-api-user-id: ein Benutzer des Unternehmens (nur mit Plattform-API-Schlüssel)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>the clinic&apos;s IANA zone, e.g. Europe/Berlin</source>
        <translation>die IANA-Zone der Praxis, z. B. Europe/Berlin</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Unterkonto</translation>
    </message>
    <message>
        <source>the sub-account the API key belongs to</source>
        <translation>das Unterkonto, zu dem der API-Schlüssel gehört</translation>
    </message>
    <message>
        <source>the clinic&apos;s IANA zone, e.g. America/New_York</source>
        <translation>die IANA-Zone der Praxis, z. B. America/New_York</translation>
    </message>
    <message>
        <source>vst_… (scopes read and write)</source>
        <translation>vst_… (Rechte read und write)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Starter, Professional, or Enterprise and its limit</source>
        <translation>Starter, Professional oder Enterprise und dessen Limit</translation>
    </message>
    <message>
        <source>provider_states: give at least one US state code, e.g. CA,NY</source>
        <translation>provider_states: Geben Sie mindestens einen US-Bundesstaat an, z. B. CA,NY</translation>
    </message>
    <message>
        <source>provider_states: {codes} is not a US state code (two letters, e.g. CA)</source>
        <translation>provider_states: {codes} ist kein Kürzel eines US-Bundesstaats (zwei Buchstaben, z. B. CA)</translation>
    </message>
    <message>
        <source>{key}: {value} is not a length in whole minutes</source>
        <translation>{key}: {value} ist keine Dauer in ganzen Minuten</translation>
    </message>
    <message>
        <source>durations: {value} is not &lt;eventTypeId&gt;=&lt;minutes&gt;</source>
        <translation>durations: {value} hat nicht die Form &lt;eventTypeId&gt;=&lt;Minuten&gt;</translation>
    </message>
    <message>
        <source>timezone: {value} is not an IANA time zone (America/New_York)</source>
        <translation>timezone: {value} ist keine IANA-Zeitzone (America/New_York)</translation>
    </message>
    <message>
        <source>location: use one of {choices}</source>
        <translation>location: Verwenden Sie einen dieser Werte: {choices}</translation>
    </message>
    <message>
        <source>{key}: {value} is not an IANA time zone name such as Europe/Berlin</source>
        <translation>{key}: {value} ist kein IANA-Zeitzonenname wie Europe/Berlin</translation>
    </message>
    <message>
        <source>{key}: {value} is not a whole number above 0</source>
        <translation>{key}: {value} ist keine ganze Zahl größer als 0</translation>
    </message>
    <message>
        <source>{key}: {value} is not a number above 0</source>
        <translation>{key}: {value} ist keine Zahl größer als 0</translation>
    </message>
    <message>
        <source>{key}: {value} is not one of {choices}</source>
        <translation>{key}: {value} ist keiner dieser Werte: {choices}</translation>
    </message>
    <message>
        <source>{key}: {value} is not 1 or true, 0 or false</source>
        <translation>{key}: {value} ist weder 1 bzw. true noch 0 bzw. false</translation>
    </message>
    <message>
        <source>option: {key} is not an option of {system} connections ({known})</source>
        <translation>option: {key} ist keine Option von {system}-Verbindungen ({known})</translation>
    </message>
    <message>
        <source>{key}: required for {system} connections</source>
        <translation>{key}: für {system}-Verbindungen erforderlich</translation>
    </message>
    <message>
        <source>sub_account_id: required: the sub-account the API key belongs to (sub_…)</source>
        <translation>sub_account_id: erforderlich: das Unterkonto, zu dem der API-Schlüssel gehört (sub_…)</translation>
    </message>
    <message>
        <source>timezone: required: the clinic&apos;s IANA time zone, e.g. America/New_York (VantaX publishes none)</source>
        <translation>timezone: erforderlich: die IANA-Zeitzone der Praxis, z. B. America/New_York (VantaX nennt keine)</translation>
    </message>
    <message>
        <source>timezone: {value} is not an IANA time zone (e.g. America/New_York)</source>
        <translation>timezone: {value} ist keine IANA-Zeitzone (z. B. America/New_York)</translation>
    </message>
    <message>
        <source>plan: {value} is not a Vastal plan: write Starter, Professional, Enterprise and its requests per hour (Enterprise 50000), or a number</source>
        <translation>plan: {value} ist kein Vastal-Tarif: Schreiben Sie Starter, Professional, Enterprise mit seinen Anfragen pro Stunde (Enterprise 50000) oder eine Zahl</translation>
    </message>
    <message>
        <source>timezone: Vastal connections need the clinic&apos;s time zone (an IANA name such as America/New_York); Vastal&apos;s answers do not give one</source>
        <translation>timezone: Vastal-Verbindungen brauchen die Zeitzone der Praxis (einen IANA-Namen wie America/New_York); die Antworten von Vastal nennen keine</translation>
    </message>
    <message>
        <source>timezone: {value} is not an IANA time zone name (such as America/New_York)</source>
        <translation>timezone: {value} ist kein IANA-Zeitzonenname (wie America/New_York)</translation>
    </message>
</context>
<context>
    <name>DaySheet</name>
    <message>
        <source>not yet synced</source>
        <translation>noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>awaiting confirmation</source>
        <translation>Bestätigung ausstehend</translation>
    </message>
    <message>
        <source>REFUSED by the booking system</source>
        <translation>vom Buchungssystem ABGELEHNT</translation>
    </message>
    <message>
        <source>UNKNOWN whether the booking system has it</source>
        <translation>UNBEKANNT, ob das Buchungssystem sie hat</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>gebucht</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>eingetroffen</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>day-sheet</source>
        <translation>Tagesliste</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>✎ = saved at the desk but not yet confirmed by the booking system: it may still change.</source>
        <translation>✎ = am Empfang gespeichert, aber vom Buchungssystem noch nicht bestätigt: kann sich noch ändern.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>printed {when}</source>
        <translation>gedruckt {when}</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>Keine Termine.</translation>
    </message>
    <message>
        <source>The whole day — {day}</source>
        <translation>Der ganze Tag — {day}</translation>
    </message>
    <message>
        <source>Day sheet {day}</source>
        <translation>Tagesliste {day}</translation>
    </message>
    <message>
        <source>Print the day sheet</source>
        <translation>Tagesliste drucken</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>{time} on the booking system&apos;s clock ({city})</source>
        <translation>{time} nach der Uhr des Buchungssystems ({city})</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>Booking saved at this desk; it will be sent shortly.</source>
        <translation>Buchung an diesem Empfang gespeichert; sie wird in Kürze gesendet.</translation>
    </message>
    <message>
        <source>Changes saved at this desk; they will be sent shortly.</source>
        <translation>Änderungen an diesem Empfang gespeichert; sie werden in Kürze gesendet.</translation>
    </message>
    <message>
        <source>Day sheet sent to the printer.</source>
        <translation>Tagesliste an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Save the day sheet as PDF</source>
        <translation>Tagesliste als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Day sheet saved to {path} ({count} not yet synced, marked ✎).</source>
        <translation>Tagesliste unter {path} gespeichert ({count} noch nicht synchronisiert, mit ✎ markiert).</translation>
    </message>
    <message>
        <source>Day sheet saved to {path}.</source>
        <translation>Tagesliste unter {path} gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) exported to {path}.</source>
        <translation>
            <numerusform>%n Termin nach {path} exportiert.</numerusform>
            <numerusform>%n Termine nach {path} exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) refused as the calendar stands now</source>
        <translation>
            <numerusform>; %n Zeile nach dem jetzigen Kalender abgelehnt</numerusform>
            <numerusform>; %n Zeilen nach dem jetzigen Kalender abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) queued from {file}{refused}; they will be sent shortly.</source>
        <translation>
            <numerusform>%n Buchung aus {file} vorgemerkt{refused}; sie wird in Kürze gesendet.</numerusform>
            <numerusform>%n Buchungen aus {file} vorgemerkt{refused}; sie werden in Kürze gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskGuard</name>
    <message>
        <source>(only an administrator can change the connections)</source>
        <translation>(nur ein Administrator kann die Verbindungen ändern)</translation>
    </message>
    <message>
        <source>(only an administrator can change the clinic&apos;s settings)</source>
        <translation>(nur ein Administrator kann die Praxiseinstellungen ändern)</translation>
    </message>
    <message>
        <source>(only an administrator can manage staff)</source>
        <translation>(nur ein Administrator kann Mitarbeiter verwalten)</translation>
    </message>
    <message>
        <source>(only an administrator can read the audit trail)</source>
        <translation>(nur ein Administrator kann das Protokoll lesen)</translation>
    </message>
    <message>
        <source>Only an administrator can change the connections.</source>
        <translation>Nur ein Administrator kann die Verbindungen ändern.</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s settings.</source>
        <translation>Nur ein Administrator kann die Praxiseinstellungen ändern.</translation>
    </message>
    <message>
        <source>Only an administrator can manage staff.</source>
        <translation>Nur ein Administrator kann Mitarbeiter verwalten.</translation>
    </message>
    <message>
        <source>Only an administrator can read the audit trail.</source>
        <translation>Nur ein Administrator kann das Protokoll lesen.</translation>
    </message>
    <message>
        <source>The desk locked itself after a while without use.</source>
        <translation>Der Empfang hat sich nach einer Weile ohne Nutzung gesperrt.</translation>
    </message>
    <message>
        <source>The desk is locked.</source>
        <translation>Der Empfang ist gesperrt.</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Sign in with your name and PIN.</source>
        <translation>Melden Sie sich mit Ihrem Namen und Ihrer PIN an.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>{name} (administrator)</source>
        <translation>{name} (Administrator)</translation>
    </message>
    <message>
        <source>{name} (staff)</source>
        <translation>{name} (Mitarbeiter)</translation>
    </message>
    <message>
        <source>S&amp;taff…</source>
        <translation>Mi&amp;tarbeiter …</translation>
    </message>
    <message>
        <source>Add staff, reset a PIN, disable a member</source>
        <translation>Mitarbeiter hinzufügen, PIN zurücksetzen, Mitarbeiter deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Protokoll …</translation>
    </message>
    <message>
        <source>Who booked, changed, opened, printed and exported what, and when</source>
        <translation>Wer wann was gebucht, geändert, geöffnet, gedruckt und exportiert hat</translation>
    </message>
    <message>
        <source>&amp;Lock desk</source>
        <translation>Empfang &amp;sperren</translation>
    </message>
    <message>
        <source>Lock the desk now; a PIN unlocks it (another member may sign in)</source>
        <translation>Den Empfang jetzt sperren; eine PIN entsperrt ihn (auch ein anderer Mitarbeiter kann sich anmelden)</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>process {pid} on {host} (user {user}), open since {since}</source>
        <translation>Prozess {pid} auf {host} (Benutzer {user}), geöffnet seit {since}</translation>
    </message>
    <message>
        <source>another FrontDesk on this computer</source>
        <translation>ein anderes FrontDesk auf diesem Computer</translation>
    </message>
    <message>
        <source>FrontDesk is already open on this profile: {who}.

Switch to that window (it may be minimised or on another screen), or close it before opening FrontDesk again.</source>
        <translation>FrontDesk ist mit diesem Profil bereits geöffnet: {who}.

Wechseln Sie zu diesem Fenster (es ist vielleicht minimiert oder auf einem anderen Bildschirm), oder schließen Sie es, bevor Sie FrontDesk erneut öffnen.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Confirmed by the booking system</source>
        <translation>Vom Buchungssystem bestätigt</translation>
    </message>
    <message>
        <source>Refused by the booking system</source>
        <translation>Vom Buchungssystem abgelehnt</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Eingetroffen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Marked no-show</source>
        <translation>Als nicht erschienen markiert</translation>
    </message>
    <message>
        <source>Back to booked</source>
        <translation>Zurück auf gebucht</translation>
    </message>
    <message>
        <source>Came in from the booking system</source>
        <translation>Aus dem Buchungssystem übernommen</translation>
    </message>
    <message>
        <source>Changed in the booking system</source>
        <translation>Im Buchungssystem geändert</translation>
    </message>
    <message>
        <source>Patient&apos;s contact created in the booking system</source>
        <translation>Kontakt des Patienten im Buchungssystem angelegt</translation>
    </message>
    <message>
        <source>Sent, no answer: outcome unknown</source>
        <translation>Gesendet, keine Antwort: Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Outcome settled</source>
        <translation>Ergebnis geklärt</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>Erneut gesendet</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Changed here and in the booking system at once</source>
        <translation>Gleichzeitig hier und im Buchungssystem geändert</translation>
    </message>
    <message>
        <source>Clash settled</source>
        <translation>Konflikt geklärt</translation>
    </message>
    <message>
        <source>Changed at the desk</source>
        <translation>Am Empfang geändert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf Versand</numerusform>
            <numerusform>%n Änderungen warten auf Versand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n Anruf</numerusform>
            <numerusform>%n Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Appointment details</source>
        <translation>Termindetails</translation>
    </message>
    <message>
        <source>No appointment selected</source>
        <translation>Kein Termin ausgewählt</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>Buchungssystem</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>&amp;Arrived</source>
        <translation>&amp;Eingetroffen</translation>
    </message>
    <message>
        <source>Co&amp;mpleted</source>
        <translation>&amp;Abgeschlossen</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>&amp;Nicht erschienen</translation>
    </message>
    <message>
        <source>Mo&amp;ve…</source>
        <translation>&amp;Verschieben…</translation>
    </message>
    <message>
        <source>Cance&amp;l…</source>
        <translation>Ab&amp;sagen…</translation>
    </message>
    <message>
        <source>{action} (key {key} in the calendar)</source>
        <translation>{action} (Taste {key} im Kalender)</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verlauf&lt;/b&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Select an appointment in the calendar.</source>
        <translation>Wählen Sie einen Termin im Kalender.</translation>
    </message>
    <message>
        <source>in the {session}</source>
        <translation>am {session}</translation>
    </message>
    <message>
        <source>time not given</source>
        <translation>Zeit nicht angegeben</translation>
    </message>
    <message>
        <source>(the booking system gives no time of day)</source>
        <translation>(das Buchungssystem nennt keine Uhrzeit)</translation>
    </message>
    <message>
        <source>not yet in the booking system</source>
        <translation>noch nicht im Buchungssystem</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>um {time}</translation>
    </message>
    <message>
        <source>in the chair</source>
        <translation>im Behandlungsstuhl</translation>
    </message>
    <message>
        <source>Not confirmed yet (F7)</source>
        <translation>Noch nicht bestätigt (F7)</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Nicht bestätigt</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>Nachricht hinterlassen</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>A &amp;day&apos;s appointments</source>
        <translation>Termine eines &amp;Tages</translation>
    </message>
    <message>
        <source>A provider&apos;s &amp;week</source>
        <translation>&amp;Woche eines Behandlers</translation>
    </message>
    <message>
        <source>A &amp;patient&apos;s appointments</source>
        <translation>Termine eines &amp;Patienten</translation>
    </message>
    <message>
        <source>The file names each patient, with phone and email (a day list).</source>
        <translation>Die Datei nennt jeden Patienten mit Telefon und E-Mail (eine Tagesliste).</translation>
    </message>
    <message>
        <source>No patient is named: when, what and where only, for the provider&apos;s own calendar.</source>
        <translation>Kein Patient wird genannt: nur wann, was und wo, für den eigenen Kalender des Behandlers.</translation>
    </message>
    <message>
        <source>For the patient: their name, service and place; no desk notes.</source>
        <translation>Für den Patienten: Name, Leistung und Ort; keine Notizen des Empfangs.</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export appointments</source>
        <translation>Termine exportieren</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Was exportiert wird</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>D&amp;ay</source>
        <translation>T&amp;ag</translation>
    </message>
    <message>
        <source>Provider, room or calendar</source>
        <translation>Behandler, Raum oder Kalender</translation>
    </message>
    <message>
        <source>Pro&amp;vider / column</source>
        <translation>Be&amp;handler / Spalte</translation>
    </message>
    <message>
        <source>Name or phone number</source>
        <translation>Name oder Telefonnummer</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Pa&amp;tient</source>
        <translation>Pa&amp;tient</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>Passende Patienten</translation>
    </message>
    <message>
        <source>&amp;Found</source>
        <translation>&amp;Gefunden</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;iCalendar (.ics), for calendar programs</source>
        <translation>&amp;iCalendar (.ics), für Kalenderprogramme</translation>
    </message>
    <message>
        <source>&amp;CSV (.csv), for spreadsheets</source>
        <translation>&amp;CSV (.csv), für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Was die Datei enthält</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>kein Telefon</translation>
    </message>
    <message>
        <source>Any day of the wee&amp;k</source>
        <translation>Ein beliebiger Tag der &amp;Woche</translation>
    </message>
    <message>
        <source>Type a patient&apos;s name or phone number, then pick them in the list.</source>
        <translation>Geben Sie Namen oder Telefonnummer eines Patienten ein und wählen Sie ihn in der Liste.</translation>
    </message>
    <message>
        <source>There is no provider, room or calendar yet.</source>
        <translation>Es gibt noch keinen Behandler, Raum oder Kalender.</translation>
    </message>
    <message>
        <source>Columns hidden in the side panel are left out.</source>
        <translation>In der Seitenleiste ausgeblendete Spalten werden weggelassen.</translation>
    </message>
    <message>
        <source>Times are on the clinic&apos;s clock ({zone}); cancelled appointments are left out. The file holds patient data: it is written readable by your user account only.</source>
        <translation>Die Zeiten sind die der Praxis ({zone}); abgesagte Termine werden weggelassen. Die Datei enthält Patientendaten: Sie wird nur für Ihr Benutzerkonto lesbar geschrieben.</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Nicht gespeichert: {why}</translation>
    </message>
    <message>
        <source>Not saved: the audit trail could not record it; try again.</source>
        <translation>Nicht gespeichert: Das Protokoll konnte es nicht festhalten; bitte erneut versuchen.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n Buchung</numerusform>
            <numerusform>%n Buchungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>time of day not given</source>
        <translation>Uhrzeit nicht angegeben</translation>
    </message>
    <message>
        <source>Appointments on {day}</source>
        <translation>Termine am {day}</translation>
    </message>
    <message>
        <source>{name}: week of {first} to {last} {year}</source>
        <translation>{name}: Woche vom {first} bis {last} {year}</translation>
    </message>
    <message>
        <source>week</source>
        <translation>woche</translation>
    </message>
    <message>
        <source>Appointments of {name}</source>
        <translation>Termine von {name}</translation>
    </message>
    <message>
        <source>appointments</source>
        <translation>termine</translation>
    </message>
    <message>
        <source>Where: {where}</source>
        <translation>Wo: {where}</translation>
    </message>
    <message>
        <source>Service: {service}</source>
        <translation>Leistung: {service}</translation>
    </message>
    <message>
        <source>Time: {session} (the booking system keeps no time of day)</source>
        <translation>Zeit: {session} (das Buchungssystem speichert keine Uhrzeit)</translation>
    </message>
    <message>
        <source>Patient: {name}</source>
        <translation>Patient: {name}</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>Telefon: {phone}</translation>
    </message>
    <message>
        <source>Email: {email}</source>
        <translation>E-Mail: {email}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Sync: {sync}</source>
        <translation>Synchronisierung: {sync}</translation>
    </message>
    <message>
        <source>Booking: {id}</source>
        <translation>Buchung: {id}</translation>
    </message>
</context>
<context>
    <name>FindPatient</name>
    <message>
        <source>Find a patient</source>
        <translation>Patienten suchen</translation>
    </message>
    <message>
        <source>Name, phone number or email</source>
        <translation>Name, Telefonnummer oder E-Mail</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Patienten durchsuchen</translation>
    </message>
    <message>
        <source>Patient / appointment</source>
        <translation>Patient / Termin</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>Passende Patienten</translation>
    </message>
    <message>
        <source>How many patients match</source>
        <translation>Anzahl passender Patienten</translation>
    </message>
    <message>
        <source>Enter on an appointment shows it; on a patient, books for them.</source>
        <translation>Eingabetaste auf einem Termin zeigt ihn an, auf einem Patienten bucht für ihn.</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>kein Telefon</translation>
    </message>
    <message>
        <source>No patient matches.</source>
        <translation>Kein passender Patient.</translation>
    </message>
    <message>
        <source>(first {shown}; scroll for more)</source>
        <translation>(die ersten {shown}; für mehr scrollen)</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n Patient</numerusform>
            <numerusform>%n Patienten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n Buchung</numerusform>
            <numerusform>%n Buchungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridSchedule</name>
    <message>
        <source>the whole clinic</source>
        <translation>die ganze Praxis</translation>
    </message>
    <message>
        <source>one column</source>
        <translation>eine Spalte</translation>
    </message>
    <message>
        <source>Blocked at this desk: {label}</source>
        <translation>An diesem Empfang geblockt: {label}</translation>
    </message>
    <message>
        <source>The clinic&apos;s own rule: the desk books nothing here. Right-click to change or remove it.</source>
        <translation>Eigene Regel der Praxis: Der Empfang bucht hier nichts. Rechtsklick zum Ändern oder Entfernen.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>the booking</source>
        <translation>die Buchung</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>die Verschiebung</translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation>die Absage</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>der Status</translation>
    </message>
    <message>
        <source>the patient&apos;s record</source>
        <translation>der Patienteneintrag</translation>
    </message>
    <message>
        <source>Confirmed by the booking system</source>
        <translation>Vom Buchungssystem bestätigt</translation>
    </message>
    <message>
        <source>Move confirmed by the booking system</source>
        <translation>Verschiebung vom Buchungssystem bestätigt</translation>
    </message>
    <message>
        <source>Cancellation confirmed by the booking system</source>
        <translation>Absage vom Buchungssystem bestätigt</translation>
    </message>
    <message>
        <source>Status confirmed by the booking system</source>
        <translation>Status vom Buchungssystem bestätigt</translation>
    </message>
    <message>
        <source>Patient&apos;s record made in the booking system</source>
        <translation>Patienteneintrag im Buchungssystem angelegt</translation>
    </message>
    <message>
        <source>it already had it</source>
        <translation>es lag bereits vor</translation>
    </message>
    <message>
        <source>imported from a CSV file</source>
        <translation>aus einer CSV-Datei importiert</translation>
    </message>
    <message>
        <source>booked through another channel</source>
        <translation>über einen anderen Weg gebucht</translation>
    </message>
    <message>
        <source>both sides agree again</source>
        <translation>beide Seiten stimmen wieder überein</translation>
    </message>
    <message>
        <source>kept the desk&apos;s version</source>
        <translation>Fassung des Empfangs behalten</translation>
    </message>
    <message>
        <source>took the booking system&apos;s version</source>
        <translation>Fassung des Buchungssystems übernommen</translation>
    </message>
    <message>
        <source>with the following of its series</source>
        <translation>mit den folgenden Terminen der Serie</translation>
    </message>
    <message>
        <source>to {when}</source>
        <translation>auf {when}</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Import bookings from a CSV file</source>
        <translation>Buchungen aus einer CSV-Datei importieren</translation>
    </message>
    <message>
        <source>Import bookings</source>
        <translation>Buchungen importieren</translation>
    </message>
    <message>
        <source>A CSV file whose first row names the columns</source>
        <translation>Eine CSV-Datei, deren erste Zeile die Spalten benennt</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>Columns (bold: required; any order): {columns}. A start is {pattern} on the clinic&apos;s clock, or ISO 8601 with Z or an offset.</source>
        <translation>Spalten (fett: Pflicht; beliebige Reihenfolge): {columns}. Ein Beginn ist {pattern} nach der Uhr der Praxis, oder ISO 8601 mit Z oder einem Versatz.</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>Was der Import tun würde</translation>
    </message>
    <message>
        <source>Rows that would be queued</source>
        <translation>Zeilen, die eingereiht würden</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>Abgelehnte Zeilen</translation>
    </message>
    <message>
        <source>Would be queued</source>
        <translation>Würde eingereiht</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Queue bookings</source>
        <translation>Buchungen &amp;einreihen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>There is no connection yet: add one in File &gt; Connections.</source>
        <translation>Es gibt noch keine Verbindung: Fügen Sie eine unter Datei &gt; Verbindungen hinzu.</translation>
    </message>
    <message>
        <source>This file cannot be imported: {why}</source>
        <translation>Diese Datei kann nicht importiert werden: {why}</translation>
    </message>
    <message>
        <source>Nothing is queued until you press Queue; a refused row is left out (fix it in the file and import the file again: rows already queued are not queued twice).</source>
        <translation>Nichts wird eingereiht, bevor Sie Einreihen drücken; eine abgelehnte Zeile wird weggelassen (korrigieren Sie sie in der Datei und importieren Sie die Datei erneut: bereits eingereihte Zeilen werden nicht doppelt eingereiht).</translation>
    </message>
    <message>
        <source>Read as {how}.</source>
        <translation>Gelesen als {how}.</translation>
    </message>
    <message>
        <source>Queueing…</source>
        <translation>Wird eingereiht…</translation>
    </message>
    <message>
        <source>try again</source>
        <translation>bitte erneut versuchen</translation>
    </message>
    <message>
        <source>Nothing queued: {why}</source>
        <translation>Nichts eingereiht: {why}</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Einreihen</translation>
    </message>
    <message>
        <source>Choose a file: nothing is queued before you press Queue.</source>
        <translation>Wählen Sie eine Datei: Nichts wird eingereiht, bevor Sie Einreihen drücken.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Queue %n booking(s)</source>
        <translation>
            <numerusform>%n Buchung &amp;einreihen</numerusform>
            <numerusform>%n Buchungen &amp;einreihen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) already imported</source>
        <translation>
            <numerusform>%n Zeile bereits importiert</numerusform>
            <numerusform>%n Zeilen bereits importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would be queued</source>
        <translation>
            <numerusform>%n Zeile würde eingereiht</numerusform>
            <numerusform>%n Zeilen würden eingereiht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) refused</source>
        <translation>
            <numerusform>%n Zeile abgelehnt</numerusform>
            <numerusform>%n Zeilen abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>use 2027-06-15T09:30:00Z, an offset, or &apos;2027-06-15 09:30&apos; (clinic time)</source>
        <translation>verwenden Sie 2027-06-15T09:30:00Z, einen Versatz oder „2027-06-15 09:30“ (Praxiszeit)</translation>
    </message>
    <message>
        <source>this local time does not exist on that day (the clocks change)</source>
        <translation>diese Ortszeit gibt es an diesem Tag nicht (Zeitumstellung)</translation>
    </message>
    <message>
        <source>the year must be between {first} and {last}</source>
        <translation>das Jahr muss zwischen {first} und {last} liegen</translation>
    </message>
    <message>
        <source>is empty; fill it in</source>
        <translation>ist leer; bitte ausfüllen</translation>
    </message>
    <message>
        <source>{value} is not a service of this connection</source>
        <translation>{value} ist keine Leistung dieser Verbindung</translation>
    </message>
    <message>
        <source>{value} is not known here</source>
        <translation>{value} ist hier nicht bekannt</translation>
    </message>
    <message>
        <source>is longer than {limit:,} characters ({length:,}); shorten it</source>
        <translation>ist länger als {limit:,} Zeichen ({length:,}); bitte kürzen</translation>
    </message>
    <message>
        <source>it has no usable connector (is its key stored?)</source>
        <translation>sie hat keinen nutzbaren Zugang (ist ihr Schlüssel gespeichert?)</translation>
    </message>
    <message>
        <source>its catalog (services, branches, hours) has not been fetched from the booking system yet; sync first (Sync now at the desk, or `frontdesk sync`) when online</source>
        <translation>ihr Katalog (Leistungen, Standorte, Zeiten) wurde noch nicht vom Buchungssystem abgerufen; synchronisieren Sie zuerst (Jetzt synchronisieren am Empfang oder `frontdesk sync`), sobald Sie online sind</translation>
    </message>
    <message>
        <source>the catalog could not be fetched, run `frontdesk sync` when online</source>
        <translation>der Katalog konnte nicht abgerufen werden; führen Sie `frontdesk sync` aus, sobald Sie online sind</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>semicolon-separated</source>
        <translation>durch Semikolons getrennt</translation>
    </message>
    <message>
        <source>tab-separated</source>
        <translation>durch Tabulatoren getrennt</translation>
    </message>
    <message>
        <source>{encoding}, {separated}</source>
        <translation>{encoding}, {separated}</translation>
    </message>
    <message>
        <source>it starts as {encoding} text but is not; save it as &apos;CSV UTF-8&apos; and import it again</source>
        <translation>die Datei beginnt als {encoding}-Text, ist es aber nicht; speichern Sie sie als „CSV UTF-8“ und importieren Sie sie erneut</translation>
    </message>
    <message>
        <source>cannot read {path}: {why}</source>
        <translation>{path} lässt sich nicht lesen: {why}</translation>
    </message>
    <message>
        <source>the file is empty; the first row must name the columns</source>
        <translation>die Datei ist leer; die erste Zeile muss die Spalten benennen</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, the most an import reads; a clinic&apos;s bookings file is far smaller: check that it is the right file, or split it</source>
        <translation>{path} ist größer als {limit} MB, mehr liest ein Import nicht; die Buchungsdatei einer Praxis ist viel kleiner: prüfen Sie, ob es die richtige Datei ist, oder teilen Sie sie auf</translation>
    </message>
    <message>
        <source>it cannot be read as CSV ({why})</source>
        <translation>sie lässt sich nicht als CSV lesen ({why})</translation>
    </message>
    <message>
        <source>the first row holds a NUL character: this is not CSV text (a UTF-16 file needs its byte-order mark); save it as &apos;CSV UTF-8&apos; and import it again</source>
        <translation>die erste Zeile enthält ein NUL-Zeichen: das ist kein CSV-Text (eine UTF-16-Datei braucht ihre Byte-Order-Markierung); speichern Sie sie als „CSV UTF-8“ und importieren Sie sie erneut</translation>
    </message>
    <message>
        <source>the column {name} is named twice in the first row (columns {one} and {two}); keep one of them</source>
        <translation>die Spalte {name} steht zweimal in der ersten Zeile (Spalten {one} und {two}); behalten Sie eine davon</translation>
    </message>
    <message>
        <source>unknown column {name}; the columns are {columns}</source>
        <translation>unbekannte Spalte {name}; die Spalten sind {columns}</translation>
    </message>
    <message>
        <source>the header has no {name} column</source>
        <translation>der Kopfzeile fehlt die Spalte {name}</translation>
    </message>
    <message>
        <source>a quote (&quot;) opened in this row is never closed, so the rest of the file was read as one value; close the quote</source>
        <translation>ein in dieser Zeile geöffnetes Anführungszeichen (&quot;) wird nie geschlossen, daher wurde der Rest der Datei als ein Wert gelesen; schließen Sie das Anführungszeichen</translation>
    </message>
    <message>
        <source>column {n} has a value but no name in the first row (check the delimiter and the quotes)</source>
        <translation>Spalte {n} hat einen Wert, aber keinen Namen in der ersten Zeile (prüfen Sie das Trennzeichen und die Anführungszeichen)</translation>
    </message>
    <message>
        <source>holds a NUL character; remove it</source>
        <translation>enthält ein NUL-Zeichen; bitte entfernen</translation>
    </message>
    <message>
        <source>is longer than {limit:,} characters; shorten it</source>
        <translation>ist länger als {limit:,} Zeichen; bitte kürzen</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Something went wrong inside FrontDesk, and that part of the screen may not have been updated.

Bookings already saved are safe. If what you see looks wrong, close FrontDesk and open it again.</source>
        <translation>In FrontDesk ist ein Fehler aufgetreten; dieser Teil des Bildschirms wurde vielleicht nicht aktualisiert.

Bereits gespeicherte Buchungen sind sicher. Wenn etwas falsch aussieht, schließen Sie FrontDesk und öffnen Sie es erneut.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>Die Einzelheiten stehen in der Logdatei:
{path}</translation>
    </message>
    <message>
        <source>FrontDesk could not start.

{why}

The details were written to the log file.</source>
        <translation>FrontDesk konnte nicht starten.

{why}

Die Einzelheiten stehen in der Logdatei.</translation>
    </message>
    <message>
        <source>FrontDesk may not write to its data folder. Ask IT to check the folder&apos;s rights.</source>
        <translation>FrontDesk darf nicht in seinen Datenordner schreiben. Bitten Sie die IT, die Rechte des Ordners zu prüfen.</translation>
    </message>
    <message>
        <source>FrontDesk could not open its data files (disk full or folder missing?).</source>
        <translation>FrontDesk konnte seine Datendateien nicht öffnen (Festplatte voll oder Ordner fehlt?).</translation>
    </message>
    <message>
        <source>An unexpected problem stopped FrontDesk from opening.</source>
        <translation>Ein unerwartetes Problem hat das Öffnen von FrontDesk verhindert.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>FrontDesk is locked</source>
        <translation>FrontDesk ist gesperrt</translation>
    </message>
    <message>
        <source>Opening the desk…</source>
        <translation>Der Empfang wird geöffnet …</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>Name des Mitarbeiters</translation>
    </message>
    <message>
        <source>Administrator&apos;s name</source>
        <translation>Name des Administrators</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>PIN &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Anmeldehinweis</translation>
    </message>
    <message>
        <source>Welcome. Nobody can sign in yet: create the clinic&apos;s first administrator, who then adds the other staff (File ▸ Staff).</source>
        <translation>Willkommen. Noch kann sich niemand anmelden: Legen Sie den ersten Administrator der Praxis an, der dann die übrigen Mitarbeiter hinzufügt (Datei ▸ Mitarbeiter).</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>&amp;Anlegen und anmelden</translation>
    </message>
    <message>
        <source>Sign in with your name and PIN.</source>
        <translation>Melden Sie sich mit Ihrem Namen und Ihrer PIN an.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>Die beiden PINs stimmen nicht überein; geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
    <message>
        <source>Choose or type your name.</source>
        <translation>Wählen Sie Ihren Namen oder geben Sie ihn ein.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>PIN wird geprüft …</translation>
    </message>
    <message>
        <source>The desk could not check the PIN; try again.</source>
        <translation>Die PIN konnte nicht geprüft werden; bitte versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Not moved: {why}</source>
        <translation>Nicht verschoben: {why}</translation>
    </message>
    <message>
        <source>Outcome unknown: {why}</source>
        <translation>Ausgang unklar: {why}</translation>
    </message>
    <message>
        <source>Needs attention: {why}</source>
        <translation>Braucht Aufmerksamkeit: {why}</translation>
    </message>
    <message>
        <source>Sign in first: a form is still open on this desk.</source>
        <translation>Bitte melden Sie sich zuerst an: An diesem Empfang ist noch ein Formular geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) sent without an answer, and the booking system cannot be asked whether they arrived: settle them in the sync panel.</source>
        <translation>
            <numerusform>%n Buchung ohne Antwort gesendet, und das Buchungssystem kann nicht gefragt werden, ob sie angekommen ist: Bitte klären Sie sie im Sync-Bereich.</numerusform>
            <numerusform>%n Buchungen ohne Antwort gesendet, und das Buchungssystem kann nicht gefragt werden, ob sie angekommen sind: Bitte klären Sie sie im Sync-Bereich.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) need attention: the booking system refused them.</source>
        <translation>
            <numerusform>%n Buchung braucht Aufmerksamkeit: Das Buchungssystem hat sie abgelehnt.</numerusform>
            <numerusform>%n Buchungen brauchen Aufmerksamkeit: Das Buchungssystem hat sie abgelehnt.</numerusform>
        </translation>
    </message>
</context>
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
        <source>The clinic&apos;s time zone, phone region and paper</source>
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
        <source>Cu&amp;t to pinboard</source>
        <translation>Auf die Pinnwand &amp;ausschneiden</translation>
    </message>
    <message>
        <source>Pin the selected appointment, to place it on another day (it stays booked until then)</source>
        <translation>Den ausgewählten Termin an die Pinnwand heften, um ihn an einem anderen Tag einzusetzen (bis dahin bleibt er gebucht)</translation>
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
        <source>Save a provider&apos;s week (no patient names) as a calendar file or CSV</source>
        <translation>Die Woche eines Behandlers (ohne Patientennamen) als Kalenderdatei oder CSV speichern</translation>
    </message>
    <message>
        <source>Export patient&apos;s &amp;appointments…</source>
        <translation>&amp;Termine eines Patienten exportieren…</translation>
    </message>
    <message>
        <source>Save one patient&apos;s appointments as a calendar file or CSV</source>
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
    <name>MonthView</name>
    <message>
        <source>Month calendar</source>
        <translation>Monatskalender</translation>
    </message>
    <message>
        <source>Bookings per day of the shown month. Double-click a day to open it.</source>
        <translation>Buchungen pro Tag im angezeigten Monat. Doppelklicken Sie auf einen Tag, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>{count} booked</source>
        <translation>{count} gebucht</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>+{count} weitere</translation>
    </message>
</context>
<context>
    <name>Openings</name>
    <message>
        <source>Morning</source>
        <translation>Vormittag</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Nachmittag</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Abend</translation>
    </message>
    <message>
        <source>Find an opening</source>
        <translation>Freien Termin suchen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>&amp;Leistung</translation>
    </message>
    <message>
        <source>Provider or room</source>
        <translation>Behandler oder Raum</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Behandler</translation>
    </message>
    <message>
        <source>On {day}</source>
        <translation>Am {day}</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Part of day</source>
        <translation>Tageszeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Ab</translation>
    </message>
    <message>
        <source>Sea&amp;rch</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Free times</source>
        <translation>Freie Zeiten</translation>
    </message>
    <message>
        <source>Choose what you look for, then Search.</source>
        <translation>Wählen Sie, was Sie suchen, dann Suchen.</translation>
    </message>
    <message>
        <source>&amp;Book this time</source>
        <translation>Diese Zeit &amp;buchen</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Beliebiger Behandler</translation>
    </message>
    <message>
        <source>Tick at least one day and one part of the day.</source>
        <translation>Wählen Sie mindestens einen Tag und eine Tageszeit.</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n frei</numerusform>
            <numerusform>%n frei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free time(s). Double-click one (or Enter) to book it.</source>
        <translation>
            <numerusform>%n freie Zeit. Doppelklicken (oder Eingabetaste), um sie zu buchen.</numerusform>
            <numerusform>%n freie Zeiten. Doppelklicken Sie auf eine (oder Eingabetaste), um sie zu buchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No free time matches in the cached calendars; try other days or parts of the day, or a later date.</source>
        <translation>Keine passende freie Zeit in den zwischengespeicherten Kalendern; versuchen Sie andere Tage, Tageszeiten oder ein späteres Datum.</translation>
    </message>
</context>
<context>
    <name>Pinboard</name>
    <message>
        <source>An appointment on the pinboard is no longer here.</source>
        <translation>Ein Termin auf der Pinnwand ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>{patient}&apos;s appointment of {when} was cancelled meanwhile; it is off the pinboard.</source>
        <translation>Der Termin von {patient} am {when} wurde inzwischen abgesagt; er ist nicht mehr auf der Pinnwand.</translation>
    </message>
    <message>
        <source>A cancelled appointment cannot be pinned.</source>
        <translation>Ein abgesagter Termin kann nicht angeheftet werden.</translation>
    </message>
    <message>
        <source>An arrived appointment cannot be moved or pinned.</source>
        <translation>Ein Termin, zu dem der Patient eingetroffen ist, kann weder verschoben noch angeheftet werden.</translation>
    </message>
    <message>
        <source>A completed appointment cannot be moved or pinned.</source>
        <translation>Ein abgeschlossener Termin kann weder verschoben noch angeheftet werden.</translation>
    </message>
    <message>
        <source>A no-show appointment cannot be moved or pinned.</source>
        <translation>Ein Termin, zu dem niemand erschienen ist, kann weder verschoben noch angeheftet werden.</translation>
    </message>
    <message>
        <source>Settle this booking in the sync panel first.</source>
        <translation>Klären Sie diese Buchung zuerst im Sync-Bereich.</translation>
    </message>
    <message>
        <source>This appointment is on the pinboard already.</source>
        <translation>Dieser Termin ist bereits auf der Pinnwand.</translation>
    </message>
</context>
<context>
    <name>PinboardDock</name>
    <message>
        <source>A pinned appointment stays booked at its own time until you place it: drag it onto the calendar, or click a free time there and press Place here.</source>
        <translation>Ein angehefteter Termin bleibt zu seiner Zeit gebucht, bis Sie ihn platzieren: Ziehen Sie ihn in den Kalender, oder klicken Sie dort auf eine freie Zeit und dann auf Hier platzieren.</translation>
    </message>
    <message>
        <source>An appointment cannot move to another booking system; book it there and cancel this one.</source>
        <translation>Ein Termin kann nicht in ein anderes Buchungssystem verschoben werden; buchen Sie ihn dort und sagen Sie diesen ab.</translation>
    </message>
    <message>
        <source>Pinned appointments</source>
        <translation>Angeheftete Termine</translation>
    </message>
    <message>
        <source>No free time picked on the calendar yet.</source>
        <translation>Noch keine freie Zeit im Kalender gewählt.</translation>
    </message>
    <message>
        <source>Picked time</source>
        <translation>Gewählte Zeit</translation>
    </message>
    <message>
        <source>&amp;Place here</source>
        <translation>&amp;Hier platzieren</translation>
    </message>
    <message>
        <source>Move the chosen pinned appointment to the picked time</source>
        <translation>Den gewählten angehefteten Termin auf die gewählte Zeit verschieben</translation>
    </message>
    <message>
        <source>Put &amp;back</source>
        <translation>&amp;Zurücklegen</translation>
    </message>
    <message>
        <source>Take it off the pinboard; it stays at its own time</source>
        <translation>Von der Pinnwand nehmen; er bleibt zu seiner Zeit</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Go to where it is booked now</source>
        <translation>Dorthin gehen, wo er jetzt gebucht ist</translation>
    </message>
    <message>
        <source>Pinboard messages</source>
        <translation>Meldungen der Pinnwand</translation>
    </message>
    <message>
        <source>{patient} · {service} · {provider} · {minutes} min
    still booked at {when}</source>
        <translation>{patient} · {service} · {provider} · {minutes} Min.
    weiterhin gebucht am {when}</translation>
    </message>
    <message>
        <source>Pinned by {who} at {desk}</source>
        <translation>Angeheftet von {who} am Empfang {desk}</translation>
    </message>
    <message>
        <source>Nothing on the pinboard. Ctrl+X cuts the selected appointment.</source>
        <translation>Nichts auf der Pinnwand. Strg+X schneidet den ausgewählten Termin aus.</translation>
    </message>
    <message>
        <source>Picked: {when}</source>
        <translation>Gewählt: {when}</translation>
    </message>
    <message>
        <source>{patient} is on the pinboard; still booked at {when} until you place it.</source>
        <translation>{patient} ist auf der Pinnwand; weiterhin am {when} gebucht, bis Sie ihn platzieren.</translation>
    </message>
    <message>
        <source>Not pinned</source>
        <translation>Nicht angeheftet</translation>
    </message>
    <message>
        <source>Select an appointment on the calendar first, then Ctrl+X pins it.</source>
        <translation>Wählen Sie zuerst einen Termin im Kalender; Strg+X heftet ihn dann an.</translation>
    </message>
    <message>
        <source>Not moved: {why} It stays on the pinboard.</source>
        <translation>Nicht verschoben: {why} Er bleibt auf der Pinnwand.</translation>
    </message>
    <message>
        <source>Not moved: {why}</source>
        <translation>Nicht verschoben: {why}</translation>
    </message>
    <message>
        <source>Placed; it is off the pinboard.</source>
        <translation>Platziert; er ist nicht mehr auf der Pinnwand.</translation>
    </message>
    <message>
        <source>Appointment moved.</source>
        <translation>Termin verschoben.</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Nicht verschoben</translation>
    </message>
    <message>
        <source> It stays on the pinboard.</source>
        <translation> Er bleibt auf der Pinnwand.</translation>
    </message>
    <message>
        <source>Taken off the pinboard; it stays at its own time.</source>
        <translation>Von der Pinnwand genommen; er bleibt zu seiner Zeit.</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Nicht geändert</translation>
    </message>
    <message>
        <source>Pinboard</source>
        <translation>Pinnwand</translation>
    </message>
</context>
<context>
    <name>PinboardDrops</name>
    <message>
        <source>Not here: {why}</source>
        <translation>Nicht hier: {why}</translation>
    </message>
    <message>
        <source>Drop to move it to {when}.</source>
        <translation>Loslassen, um ihn auf {when} zu verschieben.</translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <source>CareValidate documents no opening hours (bookings go through Calendly)</source>
        <translation>CareValidate dokumentiert keine Öffnungszeiten (Buchungen laufen über Calendly)</translation>
    </message>
    <message>
        <source>meetergo publishes free start times, not working hours</source>
        <translation>meetergo veröffentlicht freie Anfangszeiten, keine Arbeitszeiten</translation>
    </message>
    <message>
        <source>VantaX documents no working hours: a calendar takes bookings at any time</source>
        <translation>VantaX dokumentiert keine Arbeitszeiten: Ein Kalender nimmt jederzeit Buchungen an</translation>
    </message>
    <message>
        <source>VantaX contact</source>
        <translation>VantaX-Kontakt</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Ohne Speichern schließen</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>Nicht speichern</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>every: type a number of weeks from 1 to 52.</source>
        <translation>Alle: Geben Sie eine Anzahl Wochen von 1 bis 52 ein.</translation>
    </message>
    <message>
        <source>times: say how many times, or until which date.</source>
        <translation>Anzahl: Geben Sie an, wie oft oder bis zu welchem Datum.</translation>
    </message>
    <message>
        <source>times: a series has 2 to {most} appointments.</source>
        <translation>Anzahl: Eine Serie hat 2 bis {most} Termine.</translation>
    </message>
    <message>
        <source>until: choose a date after the first appointment.</source>
        <translation>Bis: Wählen Sie ein Datum nach dem ersten Termin.</translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s)</source>
        <translation>
            <numerusform>jede Woche</numerusform>
            <numerusform>alle %n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{every}, %n time(s)</source>
        <translation>
            <numerusform>{every}, %n-mal</numerusform>
            <numerusform>{every}, %n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>No appointment of the series is left to book.</source>
        <translation>Kein Termin der Serie ist mehr zu buchen.</translation>
    </message>
    <message>
        <source>This appointment is in no series.</source>
        <translation>Dieser Termin gehört zu keiner Serie.</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Repeat appointment</source>
        <translation>Termin wiederholen</translation>
    </message>
    <message>
        <source>&lt;b&gt;{patient}&lt;/b&gt;, at &lt;b&gt;{time}&lt;/b&gt; (clinic time) from {day}. Every appointment keeps this time of day, also across a change of the clocks.</source>
        <translation>&lt;b&gt;{patient}&lt;/b&gt;, um &lt;b&gt;{time}&lt;/b&gt; (Praxiszeit) ab {day}. Jeder Termin behält diese Uhrzeit, auch über eine Zeitumstellung hinweg.</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> Woche(n)</translation>
    </message>
    <message>
        <source>Every how many weeks</source>
        <translation>Alle wie viele Wochen</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>&amp;Times in all</source>
        <translation>&amp;Anzahl insgesamt</translation>
    </message>
    <message>
        <source>How many appointments</source>
        <translation>Wie viele Termine</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Until which date</source>
        <translation>Bis zu welchem Datum</translation>
    </message>
    <message>
        <source>When (clinic time)</source>
        <translation>Wann (Praxiszeit)</translation>
    </message>
    <message>
        <source>Checked offline</source>
        <translation>Offline geprüft</translation>
    </message>
    <message>
        <source>Book at</source>
        <translation>Buchen um</translation>
    </message>
    <message>
        <source>The series&apos; appointments</source>
        <translation>Die Termine der Serie</translation>
    </message>
    <message>
        <source>What will be booked</source>
        <translation>Was gebucht wird</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>Passt</translation>
    </message>
    <message>
        <source>Does not fit: {why}</source>
        <translation>Passt nicht: {why}</translation>
    </message>
    <message>
        <source>Likely fits ({why})</source>
        <translation>Passt wahrscheinlich ({why})</translation>
    </message>
    <message>
        <source>Appointment {number}: book at</source>
        <translation>Termin {number}: buchen um</translation>
    </message>
    <message>
        <source>As asked</source>
        <translation>Wie gewünscht</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>Zeit wählen…</translation>
    </message>
    <message>
        <source>Skip this one</source>
        <translation>Diesen auslassen</translation>
    </message>
    <message>
        <source>All {count} appointments fit; they are booked together.</source>
        <translation>Alle {count} Termine passen; sie werden zusammen gebucht.</translation>
    </message>
    <message>
        <source>{misfits} of {count} do not fit (number {numbers}): pick one of the nearest openings for each, or skip it. {why}</source>
        <translation>{misfits} von {count} passen nicht (Nummer {numbers}): Wählen Sie für jeden eine der nächsten freien Zeiten oder lassen Sie ihn aus. {why}</translation>
    </message>
    <message>
        <source>{count} still to choose.</source>
        <translation>{count} noch zu wählen.</translation>
    </message>
    <message>
        <source>&amp;Book {count} appointments</source>
        <translation>{count} Termine &amp;buchen</translation>
    </message>
    <message>
        <source>Nothing was booked.</source>
        <translation>Es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>The desk could not save the series; nothing was booked.</source>
        <translation>Der Empfang konnte die Serie nicht speichern; es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>&amp;Repeat…</source>
        <translation>&amp;Wiederholen…</translation>
    </message>
    <message>
        <source>Book this appointment every N weeks (a course of treatment)</source>
        <translation>Diesen Termin alle N Wochen buchen (eine Behandlungsserie)</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>SeriesScope</name>
    <message>
        <source>In a series ({rule}):</source>
        <translation>In einer Serie ({rule}):</translation>
    </message>
    <message>
        <source>&amp;This one</source>
        <translation>&amp;Nur diesen</translation>
    </message>
    <message>
        <source>This and the &amp;following ({count})</source>
        <translation>Diesen und die &amp;folgenden ({count})</translation>
    </message>
    <message>
        <source>Which appointments of the series</source>
        <translation>Welche Termine der Serie</translation>
    </message>
    <message>
        <source>Nothing is cancelled:</source>
        <translation>Nichts wird abgesagt:</translation>
    </message>
    <message>
        <source>Nothing is moved:</source>
        <translation>Nichts wird verschoben:</translation>
    </message>
    <message>
        <source>{count} of the series&apos; appointments do not fit.</source>
        <translation>{count} Termine der Serie passen nicht.</translation>
    </message>
    <message>
        <source>{count} appointments move together, each by the same shift.</source>
        <translation>{count} Termine werden zusammen verschoben, jeder um dieselbe Spanne.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>{typed} is not a time zone. Pick one from the list, or type a name such as Europe/Berlin.</source>
        <translation>{typed} ist keine Zeitzone. Wählen Sie eine aus der Liste oder geben Sie einen Namen wie Europe/Berlin ein.</translation>
    </message>
    <message>
        <source>Pick the phone region from the list.</source>
        <translation>Wählen Sie die Telefonregion aus der Liste.</translation>
    </message>
    <message>
        <source>Pick the paper from the list.</source>
        <translation>Wählen Sie das Papier aus der Liste.</translation>
    </message>
    <message>
        <source>The desk locks itself after 1 to {most} idle minutes.</source>
        <translation>Der Empfang sperrt sich nach 1 bis {most} Minuten ohne Eingabe.</translation>
    </message>
    <message>
        <source>Pick the language from the list.</source>
        <translation>Wählen Sie die Sprache aus der Liste.</translation>
    </message>
    <message>
        <source>Check the settings.</source>
        <translation>Bitte prüfen Sie die Einstellungen.</translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation>Praxiseinstellungen</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>This computer&apos;s ({zone})</source>
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
        <source>The time zone&apos;s country</source>
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
        <source>This computer&apos;s ({language})</source>
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
    <name>Shortcuts</name>
    <message>
        <source>Previous / next day (in the day view), or move across the week</source>
        <translation>Vorheriger / nächster Tag (in der Tagesansicht) oder durch die Woche bewegen</translation>
    </message>
    <message>
        <source>Previous / next appointment</source>
        <translation>Vorheriger / nächster Termin</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Open the selected appointment</source>
        <translation>Den gewählten Termin öffnen</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop dragging an appointment (it goes back where it was)</source>
        <translation>Ziehen eines Termins abbrechen (er kehrt an seinen Platz zurück)</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Doppelklick</translation>
    </message>
    <message>
        <source>Open an appointment, or book at an empty time</source>
        <translation>Einen Termin öffnen oder zu einer freien Zeit buchen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Funktion</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Calendar side panel</source>
        <translation>Kalender-Seitenleiste</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>Gehe zu Datum</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Resource filter</source>
        <translation>Ressourcenfilter</translation>
    </message>
    <message>
        <source>Tick the providers, rooms or calendars the calendar shows.</source>
        <translation>Wählen Sie die Behandler, Räume oder Kalender, die der Kalender zeigt.</translation>
    </message>
    <message>
        <source>Week: a column per resource</source>
        <translation>Woche: eine Spalte pro Ressource</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Darf sich anmelden</translation>
    </message>
    <message>
        <source>Last signed in</source>
        <translation>Zuletzt angemeldet</translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>The selected member</source>
        <translation>Gewählter Mitarbeiter</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>again</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>&amp;Reset PIN</source>
        <translation>PIN &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>Mitarbeiter hinzufügen</translation>
    </message>
    <message>
        <source>New member&apos;s name</source>
        <translation>Name des neuen Mitarbeiters</translation>
    </message>
    <message>
        <source>Staff: books and changes appointments</source>
        <translation>Mitarbeiter: bucht und ändert Termine</translation>
    </message>
    <message>
        <source>Administrator: also staff, connections, settings, audit trail</source>
        <translation>Administrator: zusätzlich Mitarbeiter, Verbindungen, Einstellungen, Protokoll</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>R&amp;olle</translation>
    </message>
    <message>
        <source>&amp;PIN (4 to 12 digits)</source>
        <translation>&amp;PIN (4 bis 12 Ziffern)</translation>
    </message>
    <message>
        <source>PIN a&amp;gain</source>
        <translation>PIN &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Staff message</source>
        <translation>Hinweis zu Mitarbeitern</translation>
    </message>
    <message>
        <source>Each change is recorded in the audit trail. A member who typed too many wrong PINs waits; a PIN reset ends the wait.</source>
        <translation>Jede Änderung wird im Protokoll festgehalten. Wer zu oft eine falsche PIN eingegeben hat, muss warten; ein Zurücksetzen der PIN beendet die Wartezeit.</translation>
    </message>
    <message>
        <source>No (disabled)</source>
        <translation>Nein (gesperrt)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Waits until {time}</source>
        <translation>Wartet bis {time}</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>Die beiden PINs unterscheiden sich; geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
    <message>
        <source>{name} added; they sign in with their name and PIN.</source>
        <translation>{name} hinzugefügt; die Anmeldung erfolgt mit Name und PIN.</translation>
    </message>
    <message>
        <source>{name}&apos;s PIN was reset.</source>
        <translation>Die PIN von {name} wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>{name} may no longer sign in.</source>
        <translation>{name} darf sich nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>{name} may sign in again.</source>
        <translation>{name} darf sich wieder anmelden.</translation>
    </message>
    <message>
        <source>A PIN is digits only.</source>
        <translation>Eine PIN besteht nur aus Ziffern.</translation>
    </message>
    <message>
        <source>A PIN is {least} to {most} digits.</source>
        <translation>Eine PIN hat {least} bis {most} Ziffern.</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated is too easy to guess.</source>
        <translation>Eine PIN aus einer wiederholten Ziffer ist zu leicht zu erraten.</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (1234, 9876) is too easy to guess.</source>
        <translation>Eine PIN aus aufeinanderfolgenden Ziffern (1234, 9876) ist zu leicht zu erraten.</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>That name and PIN do not match. Check both and try again.</source>
        <translation>Name und PIN passen nicht zusammen. Bitte prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Too many wrong PINs for {name}: try again in {wait}.</source>
        <translation>Zu viele falsche PINs für {name}: Bitte versuchen Sie es in {wait} erneut.</translation>
    </message>
    <message>
        <source>{name} may no longer sign in here; ask an administrator.</source>
        <translation>{name} darf sich hier nicht mehr anmelden; bitte wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <source>You cannot disable yourself; another administrator can.</source>
        <translation>Sie können sich nicht selbst deaktivieren; ein anderer Administrator kann das.</translation>
    </message>
    <message>
        <source>There is no staff member named {name}.</source>
        <translation>Es gibt keinen Mitarbeiter namens {name}.</translation>
    </message>
    <message>
        <source>Only an administrator can read the audit trail.</source>
        <translation>Nur ein Administrator kann das Protokoll lesen.</translation>
    </message>
    <message>
        <source>Only an administrator can add staff.</source>
        <translation>Nur ein Administrator kann Mitarbeiter hinzufügen.</translation>
    </message>
    <message>
        <source>Only an administrator can reset a PIN.</source>
        <translation>Nur ein Administrator kann eine PIN zurücksetzen.</translation>
    </message>
    <message>
        <source>Only an administrator can disable or enable staff.</source>
        <translation>Nur ein Administrator kann Mitarbeiter deaktivieren oder aktivieren.</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s columns.</source>
        <translation>Nur ein Administrator kann die Spalten der Praxis ändern.</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s settings.</source>
        <translation>Nur ein Administrator kann die Einstellungen der Praxis ändern.</translation>
    </message>
    <message>
        <source>Type the staff member&apos;s name.</source>
        <translation>Geben Sie den Namen des Mitarbeiters ein.</translation>
    </message>
    <message>
        <source>A name is at most {most} characters.</source>
        <translation>Ein Name hat höchstens {most} Zeichen.</translation>
    </message>
    <message>
        <source>A name holds letters, digits, spaces and punctuation only.</source>
        <translation>Ein Name enthält nur Buchstaben, Ziffern, Leerzeichen und Satzzeichen.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>not refreshed yet</source>
        <translation>noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>Open the sync panel</source>
        <translation>Sync-Bereich öffnen</translation>
    </message>
    <message>
        <source>Calendar last refreshed</source>
        <translation>Kalender zuletzt aktualisiert</translation>
    </message>
    <message>
        <source>Where the API keys are kept</source>
        <translation>Wo die API-Schlüssel gespeichert sind</translation>
    </message>
    <message>
        <source>Connection {name}</source>
        <translation>Verbindung {name}</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbindet…</translation>
    </message>
    <message>
        <source>sent by a desk with its key</source>
        <translation>gesendet von einem Empfang mit Schlüssel</translation>
    </message>
    <message>
        <source>key locked in the keyring: unlock it, then Sync now</source>
        <translation>Schlüssel im Schlüsselbund gesperrt: entsperren, dann Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>not set up: check it in Connections</source>
        <translation>nicht eingerichtet: unter Verbindungen prüfen</translation>
    </message>
    <message>
        <source>paused: check the API key</source>
        <translation>pausiert: API-Schlüssel prüfen</translation>
    </message>
    <message>
        <source>sent by another desk</source>
        <translation>von einem anderen Empfang gesendet</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline: bookings wait here</source>
        <translation>offline: Buchungen warten hier</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outcome unknown</source>
        <translation>
            <numerusform>%n Ergebnis unbekannt</numerusform>
            <numerusform>%n Ergebnisse unbekannt</numerusform>
        </translation>
    </message>
    <message>
        <source>fresh {when}</source>
        <translation>Stand {when}</translation>
    </message>
    <message>
        <source>All bookings synced</source>
        <translation>Alle Buchungen synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to sync</source>
        <translation>
            <numerusform>%n wartet auf Synchronisierung</numerusform>
            <numerusform>%n warten auf Synchronisierung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outcome unknown: settle in the sync panel</source>
        <translation>
            <numerusform>%n Ergebnis unbekannt: im Sync-Bereich klären</numerusform>
            <numerusform>%n Ergebnisse unbekannt: im Sync-Bereich klären</numerusform>
        </translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>synchronisiert…</translation>
    </message>
    <message>
        <source>Calendar not refreshed yet</source>
        <translation>Kalender noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Calendar refreshed {when}</source>
        <translation>Kalender aktualisiert {when}</translation>
    </message>
    <message>
        <source>API keys kept in a file</source>
        <translation>API-Schlüssel in einer Datei gespeichert</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The key of this desk&apos;s encrypted cache is kept in the system keyring, which could not be read: {reason}. Unlock the keyring (sign in to the desktop session), then start FrontDesk again. Nothing was changed.</source>
        <translation>Der Schlüssel des verschlüsselten Zwischenspeichers dieses Empfangs liegt im Schlüsselbund des Systems, der nicht gelesen werden konnte: {reason}. Entsperren Sie den Schlüsselbund (melden Sie sich an der Desktop-Sitzung an) und starten Sie FrontDesk dann erneut. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>cache key: this desk&apos;s cache is encrypted with a key kept in the system keyring, which did not take it: {reason}. Unlock the keyring (sign in to the desktop session) and start again, or agree to keep the key in {file}, readable only by this user account. Nothing was changed.</source>
        <translation>Schlüssel des Zwischenspeichers: Der Zwischenspeicher dieses Empfangs wird mit einem Schlüssel im Schlüsselbund des Systems verschlüsselt, der ihn nicht angenommen hat: {reason}. Entsperren Sie den Schlüsselbund (melden Sie sich an der Desktop-Sitzung an) und starten Sie erneut, oder stimmen Sie zu, den Schlüssel in {file} zu speichern, das nur dieses Benutzerkonto lesen kann. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>it is locked</source>
        <translation>er ist gesperrt</translation>
    </message>
    <message>
        <source>it failed: {what}</source>
        <translation>er meldet einen Fehler: {what}</translation>
    </message>
    <message>
        <source>credentials file: {file} cannot be read ({why}). Do not delete it: it may also hold the key of this desk&apos;s encrypted cache. Put back a backup of it if there is one; otherwise move it to another folder and keep it there, then give the API keys again (&apos;frontdesk connections edit NAME --api-key-stdin&apos;). If the cache&apos;s key was in it, FrontDesk then says the cache cannot be opened, and what to do.</source>
        <translation>Datei der Zugangsdaten: {file} kann nicht gelesen werden ({why}). Löschen Sie sie nicht: Sie kann auch den Schlüssel des verschlüsselten Zwischenspeichers dieses Empfangs enthalten. Spielen Sie eine Sicherung davon zurück, falls es eine gibt; sonst verschieben Sie sie in einen anderen Ordner und bewahren Sie sie dort auf, und geben Sie dann die API-Schlüssel erneut an (&apos;frontdesk connections edit NAME --api-key-stdin&apos;). War der Schlüssel des Zwischenspeichers darin, sagt FrontDesk danach, dass der Zwischenspeicher nicht geöffnet werden kann, und was zu tun ist.</translation>
    </message>
    <message>
        <source>it is not the JSON FrontDesk writes</source>
        <translation>sie ist nicht das JSON, das FrontDesk schreibt</translation>
    </message>
    <message>
        <source>database URL: write postgresql://USER@HOST:5432/DATABASE for a clinic&apos;s shared store, or sqlite:///PATH for a cache file</source>
        <translation>Datenbank-URL: Schreiben Sie postgresql://BENUTZER@SERVER:5432/DATENBANK für den gemeinsamen Speicher einer Praxis oder sqlite:///PFAD für eine Zwischenspeicher-Datei</translation>
    </message>
    <message>
        <source>database URL: name the server and the database, e.g. postgresql://frontdesk@clinic-server:5432/frontdesk</source>
        <translation>Datenbank-URL: Nennen Sie den Server und die Datenbank, z. B. postgresql://frontdesk@clinic-server:5432/frontdesk</translation>
    </message>
    <message>
        <source>database URL: sslmode={mode} would let patient data cross the network unchecked; leave sslmode out (FrontDesk then uses verify-full: TLS, the server&apos;s certificate checked against the system&apos;s or PGSSLROOTCERT&apos;s authorities) or write sslmode=verify-ca</source>
        <translation>Datenbank-URL: Mit sslmode={mode} würden Patientendaten ungeprüft durch das Netzwerk gehen; lassen Sie sslmode weg (FrontDesk verwendet dann verify-full: TLS, das Zertifikat des Servers wird gegen die Zertifizierungsstellen des Systems oder von PGSSLROOTCERT geprüft) oder schreiben Sie sslmode=verify-ca</translation>
    </message>
    <message>
        <source>database URL: leave the password out of it; put it in the PostgreSQL password file (pgpass) of this computer&apos;s user, or in PGPASSWORD</source>
        <translation>Datenbank-URL: Lassen Sie das Passwort weg; tragen Sie es in die PostgreSQL-Passwortdatei (pgpass) des Benutzers dieses Computers oder in PGPASSWORD ein</translation>
    </message>
    <message>
        <source>This desk&apos;s cache ({path}) is encrypted with a key this computer&apos;s user account does not hold: it was made on another computer or by another user, or its key was removed from the system keyring. Nothing was changed. Open FrontDesk as the user who made it, or move the file aside to start with an empty cache (the bookings come back from the booking systems at the next sync; changes not yet sent stay in the moved file).</source>
        <translation>Der Zwischenspeicher dieses Empfangs ({path}) ist mit einem Schlüssel verschlüsselt, den das Benutzerkonto dieses Computers nicht besitzt: Er wurde auf einem anderen Computer oder von einem anderen Benutzer angelegt, oder sein Schlüssel wurde aus dem Schlüsselbund des Systems entfernt. Es wurde nichts geändert. Öffnen Sie FrontDesk als der Benutzer, der ihn angelegt hat, oder verschieben Sie die Datei, um mit einem leeren Zwischenspeicher zu beginnen (die Buchungen kommen bei der nächsten Synchronisierung von den Buchungssystemen zurück; noch nicht gesendete Änderungen bleiben in der verschobenen Datei).</translation>
    </message>
    <message>
        <source>This cache{where} was last opened by a newer version of FrontDesk (schema {found}; this version knows up to {known}). Install the newer version on this computer; nothing was changed.</source>
        <translation>Dieser Zwischenspeicher{where} wurde zuletzt von einer neueren Version von FrontDesk geöffnet (Schema {found}; diese Version kennt bis {known}). Installieren Sie die neuere Version auf diesem Computer; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The clinic&apos;s shared database {database} on {host}:{port} (user {user}) could not be opened: {reason}. Check that the clinic&apos;s server is on and reachable from this computer, and the database&apos;s name, user and password (kept in this computer&apos;s PostgreSQL password file).</source>
        <translation>Die gemeinsame Datenbank der Praxis {database} auf {host}:{port} (Benutzer {user}) konnte nicht geöffnet werden: {reason}. Prüfen Sie, ob der Server der Praxis eingeschaltet und von diesem Computer aus erreichbar ist, sowie den Namen der Datenbank, den Benutzer und das Passwort (in der PostgreSQL-Passwortdatei dieses Computers).</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>new booking</source>
        <translation>neue Buchung</translation>
    </message>
    <message>
        <source>move</source>
        <translation>Verschiebung</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>Absage</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>patient&apos;s record</source>
        <translation>Patientendatensatz</translation>
    </message>
    <message>
        <source>Patient&apos;s record</source>
        <translation>Patientendatensatz</translation>
    </message>
    <message>
        <source>{record} for {when} {service}</source>
        <translation>{record} für {when} {service}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Provider or room</source>
        <translation>Behandler oder Raum</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Prüfung nötig</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Warum abgelehnt wurde</translation>
    </message>
    <message>
        <source>Nearest free times (double-click or Enter to rebook):</source>
        <translation>Nächste freie Zeiten (Doppelklick oder Eingabetaste zum Umbuchen):</translation>
    </message>
    <message>
        <source>Nearest free times</source>
        <translation>Nächste freie Zeiten</translation>
    </message>
    <message>
        <source>&amp;Rebook at this time</source>
        <translation>Zu dieser Zeit &amp;umbuchen</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>Buchung &amp;absagen</translation>
    </message>
    <message>
        <source>Note, e.g. called the patient, left a message</source>
        <translation>Notiz, z. B. Patient angerufen, Nachricht hinterlassen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>&amp;Notiz speichern</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>Changed in two places</source>
        <translation>An zwei Stellen geändert</translation>
    </message>
    <message>
        <source>The desk&apos;s and the booking system&apos;s versions</source>
        <translation>Die Fassung des Empfangs und die des Buchungssystems</translation>
    </message>
    <message>
        <source>&amp;Keep the desk&apos;s version</source>
        <translation>Fassung des Empfangs &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Take the booking system&apos;s version</source>
        <translation>Fassung des Buchungssystems &amp;übernehmen</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Nichts muss geprüft werden.</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>Dieser Empfang</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>Buchungssystem</translation>
    </message>
    <message>
        <source>The desk could not save this; try again.</source>
        <translation>Der Empfang konnte das nicht speichern; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Notiz gespeichert.</translation>
    </message>
    <message>
        <source>Held: changed here and in the booking system; settle it under Needs attention</source>
        <translation>Zurückgehalten: hier und im Buchungssystem geändert; unter Prüfung nötig klären</translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation>Sync-Bereich</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Letztes Problem</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Abgelehnte Änderungen</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Why the outcome is unknown</source>
        <translation>Warum das Ergebnis unbekannt ist</translation>
    </message>
    <message>
        <source>Its id there, if you found it (optional):</source>
        <translation>Die dortige ID, falls Sie sie gefunden haben (optional):</translation>
    </message>
    <message>
        <source>Remote id</source>
        <translation>Entfernte ID</translation>
    </message>
    <message>
        <source>else the next refresh links it</source>
        <translation>sonst verknüpft die nächste Aktualisierung sie</translation>
    </message>
    <message>
        <source>&amp;It arrived</source>
        <translation>&amp;Ist angekommen</translation>
    </message>
    <message>
        <source>The booking system holds it: close this, nothing is sent</source>
        <translation>Das Buchungssystem hat sie: schließen, nichts wird gesendet</translation>
    </message>
    <message>
        <source>Did no&amp;t arrive: send again</source>
        <translation>&amp;Nicht angekommen: erneut senden</translation>
    </message>
    <message>
        <source>The booking system does not hold it: send it again</source>
        <translation>Das Buchungssystem hat sie nicht: erneut senden</translation>
    </message>
    <message>
        <source>Cancel t&amp;he booking</source>
        <translation>Buchung a&amp;bsagen</translation>
    </message>
    <message>
        <source>Cancel it at this desk and send nothing more (if the booking system holds it, cancel it there too)</source>
        <translation>An diesem Empfang absagen und nichts mehr senden (falls das Buchungssystem sie hat, dort ebenfalls absagen)</translation>
    </message>
    <message>
        <source>Every change sent has had its answer.</source>
        <translation>Jede gesendete Änderung hat eine Antwort erhalten.</translation>
    </message>
    <message>
        <source>Nothing is sent again until you decide.</source>
        <translation>Nichts wird erneut gesendet, bis Sie entscheiden.</translation>
    </message>
    <message>
        <source>Already settled (a refresh found it).</source>
        <translation>Bereits geklärt (eine Aktualisierung hat sie gefunden).</translation>
    </message>
</context>
<context>
    <name>SyncProcess</name>
    <message>
        <source>Sync stopped unexpectedly{why}; starting it again in {seconds} s. Bookings wait safely on this desk.</source>
        <translation>Die Synchronisierung wurde unerwartet beendet{why}; sie startet in {seconds} s neu. Die Buchungen warten sicher an diesem Empfang.</translation>
    </message>
    <message>
        <source>Sync is running again.</source>
        <translation>Die Synchronisierung läuft wieder.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Services and opening hours could not be refreshed since {when}; the desk uses those it has.</source>
        <translation>Leistungen und Sprechzeiten konnten seit {when} nicht aktualisiert werden; der Empfang verwendet die vorhandenen.</translation>
    </message>
    <message>
        <source>Openings of {days} could not be refreshed since {when}; the desk shows them as last refreshed.</source>
        <translation>Freie Zeiten für {days} konnten seit {when} nicht aktualisiert werden; der Empfang zeigt sie wie zuletzt aktualisiert.</translation>
    </message>
    <message>
        <source>Bookings made elsewhere (online, by phone, other desks) could not be refreshed since {when}.</source>
        <translation>Anderswo gemachte Buchungen (online, telefonisch, an anderen Empfängen) konnten seit {when} nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>They are read again at the next sync.</source>
        <translation>Sie werden bei der nächsten Synchronisierung erneut gelesen.</translation>
    </message>
    <message>
        <source>services and hours not refreshed</source>
        <translation>Leistungen und Sprechzeiten nicht aktualisiert</translation>
    </message>
    <message>
        <source>bookings not refreshed</source>
        <translation>Buchungen nicht aktualisiert</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>openings of %n day(s) not refreshed</source>
        <translation>
            <numerusform>freie Zeiten für %n Tag nicht aktualisiert</numerusform>
            <numerusform>freie Zeiten für %n Tage nicht aktualisiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <source>An appointment cannot move to another booking system; book it there and cancel this one.</source>
        <translation>Ein Termin kann nicht in ein anderes Buchungssystem verschoben werden; buchen Sie ihn dort und sagen Sie diesen ab.</translation>
    </message>
    <message>
        <source>No working hours shown: {why}.</source>
        <translation>Keine Arbeitszeiten angezeigt: {why}.</translation>
    </message>
    <message>
        <source>Working hours shown from the booking systems that document them ({why}).</source>
        <translation>Sprechzeiten aus den Buchungssystemen, die sie angeben ({why}).</translation>
    </message>
    <message>
        <source>Week calendar</source>
        <translation>Wochenkalender</translation>
    </message>
    <message>
        <source>Appointments of the shown week. Double-click an appointment to open it, or an empty time to book there. Drag an appointment to move it.</source>
        <translation>Termine der angezeigten Woche. Doppelklicken Sie auf einen Termin, um ihn zu öffnen, oder auf eine freie Zeit, um dort zu buchen. Ziehen Sie einen Termin, um ihn zu verschieben.</translation>
    </message>
    <message>
        <source>Day calendar</source>
        <translation>Tageskalender</translation>
    </message>
    <message>
        <source>Appointments of the shown day, one column per provider or room. Double-click an appointment to open it, or an empty time to book there.</source>
        <translation>Termine des angezeigten Tages, eine Spalte je Behandler oder Raum. Doppelklicken Sie auf einen Termin, um ihn zu öffnen, oder auf eine freie Zeit, um dort zu buchen.</translation>
    </message>
</context>
<context>
    <name>Verdicts</name>
    <message>
        <source>The desk could not check this booking; it will be checked on save.</source>
        <translation>Der Empfang konnte diese Buchung nicht prüfen; sie wird beim Speichern geprüft.</translation>
    </message>
    <message>
        <source>This time does not exist on this day (clocks change)</source>
        <translation>Diese Uhrzeit gibt es an diesem Tag nicht (Zeitumstellung)</translation>
    </message>
    <message>
        <source>The clocks go back this night, so {time} happens twice; the first one ({zone}) is used.</source>
        <translation>In dieser Nacht wird die Uhr zurückgestellt, {time} gibt es also zweimal; die erste ({zone}) wird verwendet.</translation>
    </message>
    <message>
        <source>The clinic does not take bookings at this time. Pick a time inside the opening hours.</source>
        <translation>Die Praxis nimmt zu dieser Zeit keine Buchungen an. Wählen Sie eine Zeit innerhalb der Öffnungszeiten.</translation>
    </message>
    <message>
        <source>This session is closed on this day. Pick another day or session.</source>
        <translation>Diese Sprechstunde ist an diesem Tag geschlossen. Wählen Sie einen anderen Tag oder eine andere Sprechstunde.</translation>
    </message>
    <message>
        <source>This session is fully booked. Pick another time or branch.</source>
        <translation>Diese Sprechstunde ist ausgebucht. Wählen Sie eine andere Zeit oder einen anderen Standort.</translation>
    </message>
    <message>
        <source>This time has already passed. Pick a time in the future.</source>
        <translation>Diese Zeit ist bereits vorbei. Wählen Sie eine Zeit in der Zukunft.</translation>
    </message>
    <message>
        <source>This service can no longer be booked. Choose another service.</source>
        <translation>Diese Leistung kann nicht mehr gebucht werden. Wählen Sie eine andere Leistung.</translation>
    </message>
    <message>
        <source>This patient already has this service booked on this day.</source>
        <translation>Dieser Patient hat diese Leistung an diesem Tag bereits gebucht.</translation>
    </message>
    <message>
        <source>Choose which booking system to book in.</source>
        <translation>Wählen Sie, in welchem Buchungssystem gebucht wird.</translation>
    </message>
    <message>
        <source>This clinic does not allow cancelling through the booking system. Call the clinic&apos;s office to cancel.</source>
        <translation>Diese Praxis erlaubt keine Absagen über das Buchungssystem. Rufen Sie zum Absagen das Praxisbüro an.</translation>
    </message>
    <message>
        <source>It is too late to cancel this appointment in the booking system.</source>
        <translation>Für eine Absage dieses Termins im Buchungssystem ist es zu spät.</translation>
    </message>
    <message>
        <source>Choose a valid date and time.</source>
        <translation>Wählen Sie ein gültiges Datum und eine gültige Uhrzeit.</translation>
    </message>
    <message>
        <source>Pick a time inside a morning, afternoon or evening session.</source>
        <translation>Wählen Sie eine Zeit in einer Vormittags-, Nachmittags- oder Abendsprechstunde.</translation>
    </message>
    <message>
        <source>Choose a branch.</source>
        <translation>Wählen Sie einen Standort.</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>Wählen Sie eine Leistung.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s name.</source>
        <translation>Geben Sie den Namen des Patienten ein.</translation>
    </message>
    <message>
        <source>Type the patient&apos;s phone number.</source>
        <translation>Geben Sie die Telefonnummer des Patienten ein.</translation>
    </message>
    <message>
        <source>Check the details and try again.</source>
        <translation>Prüfen Sie die Angaben und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The booking system refused this booking.</source>
        <translation>Das Buchungssystem hat diese Buchung abgelehnt.</translation>
    </message>
    <message>
        <source>{code} · this desk&apos;s own rule</source>
        <translation>{code} · eigene Regel dieses Empfangs</translation>
    </message>
    <message>
        <source>Vastal may refuse it, or accept it as a manual booking.</source>
        <translation>Vastal kann ihn ablehnen oder als manuelle Buchung annehmen.</translation>
    </message>
    <message>
        <source>{wire} is not text; Vastal may refuse the booking.</source>
        <translation>{wire} ist kein Text; Vastal kann die Buchung ablehnen.</translation>
    </message>
    <message>
        <source>start_time is not an ISO 8601 date-time with a zone (such as 2027-01-21T14:00:00Z); Vastal may refuse it or read it differently.</source>
        <translation>start_time ist kein ISO-8601-Zeitpunkt mit Zone (wie 2027-01-21T14:00:00Z); Vastal kann ihn ablehnen oder anders lesen.</translation>
    </message>
    <message>
        <source>This appointment type is not in the list Vastal last gave (refresh the catalog); Vastal may refuse the booking.</source>
        <translation>Diese Terminart steht nicht in der zuletzt von Vastal gelieferten Liste (Katalog aktualisieren); Vastal kann die Buchung ablehnen.</translation>
    </message>
    <message>
        <source>This appointment type is switched off in Vastal.</source>
        <translation>Diese Terminart ist in Vastal ausgeschaltet.</translation>
    </message>
    <message>
        <source>This time has already passed.</source>
        <translation>Diese Zeit ist bereits vorbei.</translation>
    </message>
    <message>
        <source>This type asks for {n} hours&apos; notice.</source>
        <translation>Diese Terminart verlangt {n} Stunden Vorlauf.</translation>
    </message>
    <message>
        <source>This type is booked at most {n} days ahead.</source>
        <translation>Diese Terminart wird höchstens {n} Tage im Voraus gebucht.</translation>
    </message>
    <message>
        <source>This time is outside the weekly availability for this type.</source>
        <translation>Diese Zeit liegt außerhalb der wöchentlichen Verfügbarkeit dieser Terminart.</translation>
    </message>
    <message>
        <source>This type&apos;s daily limit ({n}) is reached.</source>
        <translation>Das Tageslimit dieser Terminart ({n}) ist erreicht.</translation>
    </message>
    <message>
        <source>This type&apos;s weekly limit ({n}) is reached.</source>
        <translation>Das Wochenlimit dieser Terminart ({n}) ist erreicht.</translation>
    </message>
    <message>
        <source>This type&apos;s monthly limit ({n}) is reached.</source>
        <translation>Das Monatslimit dieser Terminart ({n}) ist erreicht.</translation>
    </message>
    <message>
        <source>This time overlaps another appointment (with the buffers).</source>
        <translation>Diese Zeit überschneidet sich mit einem anderen Termin (einschließlich Pufferzeiten).</translation>
    </message>
    <message>
        <source>This type follows Vastal&apos;s named schedule {name}, whose hours no Vastal endpoint shows; Vastal checks the time when the booking is sent.</source>
        <translation>Diese Terminart folgt Vastals benanntem Zeitplan {name}, dessen Zeiten kein Vastal-Endpunkt zeigt; Vastal prüft die Zeit, wenn die Buchung gesendet wird.</translation>
    </message>
    <message>
        <source>This event type is not among those CareValidate lists for the connection&apos;s states; it may refuse it. CareValidate checks the slot when the booking is sent.</source>
        <translation>Diese Terminart gehört nicht zu denen, die CareValidate für die Bundesstaaten der Verbindung auflistet; es kann sie ablehnen. CareValidate prüft den Termin, wenn die Buchung gesendet wird.</translation>
    </message>
    <message>
        <source>The start has passed; CareValidate will likely refuse it. CareValidate checks the slot when the booking is sent.</source>
        <translation>Der Beginn ist vorbei; CareValidate wird die Buchung wahrscheinlich ablehnen. CareValidate prüft den Termin, wenn die Buchung gesendet wird.</translation>
    </message>
    <message>
        <source>The provider already has a booking at this time in the desk&apos;s cache; CareValidate checks the slot when the booking is sent and refuses a time that is taken.</source>
        <translation>Der Behandler hat laut Zwischenspeicher des Empfangs zu dieser Zeit bereits eine Buchung; CareValidate prüft den Termin beim Senden und lehnt eine belegte Zeit ab.</translation>
    </message>
    <message>
        <source>meetergo may keep this booking provisional until the patient or the host confirms it: the meeting type&apos;s double opt-in or host confirmation is {value}, whose meaning the API does not document</source>
        <translation>meetergo hält diese Buchung möglicherweise vorläufig, bis der Patient oder der Gastgeber sie bestätigt: Double-Opt-in oder Gastgeberbestätigung der Terminart ist {value}, dessen Bedeutung die API nicht dokumentiert</translation>
    </message>
    <message>
        <source>Another booking on this calendar overlaps this time. VantaX publishes no opening hours or overlap rule, so it may judge this differently; checked against the desk&apos;s cached bookings only.</source>
        <translation>Eine andere Buchung in diesem Kalender überschneidet sich mit dieser Zeit. VantaX veröffentlicht keine Öffnungszeiten oder Überschneidungsregel und kann es daher anders beurteilen; geprüft nur gegen die zwischengespeicherten Buchungen des Empfangs.</translation>
    </message>
    <message>
        <source>This booking was just changed by the booking system or another desk. Look at it again, then retry.</source>
        <translation>Diese Buchung wurde gerade vom Buchungssystem oder an einem anderen Empfang geändert. Sehen Sie sie sich erneut an und versuchen Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>Nobody knows yet whether the booking system received this booking. Settle it in the sync panel first (it arrived, send it again, or cancel it).</source>
        <translation>Noch ist unbekannt, ob das Buchungssystem diese Buchung erhalten hat. Klären Sie sie zuerst im Sync-Bereich (angekommen, erneut senden oder absagen).</translation>
    </message>
    <message>
        <source>Cancellation is not allowed for this organization</source>
        <translation>Absagen sind bei dieser Organisation nicht erlaubt</translation>
    </message>
    <message>
        <source>Appointments must be cancelled at least {hours} hours before they start</source>
        <translation>Termine müssen mindestens {hours} Stunden vor Beginn abgesagt werden</translation>
    </message>
    <message>
        <source>Type the patient&apos;s email address.</source>
        <translation>Geben Sie die E-Mail-Adresse des Patienten ein.</translation>
    </message>
    <message>
        <source>Choose where the patient is seen.</source>
        <translation>Wählen Sie, wo der Patient behandelt wird.</translation>
    </message>
    <message>
        <source>Choose a date and time.</source>
        <translation>Wählen Sie Datum und Uhrzeit.</translation>
    </message>
    <message>
        <source>This is not an email address (name@example.org).</source>
        <translation>Das ist keine E-Mail-Adresse (name@example.org).</translation>
    </message>
    <message>
        <source>A patient can only arrive on the day of the appointment; this one is on {day}.</source>
        <translation>Ein Patient kann nur am Tag des Termins eintreffen; dieser ist am {day}.</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} today, so it cannot be completed before then.</source>
        <translation>Noch nicht: Der Termin beginnt heute um {time} und kann vorher nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} {day}, so it cannot be completed before then.</source>
        <translation>Noch nicht: Der Termin beginnt um {time} am {day} und kann vorher nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} today, so it cannot be a no-show before then.</source>
        <translation>Noch nicht: Der Termin beginnt heute um {time}; vorher kann niemand als nicht erschienen gelten.</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} {day}, so it cannot be a no-show before then.</source>
        <translation>Noch nicht: Der Termin beginnt um {time} am {day}; vorher kann niemand als nicht erschienen gelten.</translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation>Wählen Sie eine Verbindung.</translation>
    </message>
    <message>
        <source>The desk has no cached opening hours for this day; the booking system will check them at sync.</source>
        <translation>Der Empfang hat für diesen Tag keine zwischengespeicherten Öffnungszeiten; das Buchungssystem prüft sie beim Synchronisieren.</translation>
    </message>
    <message>
        <source>This connection&apos;s calendar has not been refreshed for over an hour; another channel may have taken the slot.</source>
        <translation>Der Kalender dieser Verbindung wurde seit über einer Stunde nicht aktualisiert; ein anderer Kanal könnte die Zeit vergeben haben.</translation>
    </message>
    <message>
        <source>This booking is no longer here.</source>
        <translation>Diese Buchung ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>This booking system is not connected.</source>
        <translation>Dieses Buchungssystem ist nicht verbunden.</translation>
    </message>
    <message>
        <source>This booking is already cancelled.</source>
        <translation>Diese Buchung ist bereits abgesagt.</translation>
    </message>
    <message>
        <source>This booking is cancelled; book the patient again.</source>
        <translation>Diese Buchung ist abgesagt; buchen Sie den Patienten neu.</translation>
    </message>
    <message>
        <source>The booking system refused this booking; rebook it first.</source>
        <translation>Das Buchungssystem hat diese Buchung abgelehnt; buchen Sie sie zuerst neu.</translation>
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
<context>
    <name>WaitingRoom</name>
    <message numerus="yes">
        <source>%n patient(s) waiting</source>
        <translation>
            <numerusform>%n Patient wartet</numerusform>
            <numerusform>%n Patienten warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Booked for</source>
        <translation>Gebucht für</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Eingetroffen</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Gewartet</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <translation>Wartezimmer</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Patients waiting</source>
        <translation>Wartende Patienten</translation>
    </message>
    <message>
        <source>In the &amp;chair</source>
        <translation>Im &amp;Behandlungsstuhl</translation>
    </message>
    <message>
        <source>The patient went in (kept at the desk only; Enter)</source>
        <translation>Der Patient ist hineingegangen (nur am Empfang festgehalten; Eingabetaste)</translation>
    </message>
    <message>
        <source>S&amp;een</source>
        <translation>&amp;Dran gewesen</translation>
    </message>
    <message>
        <source>Mark the appointment completed</source>
        <translation>Den Termin als abgeschlossen markieren</translation>
    </message>
    <message>
        <source>Nobody waiting.</source>
        <translation>Niemand wartet.</translation>
    </message>
    <message>
        <source>Not kept: the desk could not save this.</source>
        <translation>Nicht festgehalten: Der Empfang konnte dies nicht speichern.</translation>
    </message>
    <message>
        <source>&amp;Waiting room</source>
        <translation>&amp;Wartezimmer</translation>
    </message>
    <message>
        <source>Who arrived, when, and how long they have waited</source>
        <translation>Wer wann eingetroffen ist und wie lange schon wartet</translation>
    </message>
</context>
</TS>

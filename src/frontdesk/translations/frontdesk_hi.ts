<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi">
<context>
    <name>About</name>
    <message>
        <source>The booking desk for a clinic&apos;s front desk: book, move, cancel and check in patients, even when the internet is down. Bookings are checked by the clinic&apos;s own booking rules and sent to its booking system, exactly once.</source>
        <translation>क्लिनिक के रिसेप्शन के लिए बुकिंग डेस्क: मरीज़ों की बुकिंग करें, समय बदलें, रद्द करें और उनका आगमन दर्ज करें, इंटरनेट बंद होने पर भी। बुकिंग क्लिनिक के अपने बुकिंग नियमों से जाँची जाती हैं और उसके बुकिंग सिस्टम को ठीक एक बार भेजी जाती हैं।</translation>
    </message>
    <message>
        <source>Data and settings</source>
        <translation>डेटा और सेटिंग्स</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>डेटा</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>लॉग</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} के बारे में</translation>
    </message>
    <message>
        <source>{app} icon</source>
        <translation>{app} आइकन</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>संस्करण {version}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>संस्करण</translation>
    </message>
    <message>
        <source>{folder}:</source>
        <translation>{folder}:</translation>
    </message>
    <message>
        <source>Open this folder ({path})</source>
        <translation>यह फ़ोल्डर खोलें ({path})</translation>
    </message>
    <message>
        <source>{folder} folder</source>
        <translation>{folder} फ़ोल्डर</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>विवरण कॉपी करें</translation>
    </message>
    <message>
        <source>Copy the version and folders, for a support request</source>
        <translation>सहायता अनुरोध के लिए संस्करण और फ़ोल्डर कॉपी करें</translation>
    </message>
    <message>
        <source>This desk keeps its files here:</source>
        <translation>यह डेस्क अपनी फ़ाइलें यहाँ रखता है:</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>{patient}: {status}.</source>
        <translation>{patient}: {status}।</translation>
    </message>
    <message>
        <source>Appointment moved.</source>
        <translation>अपॉइंटमेंट का समय बदला गया।</translation>
    </message>
    <message>
        <source>Not changed: {why}</source>
        <translation>बदला नहीं गया: {why}</translation>
    </message>
    <message>
        <source>Not changed: the desk could not save this change; try again.</source>
        <translation>बदला नहीं गया: डेस्क यह बदलाव सहेज नहीं सका; फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Appointment cancelled.</source>
        <translation>अपॉइंटमेंट रद्द की गई।</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>कहाँ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>ध्यान दें</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>परिणाम अज्ञात</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>अपॉइंटमेंट सूची</translation>
    </message>
    <message>
        <source>The shown days as a list of appointments.</source>
        <translation>दिखाए गए दिन अपॉइंटमेंट की सूची के रूप में।</translation>
    </message>
</context>
<context>
    <name>Appointment</name>
    <message>
        <source>Appointment — {name}</source>
        <translation>अपॉइंटमेंट — {name}</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>बदलाव सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>बदलाव सहेजें</translation>
    </message>
</context>
<context>
    <name>Arrivals</name>
    <message>
        <source>time not recorded</source>
        <translation>समय दर्ज नहीं</translation>
    </message>
    <message>
        <source>waiting {time}</source>
        <translation>{time} से प्रतीक्षा में</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} मिनट</translation>
    </message>
    <message>
        <source>{hours} h {minutes}</source>
        <translation>{hours} घं. {minutes}</translation>
    </message>
    <message>
        <source>This patient is not marked arrived.</source>
        <translation>यह मरीज़ आ गए के रूप में चिह्नित नहीं है।</translation>
    </message>
    <message>
        <source>waiting {minutes} min</source>
        <translation>{minutes} मिनट से प्रतीक्षा में</translation>
    </message>
    <message>
        <source>waiting {hours} h {minutes}</source>
        <translation>{hours} घं. {minutes} से प्रतीक्षा में</translation>
    </message>
</context>
<context>
    <name>Asap</name>
    <message>
        <source>Patient: type the patient&apos;s name.</source>
        <translation>मरीज़: मरीज़ का नाम टाइप करें।</translation>
    </message>
    <message>
        <source>Phone: type a number to call the patient on.</source>
        <translation>फ़ोन: वह नंबर टाइप करें जिस पर मरीज़ को कॉल किया जा सके।</translation>
    </message>
    <message>
        <source>Phone: {problem}</source>
        <translation>फ़ोन: {problem}</translation>
    </message>
    <message>
        <source>Service: choose the service the patient needs.</source>
        <translation>सेवा: वह सेवा चुनें जो मरीज़ को चाहिए।</translation>
    </message>
    <message>
        <source>Until: choose today or a later day.</source>
        <translation>तक: आज या कोई बाद का दिन चुनें।</translation>
    </message>
    <message>
        <source>Days: choose days of the week.</source>
        <translation>दिन: सप्ताह के दिन चुनें।</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>a no-show</source>
        <translation>मरीज़ नहीं आए</translation>
    </message>
    <message>
        <source>moved away</source>
        <translation>कहीं और ले जाया गया</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>सुबह</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>दोपहर</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>शाम</translation>
    </message>
    <message>
        <source>(a service not in the cache yet)</source>
        <translation>(एक सेवा जो अभी कैश में नहीं है)</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <source>(a column not in the cache yet)</source>
        <translation>(एक कॉलम जो अभी कैश में नहीं है)</translation>
    </message>
    <message>
        <source>{when}, {service} with {resource} ({cause})</source>
        <translation>{when}, {resource} के साथ {service} ({cause})</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>कोई भी दिन</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>कोई भी समय</translation>
    </message>
</context>
<context>
    <name>AsapActions</name>
    <message>
        <source>&amp;ASAP list…</source>
        <translation>ASAP सूची (&amp;A)…</translation>
    </message>
    <message>
        <source>Patients who want an earlier time; add, edit, remove</source>
        <translation>मरीज़ जो पहले का समय चाहते हैं; जोड़ें, बदलें, हटाएँ</translation>
    </message>
    <message>
        <source>&amp;Put on the ASAP list…</source>
        <translation>ASAP सूची में डालें (&amp;P)…</translation>
    </message>
    <message>
        <source>The selected appointment&apos;s patient wants an earlier time</source>
        <translation>चुनी गई अपॉइंटमेंट के मरीज़ पहले का समय चाहते हैं</translation>
    </message>
    <message>
        <source>Select the patient&apos;s appointment first, then Put on the ASAP list.</source>
        <translation>पहले मरीज़ की अपॉइंटमेंट चुनें, फिर ASAP सूची में डालें।</translation>
    </message>
</context>
<context>
    <name>AsapEntry</name>
    <message>
        <source>ASAP entry</source>
        <translation>ASAP प्रविष्टि</translation>
    </message>
    <message>
        <source>Put on the ASAP list</source>
        <translation>ASAP सूची में डालें</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Type a name or phone to find the patient</source>
        <translation>मरीज़ को ढूँढने के लिए नाम या फ़ोन टाइप करें</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>बुकिंग सिस्टम</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Provider or resource</source>
        <translation>प्रदाता या संसाधन</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>What to correct</source>
        <translation>क्या ठीक करना है</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>मरीज़ (&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>फ़ोन (&amp;H)</translation>
    </message>
    <message>
        <source>Booking &amp;system</source>
        <translation>बुकिंग सिस्टम (&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ervice</source>
        <translation>सेवा (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;With</source>
        <translation>किसके साथ (&amp;W)</translation>
    </message>
    <message>
        <source>Days (none: any)</source>
        <translation>दिन (कोई नहीं: कोई भी)</translation>
    </message>
    <message>
        <source>Times (none: any)</source>
        <translation>समय (कोई नहीं: कोई भी)</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>तक (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>नोट (&amp;N)</translation>
    </message>
    <message>
        <source>Wants an earlier time than a booking they hold: a freed slot is offered as a move of that booking.</source>
        <translation>अपनी बुकिंग से पहले का समय चाहते हैं: खाली हुआ समय उसी बुकिंग का समय बदलने के रूप में दिया जाता है।</translation>
    </message>
    <message>
        <source>{service} ({minutes} min)</source>
        <translation>{service} ({minutes} मिनट)</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Another desk removed or changed this entry meanwhile; close this and open it again from the ASAP list.</source>
        <translation>किसी दूसरे डेस्क ने इस बीच यह प्रविष्टि हटा दी या बदल दी; इसे बंद करें और ASAP सूची से फिर खोलें।</translation>
    </message>
    <message>
        <source>The desk could not save this entry; try again.</source>
        <translation>डेस्क यह प्रविष्टि सहेज नहीं सका; फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>AsapOffer</name>
    <message numerus="yes">
        <source>%n freed slot(s)</source>
        <translation>
            <numerusform>%n खाली हुआ समय</numerusform>
            <numerusform>%n खाली हुए समय</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) on the ASAP list who could take it, nearest first (the earliest “until”, then the longest waiting).</source>
        <translation>
            <numerusform>ASAP सूची में %n मरीज़ जो इसे ले सकता है, सबसे नज़दीकी पहले (सबसे पहली “तक” तारीख, फिर सबसे लंबे समय से प्रतीक्षारत)।</numerusform>
            <numerusform>ASAP सूची में %n मरीज़ जो इसे ले सकते हैं, सबसे नज़दीकी पहले (सबसे पहली “तक” तारीख, फिर सबसे लंबे समय से प्रतीक्षारत)।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A freed slot: %n patient(s) on the ASAP list could take it.</source>
        <translation>
            <numerusform>एक समय खाली हुआ: ASAP सूची में %n मरीज़ इसे ले सकता है।</numerusform>
            <numerusform>एक समय खाली हुआ: ASAP सूची में %n मरीज़ इसे ले सकते हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Holds a later booking on another booking system: Book books this slot, then cancels that booking (a booking cannot move between booking systems).</source>
        <translation>दूसरी बुकिंग प्रणाली में बाद की बुकिंग है: बुक करें यह समय बुक करता है, फिर वह बुकिंग रद्द करता है (बुकिंग एक प्रणाली से दूसरी में नहीं जा सकती)।</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Patients on the ASAP list the freed slot suits</source>
        <translation>ASAP सूची के मरीज़ जिनके लिए खाली हुआ समय ठीक है</translation>
    </message>
    <message>
        <source>The chosen offer</source>
        <translation>चुना गया प्रस्ताव</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>बुक करें (&amp;B)</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>अभी नहीं</translation>
    </message>
    <message>
        <source>Holds a later booking: Book moves it here</source>
        <translation>बाद की बुकिंग है: बुक करें उसे यहाँ ले आता है</translation>
    </message>
    <message>
        <source>No freed slot to fill just now.</source>
        <translation>अभी भरने के लिए कोई खाली हुआ समय नहीं है।</translation>
    </message>
    <message>
        <source>{patient} can come {wishes}</source>
        <translation>{patient} आ सकते हैं: {wishes}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>नोट: {note}</translation>
    </message>
    <message>
        <source>Holds a later booking: it is moved here, not booked twice.</source>
        <translation>बाद की बुकिंग है: उसे यहाँ ले आया जाता है, दो बार बुक नहीं किया जाता।</translation>
    </message>
    <message>
        <source>&amp;Move here</source>
        <translation>यहाँ ले जाएँ (&amp;M)</translation>
    </message>
    <message>
        <source>Fill a freed slot</source>
        <translation>खाली हुआ समय भरें</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>बुक हो रहा है…</translation>
    </message>
    <message>
        <source>{patient} moved; it will be sent shortly.</source>
        <translation>{patient} का समय बदला गया; यह जल्द ही भेजा जाएगा।</translation>
    </message>
    <message>
        <source>{patient} booked, and their later booking cancelled; both will be sent shortly.</source>
        <translation>{patient} बुक हुए, और उनकी बाद की बुकिंग रद्द हुई; दोनों जल्द ही भेजे जाएँगे।</translation>
    </message>
    <message>
        <source>{patient} booked; it will be sent shortly.</source>
        <translation>{patient} बुक किए गए; यह जल्द ही भेजा जाएगा।</translation>
    </message>
    <message>
        <source>From the ASAP list: {patient} moved.</source>
        <translation>ASAP सूची से: {patient} का समय बदला गया।</translation>
    </message>
    <message>
        <source>From the ASAP list: {patient} booked.</source>
        <translation>ASAP सूची से: {patient} बुक किए गए।</translation>
    </message>
    <message>
        <source>Not booked: {why}</source>
        <translation>बुक नहीं हुआ: {why}</translation>
    </message>
    <message>
        <source>Not booked: the desk could not save it; try again.</source>
        <translation>बुक नहीं हुआ: डेस्क इसे सहेज नहीं सका; फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>AsapWindow</name>
    <message numerus="yes">
        <source>%n patient(s) waiting</source>
        <translation>
            <numerusform>%n मरीज़ प्रतीक्षा में</numerusform>
            <numerusform>%n मरीज़ प्रतीक्षा में</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n hidden by the filter</source>
        <translation>
            <numerusform>; %n फ़िल्टर से छिपा</numerusform>
            <numerusform>; %n फ़िल्टर से छिपे</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n expired (greyed)</source>
        <translation>
            <numerusform>; %n की अवधि समाप्त (धूसर)</numerusform>
            <numerusform>; %n की अवधि समाप्त (धूसर)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n expired patient(s) from the ASAP list?</source>
        <translation>
            <numerusform>ASAP सूची से %n अवधि-समाप्त मरीज़ हटाएँ?</numerusform>
            <numerusform>ASAP सूची से %n अवधि-समाप्त मरीज़ हटाएँ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) removed from the list.</source>
        <translation>
            <numerusform>%n मरीज़ सूची से हटाया गया।</numerusform>
            <numerusform>%n मरीज़ सूची से हटाए गए।</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>With</source>
        <translation>किसके साथ</translation>
    </message>
    <message>
        <source>Can come</source>
        <translation>आ सकते हैं</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>जोड़ा गया</translation>
    </message>
    <message>
        <source>ASAP list</source>
        <translation>ASAP सूची</translation>
    </message>
    <message>
        <source>Filter: name, phone, service or note</source>
        <translation>फ़िल्टर: नाम, फ़ोन, सेवा या नोट</translation>
    </message>
    <message>
        <source>Filter the ASAP list</source>
        <translation>ASAP सूची फ़िल्टर करें</translation>
    </message>
    <message>
        <source>Patients waiting for an earlier time</source>
        <translation>पहले के समय की प्रतीक्षा में मरीज़</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>जोड़ें (&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>बदलें (&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>हटाएँ (&amp;R)</translation>
    </message>
    <message>
        <source>Remove e&amp;xpired</source>
        <translation>अवधि-समाप्त हटाएँ (&amp;X)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source> (earlier than their booking)</source>
        <translation> (उनकी बुकिंग से पहले)</translation>
    </message>
    <message>
        <source>{day} by {who}</source>
        <translation>{day}, {who} द्वारा</translation>
    </message>
    <message>
        <source>Expired: the patient&apos;s last day has passed</source>
        <translation>अवधि समाप्त: मरीज़ का आख़िरी दिन बीत चुका है</translation>
    </message>
    <message>
        <source>Remove e&amp;xpired ({count})</source>
        <translation>अवधि-समाप्त हटाएँ ({count}) (&amp;X)</translation>
    </message>
    <message>
        <source>Remove expired entries</source>
        <translation>अवधि-समाप्त प्रविष्टियाँ हटाएँ</translation>
    </message>
    <message>
        <source>Not removed: the desk could not save it.</source>
        <translation>हटाया नहीं गया: डेस्क इसे सहेज नहीं सका।</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>डेस्क</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>घटना</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>क्या बदला</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>ऑडिट ट्रेल</translation>
    </message>
    <message>
        <source>From</source>
        <translation>से</translation>
    </message>
    <message>
        <source>To</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>कोई भी</translation>
    </message>
    <message>
        <source>Any event</source>
        <translation>कोई भी घटना</translation>
    </message>
    <message>
        <source>Patient or booking</source>
        <translation>मरीज़ या बुकिंग</translation>
    </message>
    <message>
        <source>Patient (name, phone, email) or booking id</source>
        <translation>मरीज़ (नाम, फ़ोन, ईमेल) या बुकिंग आईडी</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>से (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>तक (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>स्टाफ़ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>घटना (&amp;E)</translation>
    </message>
    <message>
        <source>Audit lines</source>
        <translation>ऑडिट पंक्तियाँ</translation>
    </message>
    <message>
        <source>&amp;Newer</source>
        <translation>नई (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Older</source>
        <translation>पुरानी (&amp;O)</translation>
    </message>
    <message>
        <source>Lines shown</source>
        <translation>दिखाई गई पंक्तियाँ</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>CSV के रूप में सहेजें (&amp;C)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Times are the clinic&apos;s. The trail can only grow: nothing in it can be changed or removed. The patient is the booking&apos;s as the desk holds it now.</source>
        <translation>समय क्लिनिक के हैं। ट्रेल केवल बढ़ सकती है: इसमें कुछ भी बदला या हटाया नहीं जा सकता। मरीज़ वही है जो अभी डेस्क पर बुकिंग में दर्ज है।</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>Lines {shown} of {total}</source>
        <translation>{total} में से पंक्तियाँ {shown}</translation>
    </message>
    <message>
        <source>Save the audit trail</source>
        <translation>ऑडिट ट्रेल सहेजें</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>सहेजा नहीं गया: {why}</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) saved to {path}.</source>
        <translation>
            <numerusform>%n पंक्ति {path} में सहेजी गई।</numerusform>
            <numerusform>%n पंक्तियाँ {path} में सहेजी गईं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>बुक किया</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>समय बदला</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द किया</translation>
    </message>
    <message>
        <source>Visit status</source>
        <translation>विज़िट की स्थिति</translation>
    </message>
    <message>
        <source>Refused change sent again</source>
        <translation>अस्वीकृत बदलाव फिर से भेजा</translation>
    </message>
    <message>
        <source>Refused change given up</source>
        <translation>अस्वीकृत बदलाव छोड़ दिया</translation>
    </message>
    <message>
        <source>Unknown outcome settled</source>
        <translation>अज्ञात परिणाम सुलझाया</translation>
    </message>
    <message>
        <source>Clash settled</source>
        <translation>टकराव सुलझाया</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>नोट जोड़ा</translation>
    </message>
    <message>
        <source>Changed in its window</source>
        <translation>अपनी विंडो में बदला</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>इम्पोर्ट किया</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>एक्सपोर्ट किया</translation>
    </message>
    <message>
        <source>Day sheet printed</source>
        <translation>दिन की सूची प्रिंट की</translation>
    </message>
    <message>
        <source>Patient&apos;s details opened</source>
        <translation>मरीज़ का विवरण खोला</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>साइन इन किया</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>साइन इन अस्वीकृत</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>डेस्क लॉक किया</translation>
    </message>
    <message>
        <source>Staff member added</source>
        <translation>स्टाफ़ सदस्य जोड़ा</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN रीसेट किया</translation>
    </message>
    <message>
        <source>Staff member disabled</source>
        <translation>स्टाफ़ सदस्य निष्क्रिय किया</translation>
    </message>
    <message>
        <source>Staff member enabled</source>
        <translation>स्टाफ़ सदस्य सक्रिय किया</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>ऑडिट ट्रेल एक्सपोर्ट किया</translation>
    </message>
    <message>
        <source>Put on the ASAP list</source>
        <translation>जल्द-से-जल्द सूची में डाला</translation>
    </message>
    <message>
        <source>ASAP entry changed</source>
        <translation>जल्द-से-जल्द प्रविष्टि बदली</translation>
    </message>
    <message>
        <source>Taken off the ASAP list</source>
        <translation>जल्द-से-जल्द सूची से हटाया</translation>
    </message>
    <message>
        <source>Patient&apos;s confirmation</source>
        <translation>मरीज़ की पुष्टि</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>आगमन</translation>
    </message>
    <message>
        <source>Blockout added</source>
        <translation>ब्लॉक किया समय जोड़ा</translation>
    </message>
    <message>
        <source>Blockout changed</source>
        <translation>ब्लॉक किया समय बदला</translation>
    </message>
    <message>
        <source>Blockout removed</source>
        <translation>ब्लॉक किया समय हटाया</translation>
    </message>
    <message>
        <source>Put on the pinboard</source>
        <translation>पिनबोर्ड पर लगाया</translation>
    </message>
    <message>
        <source>Taken off the pinboard</source>
        <translation>पिनबोर्ड से हटाया</translation>
    </message>
    <message>
        <source>Clinic columns changed</source>
        <translation>क्लिनिक के कॉलम बदले</translation>
    </message>
</context>
<context>
    <name>AuditLines</name>
    <message>
        <source>start</source>
        <translation>शुरुआत</translation>
    </message>
    <message>
        <source>end</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <source>place</source>
        <translation>जगह</translation>
    </message>
    <message>
        <source>service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>patient&apos;s name</source>
        <translation>मरीज़ का नाम</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>नोट्स</translation>
    </message>
    <message>
        <source>visit status</source>
        <translation>विज़िट की स्थिति</translation>
    </message>
    <message>
        <source>name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>patient&apos;s answer</source>
        <translation>मरीज़ का जवाब</translation>
    </message>
    <message>
        <source>arrived at</source>
        <translation>पहुँचने का समय</translation>
    </message>
    <message>
        <source>in the chair at</source>
        <translation>कुर्सी पर बैठने का समय</translation>
    </message>
    <message>
        <source>column</source>
        <translation>कॉलम</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>repeats</source>
        <translation>दोहराव</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>हफ़्ते</translation>
    </message>
    <message>
        <source>until</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>order of the columns</source>
        <translation>कॉलम का क्रम</translation>
    </message>
    <message>
        <source>order of the views</source>
        <translation>व्यू का क्रम</translation>
    </message>
    <message>
        <source>column {name}</source>
        <translation>कॉलम {name}</translation>
    </message>
    <message>
        <source>resource {name}</source>
        <translation>रिसोर्स {name}</translation>
    </message>
    <message>
        <source>view {name}</source>
        <translation>व्यू {name}</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>एडमिनिस्ट्रेटर</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>the booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>समय बदलना</translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation>रद्द करना</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>the patient&apos;s record</source>
        <translation>मरीज़ का रिकॉर्ड</translation>
    </message>
    <message>
        <source>time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>the appointment&apos;s window</source>
        <translation>अपॉइंटमेंट की विंडो</translation>
    </message>
    <message>
        <source>the details panel</source>
        <translation>विवरण पैनल</translation>
    </message>
    <message>
        <source>the first administrator, at the first start</source>
        <translation>पहला एडमिनिस्ट्रेटर, पहली बार शुरू करने पर</translation>
    </message>
    <message>
        <source>unknown name</source>
        <translation>अज्ञात नाम</translation>
    </message>
    <message>
        <source>locked out</source>
        <translation>लॉक है</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>गलत PIN</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>निष्क्रिय किया गया</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>अनलॉक किया</translation>
    </message>
    <message>
        <source>when the desk started</source>
        <translation>डेस्क शुरू होने पर</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>निष्क्रिय रहने पर</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>हाथ से</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>डेमो</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>कमांड लाइन</translation>
    </message>
    <message>
        <source>the demo clinic&apos;s columns</source>
        <translation>डेमो क्लिनिक के कॉलम</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>आ गए</translation>
    </message>
    <message>
        <source>back to waiting</source>
        <translation>वापस प्रतीक्षा में</translation>
    </message>
    <message>
        <source>in the chair</source>
        <translation>कुर्सी पर</translation>
    </message>
    <message>
        <source>seen (completed)</source>
        <translation>देख लिया (पूरा)</translation>
    </message>
    <message>
        <source>cancelled meanwhile</source>
        <translation>इस बीच रद्द हुआ</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>एक नोट</translation>
    </message>
    <message>
        <source>kept the desk&apos;s version</source>
        <translation>डेस्क का संस्करण रखा</translation>
    </message>
    <message>
        <source>took the booking system&apos;s version</source>
        <translation>बुकिंग सिस्टम का संस्करण लिया</translation>
    </message>
    <message>
        <source>it arrived</source>
        <translation>यह पहुँच गया</translation>
    </message>
    <message>
        <source>cancelled the booking; nothing more is sent</source>
        <translation>बुकिंग रद्द की; अब कुछ नहीं भेजा जाएगा</translation>
    </message>
    <message>
        <source>with the following of its series</source>
        <translation>सीरीज़ के आगे के अपॉइंटमेंट के साथ</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>हटाया गया</translation>
    </message>
    <message>
        <source>removed from the list</source>
        <translation>सूची से हटाया गया</translation>
    </message>
    <message>
        <source>booked in a freed slot</source>
        <translation>खाली हुए समय में बुक किया</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>समय समाप्त</translation>
    </message>
    <message>
        <source>whole clinic</source>
        <translation>पूरा क्लिनिक</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>स्टैंडर्ड आउटपुट</translation>
    </message>
    <message>
        <source>day sheet</source>
        <translation>दिन की सूची</translation>
    </message>
    <message>
        <source>(a name nobody has)</source>
        <translation>(ऐसा नाम जो किसी का नहीं है)</translation>
    </message>
    <message>
        <source>day sheet of {day}, {count} appointments, to the printer</source>
        <translation>{day} की दिन की सूची, {count} अपॉइंटमेंट, प्रिंटर को</translation>
    </message>
    <message>
        <source>day sheet of {day}, {count} appointments, as a PDF ({file})</source>
        <translation>{day} की दिन की सूची, {count} अपॉइंटमेंट, PDF के रूप में ({file})</translation>
    </message>
    <message>
        <source>confirmation list of {day}, {count} appointments</source>
        <translation>{day} की पुष्टि सूची, {count} अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>{title}: {count} appointments, {format}, {file}</source>
        <translation>{title}: {count} अपॉइंटमेंट, {format}, {file}</translation>
    </message>
    <message>
        <source>{count} lines to {file} ({asked})</source>
        <translation>{count} पंक्तियाँ {file} में ({asked})</translation>
    </message>
    <message>
        <source>{count} lines to {file}</source>
        <translation>{count} पंक्तियाँ {file} में</translation>
    </message>
    <message>
        <source>took over from {name}</source>
        <translation>{name} से संभाला</translation>
    </message>
    <message>
        <source>for {name}</source>
        <translation>{name} के लिए</translation>
    </message>
    <message>
        <source>ASAP entry {id}: {why}</source>
        <translation>जल्द-से-जल्द सूची की प्रविष्टि {id}: {why}</translation>
    </message>
    <message>
        <source>ASAP entry {id}</source>
        <translation>जल्द-से-जल्द सूची की प्रविष्टि {id}</translation>
    </message>
    <message>
        <source>from {file}</source>
        <translation>{file} से</translation>
    </message>
    <message>
        <source>series {id}, {number} of {total}</source>
        <translation>सीरीज़ {id}, {total} में से {number}</translation>
    </message>
    <message>
        <source>booked at the desk, {number} of {total} in a series</source>
        <translation>डेस्क पर बुक किया, सीरीज़ के {total} में से {number}</translation>
    </message>
    <message>
        <source>to {instant}, with the following of its series</source>
        <translation>{instant} पर, सीरीज़ के आगे के अपॉइंटमेंट के साथ</translation>
    </message>
    <message>
        <source>{reason}; with the following of its series</source>
        <translation>{reason}; सीरीज़ के आगे के अपॉइंटमेंट के साथ</translation>
    </message>
    <message>
        <source>to {instant}</source>
        <translation>{instant} पर</translation>
    </message>
    <message>
        <source>{parts} (kept at the desk)</source>
        <translation>{parts} (सिर्फ़ डेस्क पर रखा गया)</translation>
    </message>
    <message>
        <source>{parts}; to {instant}</source>
        <translation>{parts}; {instant} पर</translation>
    </message>
    <message>
        <source>{parts}</source>
        <translation>{parts}</translation>
    </message>
    <message>
        <source>kept at the desk only; {system} still has it as booked</source>
        <translation>सिर्फ़ डेस्क पर दर्ज; {system} में यह अब भी बुक है</translation>
    </message>
    <message>
        <source>kept at the desk only: {system} has no &quot;{status}&quot; status</source>
        <translation>सिर्फ़ डेस्क पर दर्ज: {system} में &quot;{status}&quot; स्थिति नहीं है</translation>
    </message>
    <message>
        <source>arrival undone ({status})</source>
        <translation>आगमन वापस लिया ({status})</translation>
    </message>
    <message>
        <source>kept at {instant} until placed</source>
        <translation>रखे जाने तक {instant} पर छोड़ा</translation>
    </message>
    <message>
        <source>placed at {instant}</source>
        <translation>{instant} पर रखा</translation>
    </message>
    <message>
        <source>left at {instant}</source>
        <translation>{instant} पर छोड़ा</translation>
    </message>
    <message>
        <source>kept at {when} until placed</source>
        <translation>रखे जाने तक {when} पर छोड़ा</translation>
    </message>
    <message>
        <source>placed at {when}</source>
        <translation>{when} पर रखा</translation>
    </message>
    <message>
        <source>left at {when}</source>
        <translation>{when} पर छोड़ा</translation>
    </message>
    <message>
        <source>it arrived (remote id {id})</source>
        <translation>यह पहुँच गया (बुकिंग सिस्टम में ID {id})</translation>
    </message>
    <message>
        <source>it did not arrive: {kind} sent again</source>
        <translation>यह नहीं पहुँचा: {kind} फिर से भेजा</translation>
    </message>
    <message>
        <source>from {instant}</source>
        <translation>{instant} से</translation>
    </message>
    <message>
        <source>until {instant}</source>
        <translation>{instant} तक</translation>
    </message>
    <message>
        <source>staff {name}</source>
        <translation>स्टाफ़ {name}</translation>
    </message>
    <message>
        <source>event {event}</source>
        <translation>घटना {event}</translation>
    </message>
    <message>
        <source>patient or booking {subject}</source>
        <translation>मरीज़ या बुकिंग {subject}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(कुछ नहीं)</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>डॉक्टर</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>कुर्सी</translation>
    </message>
    <message>
        <source>room</source>
        <translation>कमरा</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>छिपा हुआ</translation>
    </message>
</context>
<context>
    <name>BlockoutActions</name>
    <message>
        <source>&amp;Block this time…</source>
        <translation>यह समय ब्लॉक करें (&amp;B)…</translation>
    </message>
    <message>
        <source>Keep the picked time free at this desk (lunch, a meeting, a closed chair)</source>
        <translation>चुना गया समय इस डेस्क पर खाली रखें (लंच, मीटिंग, बंद कुर्सी)</translation>
    </message>
    <message>
        <source>Calendar menu</source>
        <translation>कैलेंडर मेनू</translation>
    </message>
    <message>
        <source>Change or remove blockout…</source>
        <translation>ब्लॉक समय बदलें या हटाएँ…</translation>
    </message>
    <message>
        <source>Block this time…</source>
        <translation>यह समय ब्लॉक करें…</translation>
    </message>
</context>
<context>
    <name>BlockoutDialog</name>
    <message>
        <source>Lunch</source>
        <translation>लंच</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>मीटिंग</translation>
    </message>
    <message>
        <source>Closed chair / room</source>
        <translation>कुर्सी / कमरा बंद</translation>
    </message>
    <message>
        <source>Other (say what)</source>
        <translation>अन्य (बताएँ क्या)</translation>
    </message>
    <message>
        <source>Change blockout</source>
        <translation>ब्लॉक समय बदलें</translation>
    </message>
    <message>
        <source>Block this time</source>
        <translation>यह समय ब्लॉक करें</translation>
    </message>
    <message>
        <source>Blockout</source>
        <translation>ब्लॉक समय</translation>
    </message>
    <message>
        <source>Keep a time free at this desk. The desk books nothing here and the openings finder skips it; the booking systems are not told (their own rules still apply).</source>
        <translation>इस डेस्क पर एक समय खाली रखें। डेस्क यहाँ कुछ बुक नहीं करता और खाली समय की खोज इसे छोड़ देती है; बुकिंग सिस्टम को नहीं बताया जाता (उनके अपने नियम लागू रहते हैं)।</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>कॉलम</translation>
    </message>
    <message>
        <source>Whole clinic (every column)</source>
        <translation>पूरा क्लिनिक (हर कॉलम)</translation>
    </message>
    <message>
        <source>&amp;Column</source>
        <translation>कॉलम (&amp;C)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>From (clinic time)</source>
        <translation>से (क्लिनिक का समय)</translation>
    </message>
    <message>
        <source>To (clinic time)</source>
        <translation>तक (क्लिनिक का समय)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>से</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>कब (&amp;W)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>e.g. team huddle, chair 2 being repaired</source>
        <translation>जैसे टीम मीटिंग, कुर्सी 2 की मरम्मत</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>नोट (&amp;N)</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>दोहराएँ</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> सप्ताह</translation>
    </message>
    <message>
        <source>For how many weeks</source>
        <translation>कितने सप्ताह के लिए</translation>
    </message>
    <message>
        <source>or until</source>
        <translation>या तक</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>for</source>
        <translation>के लिए</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>दोहराएँ (&amp;P)</translation>
    </message>
    <message>
        <source>Bookings in this time</source>
        <translation>इस समय की बुकिंग</translation>
    </message>
    <message>
        <source>Messages about this blockout</source>
        <translation>इस ब्लॉक समय के संदेश</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>ब्लॉक करें (&amp;B)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>हटाएँ (&amp;M)</translation>
    </message>
    <message>
        <source>A column no longer shown</source>
        <translation>एक कॉलम जो अब नहीं दिखाया जाता</translation>
    </message>
    <message>
        <source>The desk could not save this; try again.</source>
        <translation>डेस्क इसे सहेज नहीं सका; फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>Blockouts</name>
    <message>
        <source>This blockout was just changed or removed at another desk. Look at it again.</source>
        <translation>यह ब्लॉक समय अभी किसी दूसरे डेस्क पर बदला या हटाया गया। इसे फिर से देखें।</translation>
    </message>
    <message>
        <source>1 booking lies in this time in its first {weeks} weeks.</source>
        <translation>पहले {weeks} सप्ताहों में इस समय में 1 बुकिंग है।</translation>
    </message>
    <message>
        <source>1 booking lies in this time.</source>
        <translation>इस समय में 1 बुकिंग है।</translation>
    </message>
    <message>
        <source>They stay booked; move or cancel them yourself if need be.</source>
        <translation>ये बुक रहती हैं; ज़रूरत हो तो इनका समय ख़ुद बदलें या रद्द करें।</translation>
    </message>
    <message numerus="yes">
        <source>%n bookings lie in this time in its first {weeks} weeks.</source>
        <translation>
            <numerusform>पहले {weeks} सप्ताहों में इस समय में %n बुकिंग है।</numerusform>
            <numerusform>पहले {weeks} सप्ताहों में इस समय में %n बुकिंग हैं।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bookings lie in this time.</source>
        <translation>
            <numerusform>इस समय में %n बुकिंग है।</numerusform>
            <numerusform>इस समय में %n बुकिंग हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>लंच</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>मीटिंग</translation>
    </message>
    <message>
        <source>Closed chair</source>
        <translation>कुर्सी बंद</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>दोहराया नहीं जाता</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>हर दिन</translation>
    </message>
    <message>
        <source>Every weekday (Mon–Fri)</source>
        <translation>हर कार्यदिवस (सोम–शुक्र)</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>हर सप्ताह</translation>
    </message>
</context>
<context>
    <name>Blocks</name>
    <message>
        <source>synced</source>
        <translation>सिंक हुआ</translation>
    </message>
    <message>
        <source>pencilled</source>
        <translation>अस्थायी</translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation>प्रतीक्षा में</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>आ गए</translation>
    </message>
    <message>
        <source>done</source>
        <translation>पूरा</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>नहीं आए</translation>
    </message>
    <message>
        <source>Pencilled: saved at this desk, not yet confirmed by the booking system</source>
        <translation>अस्थायी: इस डेस्क पर सहेजा गया, बुकिंग सिस्टम ने अभी पुष्टि नहीं की</translation>
    </message>
    <message>
        <source>Confirmed by the booking system</source>
        <translation>बुकिंग सिस्टम द्वारा पुष्टि की गई</translation>
    </message>
    <message>
        <source>Held by the booking system, awaiting confirmation</source>
        <translation>बुकिंग सिस्टम ने रोका है, पुष्टि की प्रतीक्षा है</translation>
    </message>
    <message>
        <source>Needs attention: the booking system refused it</source>
        <translation>ध्यान दें: बुकिंग सिस्टम ने इसे अस्वीकार किया</translation>
    </message>
    <message>
        <source>Outcome unknown: sent, no answer came back; settle it</source>
        <translation>परिणाम अज्ञात: भेजा गया, कोई जवाब नहीं आया; इसे निपटाएँ</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>बुक किया</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>आ गए</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>पूरा हुआ</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>नहीं आए</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>Unknown service</source>
        <translation>अज्ञात सेवा</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Next free times</source>
        <translation>अगले खाली समय</translation>
    </message>
    <message>
        <source>Pick one to fill in the place and time.</source>
        <translation>जगह और समय भरने के लिए एक चुनें।</translation>
    </message>
    <message>
        <source>No free time in the cached calendar; type a time below.</source>
        <translation>सहेजे गए कैलेंडर में कोई खाली समय नहीं; नीचे समय लिखें।</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n बाकी</numerusform>
            <numerusform>%n बाकी</numerusform>
        </translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>पहला और अंतिम नाम</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.in</translation>
    </message>
    <message>
        <source>The booking could not be saved on this computer. What you typed is still here; try Save again, and call support if it keeps failing.</source>
        <translation>बुकिंग इस कंप्यूटर पर सहेजी नहीं जा सकी। आपने जो टाइप किया वह अभी यहीं है; फिर से सहेजें आज़माएँ, और बार-बार विफल होने पर सपोर्ट को कॉल करें।</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>नई बुकिंग</translation>
    </message>
    <message>
        <source>Booking &amp;system</source>
        <translation>बुकिंग सिस्टम (&amp;S)</translation>
    </message>
    <message>
        <source>Ser&amp;vice</source>
        <translation>सेवा (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Free times</source>
        <translation>खाली समय (&amp;F)</translation>
    </message>
    <message>
        <source>Wit&amp;h</source>
        <translation>किसके साथ (&amp;h)</translation>
    </message>
    <message>
        <source>&amp;Branch</source>
        <translation>शाखा (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>कब (&amp;W)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Time (clinic time)</source>
        <translation>समय (क्लिनिक का समय)</translation>
    </message>
    <message>
        <source>Patient &amp;name</source>
        <translation>मरीज़ का नाम (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>फ़ोन (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>ईमेल (&amp;E)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>वैकल्पिक</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>नोट्स (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save booking</source>
        <translation>बुकिंग सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Save booking</source>
        <translation>बुकिंग सहेजें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>No booking system is connected yet.</source>
        <translation>अभी कोई बुकिंग सिस्टम जुड़ा नहीं है।</translation>
    </message>
    <message>
        <source>Choose a service to see the next free times.</source>
        <translation>अगले खाली समय देखने के लिए कोई सेवा चुनें।</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>ज़रूरी</translation>
    </message>
    <message>
        <source>Known patients</source>
        <translation>पहले के मरीज़</translation>
    </message>
    <message>
        <source>Patients seen before who match what is typed.</source>
        <translation>पहले आए मरीज़ जो लिखे गए से मेल खाते हैं।</translation>
    </message>
    <message numerus="yes">
        <source>Booked %n time(s); use this patient</source>
        <translation>
            <numerusform>%n बार बुक किया; यह मरीज़ चुनें</numerusform>
            <numerusform>%n बार बुक किया; यह मरीज़ चुनें</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes can be at most 2000 characters.</source>
        <translation>नोट्स अधिकतम 2000 अक्षर के हो सकते हैं।</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>कृपया यह फ़ील्ड जाँचें।</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>{time} तक</translation>
    </message>
    <message>
        <source>Messages about this booking</source>
        <translation>इस बुकिंग के बारे में संदेश</translation>
    </message>
    <message>
        <source>{field} message</source>
        <translation>{field} संदेश</translation>
    </message>
    <message>
        <source>Time zone and end time</source>
        <translation>समय क्षेत्र और समाप्ति समय</translation>
    </message>
    <message>
        <source>Discard this booking?</source>
        <translation>यह बुकिंग छोड़ दें?</translation>
    </message>
    <message>
        <source>What you typed has not been saved.</source>
        <translation>आपने जो लिखा है वह सहेजा नहीं गया है।</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>संपादन जारी रखें</translation>
    </message>
    <message>
        <source>Choose a service…</source>
        <translation>सेवा चुनें…</translation>
    </message>
    <message>
        <source>{name} ({minutes} min)</source>
        <translation>{name} ({minutes} मिनट)</translation>
    </message>
    <message>
        <source>Choose a column…</source>
        <translation>कॉलम चुनें…</translation>
    </message>
    <message>
        <source>Choose a branch…</source>
        <translation>शाखा चुनें…</translation>
    </message>
</context>
<context>
    <name>ChangeDialogs</name>
    <message>
        <source>The desk could not save this change; try again.</source>
        <translation>डेस्क यह बदलाव सहेज नहीं सका; फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>{count} left</source>
        <translation>{count} बचे</translation>
    </message>
    <message>
        <source>Move {patient}&apos;s appointment</source>
        <translation>{patient} की अपॉइंटमेंट का समय बदलें</translation>
    </message>
    <message>
        <source>Move appointment</source>
        <translation>अपॉइंटमेंट का समय बदलें</translation>
    </message>
    <message>
        <source>Now: &lt;b&gt;{when}&lt;/b&gt;. Pick one of the nearest openings, or type a time.</source>
        <translation>अभी: &lt;b&gt;{when}&lt;/b&gt;। सबसे नज़दीकी खाली समयों में से एक चुनें, या समय टाइप करें।</translation>
    </message>
    <message>
        <source>Nearest openings</source>
        <translation>सबसे नज़दीकी खाली समय</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>नई तारीख</translation>
    </message>
    <message>
        <source>New time (clinic time)</source>
        <translation>नया समय (क्लिनिक का समय)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>कब (&amp;W)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>कहाँ</translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation>कहाँ (&amp;H)</translation>
    </message>
    <message>
        <source>Messages about this move</source>
        <translation>समय बदलने के संदेश</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>समय बदलें (&amp;M)</translation>
    </message>
    <message>
        <source>No free time found in the cached calendar.</source>
        <translation>कैश किए गए कैलेंडर में कोई खाली समय नहीं मिला।</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>अपॉइंटमेंट रद्द करें</translation>
    </message>
    <message>
        <source>Cancel &lt;b&gt;{patient}&lt;/b&gt;&apos;s appointment on {day} at {time}?</source>
        <translation>&lt;b&gt;{patient}&lt;/b&gt; की {day} को {time} बजे की अपॉइंटमेंट रद्द करें?</translation>
    </message>
    <message>
        <source>Optional: why (kept in the booking&apos;s history)</source>
        <translation>वैकल्पिक: क्यों (बुकिंग के इतिहास में रखा जाता है)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <source>Cancellation rules</source>
        <translation>रद्द करने के नियम</translation>
    </message>
    <message>
        <source>Cancel the &amp;appointment</source>
        <translation>अपॉइंटमेंट रद्द करें (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>रहने दें (&amp;K)</translation>
    </message>
    <message>
        <source>{count} appointments are cancelled together.</source>
        <translation>{count} अपॉइंटमेंट एक साथ रद्द होंगी।</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Everything</source>
        <translation>सब कुछ</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>डॉक्टर</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>कुर्सी</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>कमरा</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>डॉक्टर</translation>
    </message>
    <message>
        <source>Chairs</source>
        <translation>कुर्सियाँ</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>कमरे</translation>
    </message>
    <message>
        <source>Views (“Everything” always exists, first)</source>
        <translation>दृश्य (“सब कुछ” हमेशा रहता है, सबसे पहले)</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>सहेजे गए दृश्य</translation>
    </message>
    <message>
        <source>A&amp;dd view</source>
        <translation>दृश्य जोड़ें (&amp;D)</translation>
    </message>
    <message>
        <source>Remo&amp;ve view</source>
        <translation>दृश्य हटाएँ (&amp;V)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>ऊपर</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>नीचे</translation>
    </message>
    <message>
        <source>Its columns (tick; drag or Up/Down to order)</source>
        <translation>इसके कॉलम (टिक करें; क्रम के लिए खींचें या ऊपर/नीचे)</translation>
    </message>
    <message>
        <source>The view&apos;s columns</source>
        <translation>दृश्य के कॉलम</translation>
    </message>
    <message>
        <source>Column up</source>
        <translation>कॉलम ऊपर</translation>
    </message>
    <message>
        <source>Column down</source>
        <translation>कॉलम नीचे</translation>
    </message>
    <message>
        <source>View {n}</source>
        <translation>दृश्य {n}</translation>
    </message>
    <message>
        <source>Column &amp;view</source>
        <translation>कॉलम दृश्य (&amp;V)</translation>
    </message>
    <message>
        <source>Column view</source>
        <translation>कॉलम दृश्य</translation>
    </message>
    <message>
        <source>Show the columns of the view “{view}”</source>
        <translation>दृश्य “{view}” के कॉलम दिखाएँ</translation>
    </message>
    <message>
        <source>The clinic&apos;s columns are saved.</source>
        <translation>क्लिनिक के कॉलम सहेज लिए गए।</translation>
    </message>
    <message>
        <source>Columns not saved: {why}</source>
        <translation>कॉलम सहेजे नहीं गए: {why}</translation>
    </message>
    <message>
        <source>The columns could not be saved; the log says why.</source>
        <translation>कॉलम सहेजे नहीं जा सके; कारण लॉग में है।</translation>
    </message>
    <message>
        <source>Clinic &amp;columns…</source>
        <translation>क्लिनिक के कॉलम (&amp;C)…</translation>
    </message>
    <message>
        <source>The clinic&apos;s providers, chairs and rooms, the booking systems&apos; resources shown in each, and the saved views</source>
        <translation>क्लिनिक के डॉक्टर, कुर्सियाँ और कमरे, हर एक में दिखने वाले बुकिंग सिस्टम के संसाधन, और सहेजे गए दृश्य</translation>
    </message>
    <message>
        <source>Clinic columns</source>
        <translation>क्लिनिक के कॉलम</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>कॉलम (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Booking systems&apos; resources</source>
        <translation>बुकिंग सिस्टम के संसाधन (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Views</source>
        <translation>दृश्य (&amp;V)</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>क्या हुआ</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s columns.</source>
        <translation>क्लिनिक के कॉलम केवल एडमिनिस्ट्रेटर बदल सकते हैं।</translation>
    </message>
    <message>
        <source>The clinic&apos;s columns, in order</source>
        <translation>क्लिनिक के कॉलम, क्रम से</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>रंग</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>छिपा हुआ</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>जोड़ें (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>हटाएँ (&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>ऊपर ले जाएँ (&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>नीचे ले जाएँ (&amp;W)</translation>
    </message>
    <message>
        <source>C&amp;olour…</source>
        <translation>रंग (&amp;O)…</translation>
    </message>
    <message>
        <source>A column for &amp;each</source>
        <translation>हर एक के लिए कॉलम (&amp;E)</translation>
    </message>
    <message>
        <source>A column of its own for each resource no column shows yet</source>
        <translation>हर उस संसाधन के लिए अपना कॉलम जिसे अभी कोई कॉलम नहीं दिखाता</translation>
    </message>
    <message>
        <source>Each booking system&apos;s provider, room or calendar is shown in the clinic&apos;s column chosen here; several may share one (a dentist on two booking systems).</source>
        <translation>हर बुकिंग सिस्टम का डॉक्टर, कमरा या कैलेंडर यहाँ चुने गए क्लिनिक के कॉलम में दिखता है; कई एक ही कॉलम साझा कर सकते हैं (जैसे दो बुकिंग सिस्टम पर एक दंत चिकित्सक)।</translation>
    </message>
    <message>
        <source>Which column each resource is shown in</source>
        <translation>हर संसाधन किस कॉलम में दिखता है</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>बुकिंग सिस्टम</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>संसाधन</translation>
    </message>
    <message>
        <source>Shown in</source>
        <translation>कहाँ दिखता है</translation>
    </message>
    <message>
        <source>Kind of {name}</source>
        <translation>{name} का प्रकार</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(कोई नहीं)</translation>
    </message>
    <message>
        <source>Column of {name}</source>
        <translation>{name} का कॉलम</translation>
    </message>
    <message>
        <source>Its own column</source>
        <translation>अपना अलग कॉलम</translation>
    </message>
    <message>
        <source>New column {n}</source>
        <translation>नया कॉलम {n}</translation>
    </message>
    <message>
        <source>Column colour</source>
        <translation>कॉलम का रंग</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
</context>
<context>
    <name>ConfirmationList</name>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>प्रदाता</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Patient&apos;s answer</source>
        <translation>मरीज़ का जवाब</translation>
    </message>
    <message>
        <source>not called yet</source>
        <translation>अभी कॉल नहीं किया</translation>
    </message>
    <message>
        <source>Confirmation list</source>
        <translation>पुष्टि सूची</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>दिन (&amp;D):</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>दिन</translation>
    </message>
    <message>
        <source>&amp;Tomorrow</source>
        <translation>कल (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Show confirmed</source>
        <translation>पुष्टि वाले दिखाएँ (&amp;S)</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>गिनती</translation>
    </message>
    <message>
        <source>Appointments to confirm</source>
        <translation>पुष्टि के लिए अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>Confirmed (C)</source>
        <translation>पुष्टि हुई (C)</translation>
    </message>
    <message>
        <source>Left message (M)</source>
        <translation>संदेश छोड़ा (M)</translation>
    </message>
    <message>
        <source>No answer (N)</source>
        <translation>कोई जवाब नहीं (N)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>प्रिंट करें (&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Call each patient, then press C (confirmed), M (left a message) or N (no answer): the next row is selected. The booking system&apos;s own confirmation is apart: the calendar&apos;s solid blocks.</source>
        <translation>हर मरीज़ को कॉल करें, फिर C (पुष्टि हुई), M (संदेश छोड़ा) या N (कोई जवाब नहीं) दबाएँ: अगली पंक्ति चुन ली जाती है। बुकिंग सिस्टम की अपनी पुष्टि अलग है: कैलेंडर के भरे हुए ब्लॉक।</translation>
    </message>
    <message>
        <source>No appointments on {day}</source>
        <translation>{day} को कोई अपॉइंटमेंट नहीं</translation>
    </message>
    <message>
        <source>Everyone on {day} has confirmed.</source>
        <translation>{day} के सभी मरीज़ों ने पुष्टि कर दी है।</translation>
    </message>
    <message>
        <source>Nobody to call on {day}.</source>
        <translation>{day} को किसी को कॉल नहीं करना है।</translation>
    </message>
    <message>
        <source>Not kept: the desk could not save this; try again.</source>
        <translation>दर्ज नहीं हुआ: डेस्क इसे सहेज नहीं सका; फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Con&amp;firmation list…</source>
        <translation>पुष्टि सूची (&amp;F)…</translation>
    </message>
    <message>
        <source>Call tomorrow&apos;s patients: C confirmed, M left a message, N no answer</source>
        <translation>कल के मरीज़ों को कॉल करें: C पुष्टि हुई, M संदेश छोड़ा, N कोई जवाब नहीं</translation>
    </message>
</context>
<context>
    <name>ConfirmationPrint</name>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>प्रदाता</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>जवाब</translation>
    </message>
    <message>
        <source>C / M / N</source>
        <translation>C / M / N</translation>
    </message>
    <message>
        <source>Confirmation list — {day}</source>
        <translation>पुष्टि सूची — {day}</translation>
    </message>
    <message>
        <source>printed {when}</source>
        <translation>प्रिंट किया गया {when}</translation>
    </message>
    <message>
        <source>C = confirmed, M = left a message, N = no answer.</source>
        <translation>C = पुष्टि हुई, M = संदेश छोड़ा, N = कोई जवाब नहीं।</translation>
    </message>
    <message>
        <source>Print the confirmation list</source>
        <translation>पुष्टि सूची प्रिंट करें</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>{calls} to call, {confirmed} confirmed</source>
        <translation>{calls} को कॉल करना है, {confirmed} की पुष्टि हुई</translation>
    </message>
    <message>
        <source>From the desk&apos;s patient records: this booking&apos;s system keeps no phone number.</source>
        <translation>डेस्क के मरीज़ रिकॉर्ड से: इस बुकिंग की प्रणाली फ़ोन नंबर नहीं रखती।</translation>
    </message>
    <message>
        <source>several numbers on file</source>
        <translation>कई नंबर दर्ज हैं</translation>
    </message>
    <message>
        <source>This booking has no phone number and the patient records hold several for this name: use Find patient (Ctrl+F) to pick the right one.</source>
        <translation>इस बुकिंग में फ़ोन नंबर नहीं है और मरीज़ रिकॉर्ड में इस नाम के कई नंबर हैं: सही नंबर चुनने के लिए मरीज़ खोजें (Ctrl+F) का उपयोग करें।</translation>
    </message>
    <message>
        <source>no phone on file</source>
        <translation>कोई फ़ोन नंबर दर्ज नहीं</translation>
    </message>
    <message>
        <source>Neither this booking nor the desk&apos;s patient records hold a phone number for this patient.</source>
        <translation>न इस बुकिंग में और न ही डेस्क के मरीज़ रिकॉर्ड में इस मरीज़ का फ़ोन नंबर है।</translation>
    </message>
    <message>
        <source>This appointment is gone.</source>
        <translation>यह अपॉइंटमेंट अब नहीं है।</translation>
    </message>
    <message>
        <source>This appointment is cancelled: no call is needed.</source>
        <translation>यह अपॉइंटमेंट रद्द है: कॉल की ज़रूरत नहीं।</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n कॉल</numerusform>
            <numerusform>%n कॉल</numerusform>
        </translation>
    </message>
    <message>
        <source>Not confirmed by the patient</source>
        <translation>मरीज़ ने पुष्टि नहीं की</translation>
    </message>
    <message>
        <source>Confirmed by the patient</source>
        <translation>मरीज़ ने पुष्टि की</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>संदेश छोड़ा</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>कोई जवाब नहीं</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>The test failed: {error}</source>
        <translation>जाँच विफल रही: {error}</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>कनेक्शन</translation>
    </message>
    <message>
        <source>&amp;Add a connection</source>
        <translation>कनेक्शन जोड़ें (&amp;A)</translation>
    </message>
    <message>
        <source>Add a connection</source>
        <translation>कनेक्शन जोड़ें</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>हटाएँ (&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the connection</source>
        <translation>कनेक्शन हटाएँ</translation>
    </message>
    <message>
        <source>Remove this connection, its cached bookings and its key</source>
        <translation>यह कनेक्शन, इसकी सहेजी गई बुकिंग और इसकी कुंजी हटाएँ</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>बुकिंग सिस्टम</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>e.g. Main clinic</source>
        <translation>जैसे मुख्य क्लिनिक</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API कुंजी</translation>
    </message>
    <message>
        <source>&amp;Booking system</source>
        <translation>बुकिंग सिस्टम (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>नाम (&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>पता (&amp;D)</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API कुंजी (&amp;K)</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>जाँच का परिणाम</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>जाँचें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>जाँचें</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>New connection: fill in the details, then Test and Save.</source>
        <translation>नया कनेक्शन: विवरण भरें, फिर जाँचें और सहेजें।</translation>
    </message>
    <message>
        <source>Kept safely on this computer; type a new one to replace it</source>
        <translation>इस कंप्यूटर पर सुरक्षित रखी है; बदलने के लिए नई लिखें</translation>
    </message>
    <message>
        <source>API &amp;key ({name})</source>
        <translation>API कुंजी ({name}) (&amp;K)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>OK.</source>
        <translation>ठीक है।</translation>
    </message>
    <message>
        <source>FrontDesk cannot talk to {provider} yet.</source>
        <translation>FrontDesk अभी {provider} से बात नहीं कर सकता।</translation>
    </message>
    <message>
        <source>Check the address: {why}</source>
        <translation>पता जाँचें: {why}</translation>
    </message>
    <message>
        <source>Type the API key.</source>
        <translation>API कुंजी लिखें।</translation>
    </message>
    <message>
        <source>This address answered, but not like {system}: {why}</source>
        <translation>इस पते ने जवाब दिया, पर {system} की तरह नहीं: {why}</translation>
    </message>
    <message>
        <source>Cannot reach this address ({why}).</source>
        <translation>इस पते तक नहीं पहुँच सकते ({why})।</translation>
    </message>
    <message>
        <source>Connected: {services}, {places}, time zone {zone}.</source>
        <translation>जुड़ गया: {services}, {places}, समय क्षेत्र {zone}।</translation>
    </message>
    <message numerus="yes">
        <source>%n bookable service(s)</source>
        <translation>
            <numerusform>%n बुक करने योग्य सेवा</numerusform>
            <numerusform>%n बुक करने योग्य सेवाएँ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n स्थान</numerusform>
            <numerusform>%n स्थान</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the settings: {problems}</source>
        <translation>सेटिंग्स जाँचें: {problems}</translation>
    </message>
    <message>
        <source>Cannot reach this address. Check it, and this computer&apos;s internet connection.</source>
        <translation>इस पते तक नहीं पहुँच सकते। पता और इस कंप्यूटर का इंटरनेट कनेक्शन जाँचें।</translation>
    </message>
    <message>
        <source>The booking system refused this API key. ({error})</source>
        <translation>बुकिंग सिस्टम ने यह API कुंजी अस्वीकार कर दी। ({error})</translation>
    </message>
    <message>
        <source>This API key may not read the calendar; ask for the read scopes. ({error})</source>
        <translation>यह API कुंजी कैलेंडर नहीं पढ़ सकती; पढ़ने की अनुमति माँगें। ({error})</translation>
    </message>
    <message>
        <source>Nothing answers at this address; check the address. ({error})</source>
        <translation>इस पते पर कोई जवाब नहीं देता; पता जाँचें। ({error})</translation>
    </message>
    <message>
        <source>The booking system is busy or failing; try again in a minute. ({error})</source>
        <translation>बुकिंग सिस्टम व्यस्त है या ठीक से काम नहीं कर रहा; एक मिनट बाद फिर कोशिश करें। ({error})</translation>
    </message>
    <message>
        <source>Tested and saved.</source>
        <translation>जाँचा और सहेजा गया।</translation>
    </message>
    <message>
        <source>Saved without a test: {message} The desk will try again when the booking system answers.</source>
        <translation>बिना जाँच के सहेजा गया: {message} बुकिंग सिस्टम के जवाब देने पर डेस्क फिर कोशिश करेगा।</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>सहेजा नहीं गया: {why}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>सहेजा गया।</translation>
    </message>
    <message>
        <source>The system keyring did not take the key: {why}.</source>
        <translation>सिस्टम कीरिंग ने कुंजी नहीं ली: {why}।</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>सहेजा नहीं गया।</translation>
    </message>
    <message>
        <source>The key is kept in a file only this user account can read, as you chose.</source>
        <translation>आपके चुनाव के अनुसार, कुंजी ऐसी फ़ाइल में रखी है जिसे केवल यह यूज़र अकाउंट पढ़ सकता है।</translation>
    </message>
    <message>
        <source>The key is kept in the system keyring.</source>
        <translation>कुंजी सिस्टम कीरिंग में रखी है।</translation>
    </message>
    <message>
        <source>The key is kept in a file only this user account can read (no keyring on this computer).</source>
        <translation>कुंजी ऐसी फ़ाइल में रखी है जिसे केवल यह यूज़र अकाउंट पढ़ सकता है (इस कंप्यूटर पर कीरिंग नहीं है)।</translation>
    </message>
    <message>
        <source>Fill in: {fields}.</source>
        <translation>भरें: {fields}।</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Remove {name} and lose unsent changes?</source>
        <translation>{name} हटाएँ और न भेजे गए बदलाव खो दें?</translation>
    </message>
    <message>
        <source>Remove anyway</source>
        <translation>फिर भी हटाएँ</translation>
    </message>
    <message>
        <source>These changes have not reached the booking system yet. Sync first (Sync now), and remove the connection once nothing waits.</source>
        <translation>ये बदलाव अभी बुकिंग सिस्टम तक नहीं पहुँचे हैं। पहले सिंक करें (अभी सिंक करें), और जब कुछ भी प्रतीक्षा में न हो तब कनेक्शन हटाएँ।</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>{name} हटाएँ?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Keep the API key in a file?</source>
        <translation>API कुंजी फ़ाइल में रखें?</translation>
    </message>
    <message>
        <source>Keep it in a file</source>
        <translation>फ़ाइल में रखें</translation>
    </message>
    <message>
        <source>Unlock the keyring and Save again, or keep the key in {where}, which only your user account can read. FrontDesk will say so at every start, and move the key into the keyring once it works.</source>
        <translation>कीरिंग अनलॉक करें और फिर से सहेजें, या कुंजी {where} में रखें, जिसे केवल आपका यूज़र अकाउंट पढ़ सकता है। FrontDesk हर शुरुआत पर यह बताएगा, और कीरिंग काम करने पर कुंजी उसमें ले जाएगा।</translation>
    </message>
    <message>
        <source>the system keyring did not let the key be deleted: {why}. Unlock it and try again.</source>
        <translation>सिस्टम कीरिंग ने कुंजी हटाने नहीं दी: {why}। इसे अनलॉक करें और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Not removed: {why}</source>
        <translation>हटाया नहीं गया: {why}</translation>
    </message>
    <message>
        <source>Removed {name} and its API key.</source>
        <translation>{name} और इसकी API कुंजी हटा दी गई।</translation>
    </message>
    <message>
        <source>Provider states</source>
        <translation>प्रदाताओं के अमेरिकी राज्य</translation>
    </message>
    <message>
        <source>US state codes, comma-separated (CA,NY): CareValidate lists the providers of these states</source>
        <translation>अमेरिकी राज्य कोड, कॉमा से अलग (CA,NY): CareValidate इन राज्यों के प्रदाता दिखाता है</translation>
    </message>
    <message>
        <source>Clinic time zone</source>
        <translation>क्लिनिक का समय क्षेत्र</translation>
    </message>
    <message>
        <source>IANA zone (America/Los_Angeles); also sent as the invitee&apos;s zone. Default UTC</source>
        <translation>IANA क्षेत्र (America/Los_Angeles); आमंत्रित व्यक्ति के क्षेत्र के रूप में भी भेजा जाता है। डिफ़ॉल्ट UTC</translation>
    </message>
    <message>
        <source>Meeting location</source>
        <translation>मीटिंग का स्थान</translation>
    </message>
    <message>
        <source>google_conference (default), zoom_conference, gotomeeting_conference, microsoft_teams_conference or webex_conference</source>
        <translation>google_conference (डिफ़ॉल्ट), zoom_conference, gotomeeting_conference, microsoft_teams_conference या webex_conference</translation>
    </message>
    <message>
        <source>Visit lengths</source>
        <translation>विज़िट की अवधि</translation>
    </message>
    <message>
        <source>&lt;eventTypeId&gt;=&lt;minutes&gt;, comma-separated: CareValidate does not tell them</source>
        <translation>&lt;eventTypeId&gt;=&lt;मिनट&gt;, कॉमा से अलग: CareValidate इन्हें नहीं बताता</translation>
    </message>
    <message>
        <source>Other visits&apos; length</source>
        <translation>अन्य विज़िट की अवधि</translation>
    </message>
    <message>
        <source>minutes, for event types not listed above (default 30)</source>
        <translation>मिनट, ऊपर न दिए गए इवेंट प्रकारों के लिए (डिफ़ॉल्ट 30)</translation>
    </message>
    <message>
        <source>Only this provider</source>
        <translation>केवल यह प्रदाता</translation>
    </message>
    <message>
        <source>a provider&apos;s email, to list only that provider&apos;s event types</source>
        <translation>किसी प्रदाता का ईमेल, ताकि केवल उसी के इवेंट प्रकार दिखें</translation>
    </message>
    <message>
        <source>IANA name, e.g. Asia/Kolkata; only used if HuskyVoice&apos;s configuration does not give one</source>
        <translation>IANA नाम, जैसे Asia/Kolkata; केवल तब इस्तेमाल होता है जब HuskyVoice का कॉन्फ़िगरेशन कोई न दे</translation>
    </message>
    <message>
        <source>ak_live:&lt;uuid&gt;:&lt;secret&gt; (platform API key) or rgo-… (personal access token)</source>
        <translation>ak_live:&lt;uuid&gt;:&lt;secret&gt; (प्लेटफ़ॉर्म API कुंजी) या rgo-… (निजी एक्सेस टोकन)</translation>
    </message>
    <message>
        <source>API user id</source>
        <translation>API उपयोगकर्ता आईडी</translation>
    </message>
    <message>
        <source>x-meetergo-api-user-id: a user of the company (platform API key only)</source>
        <translation>x-meetergo-api-user-id: कंपनी का एक उपयोगकर्ता (केवल प्लेटफ़ॉर्म API कुंजी के साथ)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>समय क्षेत्र</translation>
    </message>
    <message>
        <source>the clinic&apos;s IANA zone, e.g. Europe/Berlin</source>
        <translation>क्लिनिक का IANA क्षेत्र, जैसे Europe/Berlin</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>उप-खाता</translation>
    </message>
    <message>
        <source>the sub-account the API key belongs to</source>
        <translation>वह उप-खाता जिसकी यह API कुंजी है</translation>
    </message>
    <message>
        <source>the clinic&apos;s IANA zone, e.g. America/New_York</source>
        <translation>क्लिनिक का IANA क्षेत्र, जैसे America/New_York</translation>
    </message>
    <message>
        <source>vst_… (scopes read and write)</source>
        <translation>vst_… (अनुमतियाँ read और write)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>प्लान</translation>
    </message>
    <message>
        <source>Starter, Professional, or Enterprise and its limit</source>
        <translation>Starter, Professional या Enterprise और उसकी सीमा</translation>
    </message>
    <message>
        <source>provider_states: give at least one US state code, e.g. CA,NY</source>
        <translation>provider_states: कम से कम एक अमेरिकी राज्य का कोड दें, जैसे CA,NY</translation>
    </message>
    <message>
        <source>provider_states: {codes} is not a US state code (two letters, e.g. CA)</source>
        <translation>provider_states: {codes} किसी अमेरिकी राज्य का कोड नहीं है (दो अक्षर, जैसे CA)</translation>
    </message>
    <message>
        <source>{key}: {value} is not a length in whole minutes</source>
        <translation>{key}: {value} पूरे मिनटों में अवधि नहीं है</translation>
    </message>
    <message>
        <source>durations: {value} is not &lt;eventTypeId&gt;=&lt;minutes&gt;</source>
        <translation>durations: {value} &lt;eventTypeId&gt;=&lt;मिनट&gt; के रूप में नहीं है</translation>
    </message>
    <message>
        <source>timezone: {value} is not an IANA time zone (America/New_York)</source>
        <translation>timezone: {value} IANA समय क्षेत्र नहीं है (America/New_York)</translation>
    </message>
    <message>
        <source>location: use one of {choices}</source>
        <translation>location: इनमें से एक इस्तेमाल करें: {choices}</translation>
    </message>
    <message>
        <source>{key}: {value} is not an IANA time zone name such as Europe/Berlin</source>
        <translation>{key}: {value} Europe/Berlin जैसा IANA समय क्षेत्र का नाम नहीं है</translation>
    </message>
    <message>
        <source>{key}: {value} is not a whole number above 0</source>
        <translation>{key}: {value} 0 से बड़ी पूर्ण संख्या नहीं है</translation>
    </message>
    <message>
        <source>{key}: {value} is not a number above 0</source>
        <translation>{key}: {value} 0 से बड़ी संख्या नहीं है</translation>
    </message>
    <message>
        <source>{key}: {value} is not one of {choices}</source>
        <translation>{key}: {value} इनमें से कोई नहीं है: {choices}</translation>
    </message>
    <message>
        <source>{key}: {value} is not 1 or true, 0 or false</source>
        <translation>{key}: {value} न 1 या true है, न 0 या false</translation>
    </message>
    <message>
        <source>option: {key} is not an option of {system} connections ({known})</source>
        <translation>option: {key} {system} कनेक्शन का विकल्प नहीं है ({known})</translation>
    </message>
    <message>
        <source>{key}: required for {system} connections</source>
        <translation>{key}: {system} कनेक्शन के लिए ज़रूरी</translation>
    </message>
    <message>
        <source>sub_account_id: required: the sub-account the API key belongs to (sub_…)</source>
        <translation>sub_account_id: ज़रूरी: वह सब-अकाउंट जिसकी API कुंजी है (sub_…)</translation>
    </message>
    <message>
        <source>timezone: required: the clinic&apos;s IANA time zone, e.g. America/New_York (VantaX publishes none)</source>
        <translation>timezone: ज़रूरी: क्लिनिक का IANA समय क्षेत्र, जैसे America/New_York (VantaX कोई नहीं बताता)</translation>
    </message>
    <message>
        <source>timezone: {value} is not an IANA time zone (e.g. America/New_York)</source>
        <translation>timezone: {value} IANA समय क्षेत्र नहीं है (जैसे America/New_York)</translation>
    </message>
    <message>
        <source>plan: {value} is not a Vastal plan: write Starter, Professional, Enterprise and its requests per hour (Enterprise 50000), or a number</source>
        <translation>plan: {value} कोई Vastal प्लान नहीं है: Starter, Professional, Enterprise और उसके प्रति घंटे के अनुरोध (Enterprise 50000) लिखें, या कोई संख्या</translation>
    </message>
    <message>
        <source>timezone: Vastal connections need the clinic&apos;s time zone (an IANA name such as America/New_York); Vastal&apos;s answers do not give one</source>
        <translation>timezone: Vastal कनेक्शन को क्लिनिक का समय क्षेत्र चाहिए (America/New_York जैसा IANA नाम); Vastal के जवाबों में यह नहीं होता</translation>
    </message>
    <message>
        <source>timezone: {value} is not an IANA time zone name (such as America/New_York)</source>
        <translation>timezone: {value} IANA समय क्षेत्र का नाम नहीं है (जैसे America/New_York)</translation>
    </message>
</context>
<context>
    <name>DaySheet</name>
    <message>
        <source>not yet synced</source>
        <translation>अभी सिंक नहीं हुआ</translation>
    </message>
    <message>
        <source>awaiting confirmation</source>
        <translation>पुष्टि की प्रतीक्षा</translation>
    </message>
    <message>
        <source>REFUSED by the booking system</source>
        <translation>बुकिंग सिस्टम ने अस्वीकार किया</translation>
    </message>
    <message>
        <source>UNKNOWN whether the booking system has it</source>
        <translation>अज्ञात कि बुकिंग सिस्टम में यह है या नहीं</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>बुक</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>आ गए</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>पूरा हुआ</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>नहीं आए</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>day-sheet</source>
        <translation>दिन-की-सूची</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>कहाँ</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
    <message>
        <source>✎ = saved at the desk but not yet confirmed by the booking system: it may still change.</source>
        <translation>✎ = डेस्क पर सहेजा गया पर बुकिंग सिस्टम ने अभी पुष्टि नहीं की: यह अभी बदल सकता है।</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n अपॉइंटमेंट</numerusform>
            <numerusform>%n अपॉइंटमेंट</numerusform>
        </translation>
    </message>
    <message>
        <source>printed {when}</source>
        <translation>प्रिंट किया गया {when}</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>कोई अपॉइंटमेंट नहीं।</translation>
    </message>
    <message>
        <source>The whole day — {day}</source>
        <translation>पूरा दिन — {day}</translation>
    </message>
    <message>
        <source>Day sheet {day}</source>
        <translation>दिन की सूची {day}</translation>
    </message>
    <message>
        <source>Print the day sheet</source>
        <translation>दिन की सूची प्रिंट करें</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>{time} on the booking system&apos;s clock ({city})</source>
        <translation>बुकिंग सिस्टम की घड़ी से {time} ({city})</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>Booking saved at this desk; it will be sent shortly.</source>
        <translation>बुकिंग इस डेस्क पर सहेजी गई; यह जल्द ही भेजी जाएगी।</translation>
    </message>
    <message>
        <source>Changes saved at this desk; they will be sent shortly.</source>
        <translation>बदलाव इस डेस्क पर सहेजे गए; ये जल्द ही भेजे जाएँगे।</translation>
    </message>
    <message>
        <source>Day sheet sent to the printer.</source>
        <translation>दिन की सूची प्रिंटर को भेजी गई।</translation>
    </message>
    <message>
        <source>Save the day sheet as PDF</source>
        <translation>दिन की सूची PDF के रूप में सहेजें</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
    <message>
        <source>Day sheet saved to {path} ({count} not yet synced, marked ✎).</source>
        <translation>दिन की सूची {path} में सहेजी गई ({count} अभी सिंक नहीं हुई, ✎ से चिह्नित)।</translation>
    </message>
    <message>
        <source>Day sheet saved to {path}.</source>
        <translation>दिन की सूची {path} में सहेजी गई।</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) exported to {path}.</source>
        <translation>
            <numerusform>%n अपॉइंटमेंट {path} में एक्सपोर्ट की गई।</numerusform>
            <numerusform>%n अपॉइंटमेंट {path} में एक्सपोर्ट की गईं।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) refused as the calendar stands now</source>
        <translation>
            <numerusform>; कैलेंडर की मौजूदा स्थिति में %n पंक्ति अस्वीकृत</numerusform>
            <numerusform>; कैलेंडर की मौजूदा स्थिति में %n पंक्तियाँ अस्वीकृत</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) queued from {file}{refused}; they will be sent shortly.</source>
        <translation>
            <numerusform>{file} से %n बुकिंग कतार में{refused}; यह जल्द ही भेजी जाएगी।</numerusform>
            <numerusform>{file} से %n बुकिंग कतार में{refused}; ये जल्द ही भेजी जाएँगी।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskGuard</name>
    <message>
        <source>(only an administrator can change the connections)</source>
        <translation>(केवल व्यवस्थापक कनेक्शन बदल सकता है)</translation>
    </message>
    <message>
        <source>(only an administrator can change the clinic&apos;s settings)</source>
        <translation>(केवल व्यवस्थापक क्लिनिक की सेटिंग्स बदल सकता है)</translation>
    </message>
    <message>
        <source>(only an administrator can manage staff)</source>
        <translation>(केवल व्यवस्थापक स्टाफ़ प्रबंधित कर सकता है)</translation>
    </message>
    <message>
        <source>(only an administrator can read the audit trail)</source>
        <translation>(केवल व्यवस्थापक ऑडिट ट्रेल पढ़ सकता है)</translation>
    </message>
    <message>
        <source>Only an administrator can change the connections.</source>
        <translation>केवल व्यवस्थापक कनेक्शन बदल सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s settings.</source>
        <translation>केवल व्यवस्थापक क्लिनिक की सेटिंग्स बदल सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can manage staff.</source>
        <translation>केवल व्यवस्थापक स्टाफ़ प्रबंधित कर सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can read the audit trail.</source>
        <translation>केवल व्यवस्थापक ऑडिट ट्रेल पढ़ सकता है।</translation>
    </message>
    <message>
        <source>The desk locked itself after a while without use.</source>
        <translation>कुछ देर इस्तेमाल न होने पर डेस्क अपने-आप लॉक हो गया।</translation>
    </message>
    <message>
        <source>The desk is locked.</source>
        <translation>डेस्क लॉक है।</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>साइन इन है</translation>
    </message>
    <message>
        <source>Sign in with your name and PIN.</source>
        <translation>अपने नाम और PIN से साइन इन करें।</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>लॉक है</translation>
    </message>
    <message>
        <source>{name} (administrator)</source>
        <translation>{name} (व्यवस्थापक)</translation>
    </message>
    <message>
        <source>{name} (staff)</source>
        <translation>{name} (स्टाफ़)</translation>
    </message>
    <message>
        <source>S&amp;taff…</source>
        <translation>स्टाफ़… (&amp;T)</translation>
    </message>
    <message>
        <source>Add staff, reset a PIN, disable a member</source>
        <translation>स्टाफ़ जोड़ें, PIN रीसेट करें, किसी सदस्य को निष्क्रिय करें</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>ऑडिट ट्रेल… (&amp;A)</translation>
    </message>
    <message>
        <source>Who booked, changed, opened, printed and exported what, and when</source>
        <translation>किसने कब क्या बुक किया, बदला, खोला, प्रिंट किया और एक्सपोर्ट किया</translation>
    </message>
    <message>
        <source>&amp;Lock desk</source>
        <translation>डेस्क लॉक करें (&amp;L)</translation>
    </message>
    <message>
        <source>Lock the desk now; a PIN unlocks it (another member may sign in)</source>
        <translation>डेस्क अभी लॉक करें; PIN से यह खुलता है (कोई दूसरा सदस्य भी साइन इन कर सकता है)</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>process {pid} on {host} (user {user}), open since {since}</source>
        <translation>{host} पर प्रोसेस {pid} (यूज़र {user}), {since} से खुला</translation>
    </message>
    <message>
        <source>another FrontDesk on this computer</source>
        <translation>इस कंप्यूटर पर एक और FrontDesk</translation>
    </message>
    <message>
        <source>FrontDesk is already open on this profile: {who}.

Switch to that window (it may be minimised or on another screen), or close it before opening FrontDesk again.</source>
        <translation>इस प्रोफ़ाइल पर FrontDesk पहले से खुला है: {who}।

उस विंडो पर जाएँ (हो सकता है वह छोटी की गई हो या दूसरी स्क्रीन पर हो), या FrontDesk फिर से खोलने से पहले उसे बंद करें।</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Booked</source>
        <translation>बुक किया</translation>
    </message>
    <message>
        <source>Confirmed by the booking system</source>
        <translation>बुकिंग सिस्टम द्वारा पुष्टि की गई</translation>
    </message>
    <message>
        <source>Refused by the booking system</source>
        <translation>बुकिंग सिस्टम ने अस्वीकार किया</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>समय बदला गया</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>आ गए</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>पूरा हुआ</translation>
    </message>
    <message>
        <source>Marked no-show</source>
        <translation>नहीं आए चिह्नित किया गया</translation>
    </message>
    <message>
        <source>Back to booked</source>
        <translation>वापस बुक किया</translation>
    </message>
    <message>
        <source>Came in from the booking system</source>
        <translation>बुकिंग सिस्टम से आई</translation>
    </message>
    <message>
        <source>Changed in the booking system</source>
        <translation>बुकिंग सिस्टम में बदला गया</translation>
    </message>
    <message>
        <source>Patient&apos;s contact created in the booking system</source>
        <translation>बुकिंग सिस्टम में मरीज़ का संपर्क बनाया गया</translation>
    </message>
    <message>
        <source>Sent, no answer: outcome unknown</source>
        <translation>भेजा गया, कोई जवाब नहीं: नतीजा अज्ञात</translation>
    </message>
    <message>
        <source>Outcome settled</source>
        <translation>नतीजा तय हुआ</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>फिर से भेजा गया</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>ख़ारिज किया गया</translation>
    </message>
    <message>
        <source>Changed here and in the booking system at once</source>
        <translation>यहाँ और बुकिंग सिस्टम में एक साथ बदला गया</translation>
    </message>
    <message>
        <source>Clash settled</source>
        <translation>टकराव सुलझाया गया</translation>
    </message>
    <message>
        <source>Changed at the desk</source>
        <translation>डेस्क पर बदला गया</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n बदलाव भेजे जाने की प्रतीक्षा में</numerusform>
            <numerusform>%n बदलाव भेजे जाने की प्रतीक्षा में</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n कॉल</numerusform>
            <numerusform>%n कॉल</numerusform>
        </translation>
    </message>
    <message>
        <source>Appointment details</source>
        <translation>अपॉइंटमेंट का विवरण</translation>
    </message>
    <message>
        <source>No appointment selected</source>
        <translation>कोई अपॉइंटमेंट नहीं चुनी गई</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>कहाँ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>बुकिंग सिस्टम</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>नोट्स</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>संदर्भ</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>&amp;Arrived</source>
        <translation>आ गए (&amp;A)</translation>
    </message>
    <message>
        <source>Co&amp;mpleted</source>
        <translation>पूरा हुआ (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>नहीं आए (&amp;N)</translation>
    </message>
    <message>
        <source>Mo&amp;ve…</source>
        <translation>समय बदलें (&amp;V)…</translation>
    </message>
    <message>
        <source>Cance&amp;l…</source>
        <translation>रद्द करें (&amp;L)…</translation>
    </message>
    <message>
        <source>{action} (key {key} in the calendar)</source>
        <translation>{action} (कैलेंडर में कुंजी {key})</translation>
    </message>
    <message>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;इतिहास&lt;/b&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>Select an appointment in the calendar.</source>
        <translation>कैलेंडर में कोई अपॉइंटमेंट चुनें।</translation>
    </message>
    <message>
        <source>in the {session}</source>
        <translation>{session} में</translation>
    </message>
    <message>
        <source>time not given</source>
        <translation>समय नहीं दिया गया</translation>
    </message>
    <message>
        <source>(the booking system gives no time of day)</source>
        <translation>(बुकिंग सिस्टम दिन का समय नहीं देता)</translation>
    </message>
    <message>
        <source>not yet in the booking system</source>
        <translation>अभी बुकिंग सिस्टम में नहीं</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>{time} बजे</translation>
    </message>
    <message>
        <source>in the chair</source>
        <translation>कुर्सी पर</translation>
    </message>
    <message>
        <source>Not confirmed yet (F7)</source>
        <translation>अभी पुष्टि नहीं हुई (F7)</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>पुष्टि नहीं हुई</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>पुष्टि हुई</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>संदेश छोड़ा</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>कोई जवाब नहीं</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Calendar</source>
        <translation>कैलेंडर</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>A &amp;day&apos;s appointments</source>
        <translation>एक दिन के अपॉइंटमेंट (&amp;D)</translation>
    </message>
    <message>
        <source>A provider&apos;s &amp;week</source>
        <translation>डॉक्टर का सप्ताह (&amp;W)</translation>
    </message>
    <message>
        <source>A &amp;patient&apos;s appointments</source>
        <translation>एक मरीज़ के अपॉइंटमेंट (&amp;P)</translation>
    </message>
    <message>
        <source>The file names each patient, with phone and email (a day list).</source>
        <translation>फ़ाइल में हर मरीज़ का नाम, फ़ोन और ईमेल होता है (दिन की सूची)।</translation>
    </message>
    <message>
        <source>No patient is named: when, what and where only, for the provider&apos;s own calendar.</source>
        <translation>किसी मरीज़ का नाम नहीं: केवल कब, क्या और कहाँ, डॉक्टर के अपने कैलेंडर के लिए।</translation>
    </message>
    <message>
        <source>For the patient: their name, service and place; no desk notes.</source>
        <translation>मरीज़ के लिए: उनका नाम, सेवा और जगह; डेस्क के नोट्स नहीं।</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar फ़ाइलें (*.ics)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Export appointments</source>
        <translation>अपॉइंटमेंट एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>क्या एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>दिन</translation>
    </message>
    <message>
        <source>D&amp;ay</source>
        <translation>दिन (&amp;A)</translation>
    </message>
    <message>
        <source>Provider, room or calendar</source>
        <translation>डॉक्टर, कमरा या कैलेंडर</translation>
    </message>
    <message>
        <source>Pro&amp;vider / column</source>
        <translation>डॉक्टर / कॉलम (&amp;V)</translation>
    </message>
    <message>
        <source>Name or phone number</source>
        <translation>नाम या फ़ोन नंबर</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Pa&amp;tient</source>
        <translation>मरीज़ (&amp;T)</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>मिलते-जुलते मरीज़</translation>
    </message>
    <message>
        <source>&amp;Found</source>
        <translation>मिले (&amp;F)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>फ़ॉर्मैट</translation>
    </message>
    <message>
        <source>&amp;iCalendar (.ics), for calendar programs</source>
        <translation>iCalendar (.ics), कैलेंडर प्रोग्राम के लिए (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;CSV (.csv), for spreadsheets</source>
        <translation>CSV (.csv), स्प्रेडशीट के लिए (&amp;C)</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>फ़ाइल में क्या है</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>एक्सपोर्ट करें (&amp;E)…</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>फ़ोन नहीं</translation>
    </message>
    <message>
        <source>Any day of the wee&amp;k</source>
        <translation>सप्ताह का कोई भी दिन (&amp;K)</translation>
    </message>
    <message>
        <source>Type a patient&apos;s name or phone number, then pick them in the list.</source>
        <translation>मरीज़ का नाम या फ़ोन नंबर लिखें, फिर सूची में से चुनें।</translation>
    </message>
    <message>
        <source>There is no provider, room or calendar yet.</source>
        <translation>अभी कोई डॉक्टर, कमरा या कैलेंडर नहीं है।</translation>
    </message>
    <message>
        <source>Columns hidden in the side panel are left out.</source>
        <translation>साइड पैनल में छिपे कॉलम शामिल नहीं हैं।</translation>
    </message>
    <message>
        <source>Times are on the clinic&apos;s clock ({zone}); cancelled appointments are left out. The file holds patient data: it is written readable by your user account only.</source>
        <translation>समय क्लिनिक की घड़ी ({zone}) के अनुसार हैं; रद्द अपॉइंटमेंट शामिल नहीं हैं। फ़ाइल में मरीज़ों का डेटा है: इसे केवल आपका यूज़र अकाउंट पढ़ सकता है।</translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>सहेजा नहीं गया: {why}</translation>
    </message>
    <message>
        <source>Not saved: the audit trail could not record it; try again.</source>
        <translation>सहेजा नहीं गया: ऑडिट ट्रेल इसे दर्ज नहीं कर सकी; फिर से कोशिश करें।</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n बुकिंग</numerusform>
            <numerusform>%n बुकिंग</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n अपॉइंटमेंट</numerusform>
            <numerusform>%n अपॉइंटमेंट</numerusform>
        </translation>
    </message>
    <message>
        <source>time of day not given</source>
        <translation>दिन का समय नहीं दिया गया</translation>
    </message>
    <message>
        <source>Appointments on {day}</source>
        <translation>{day} के अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>{name}: week of {first} to {last} {year}</source>
        <translation>{name}: {first} से {last} {year} का सप्ताह</translation>
    </message>
    <message>
        <source>week</source>
        <translation>सप्ताह</translation>
    </message>
    <message>
        <source>Appointments of {name}</source>
        <translation>{name} के अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>appointments</source>
        <translation>अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>Where: {where}</source>
        <translation>कहाँ: {where}</translation>
    </message>
    <message>
        <source>Service: {service}</source>
        <translation>सेवा: {service}</translation>
    </message>
    <message>
        <source>Time: {session} (the booking system keeps no time of day)</source>
        <translation>समय: {session} (बुकिंग सिस्टम दिन का समय नहीं रखता)</translation>
    </message>
    <message>
        <source>Patient: {name}</source>
        <translation>मरीज़: {name}</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>फ़ोन: {phone}</translation>
    </message>
    <message>
        <source>Email: {email}</source>
        <translation>ईमेल: {email}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>स्थिति: {status}</translation>
    </message>
    <message>
        <source>Sync: {sync}</source>
        <translation>सिंक: {sync}</translation>
    </message>
    <message>
        <source>Booking: {id}</source>
        <translation>बुकिंग: {id}</translation>
    </message>
</context>
<context>
    <name>FindPatient</name>
    <message>
        <source>Find a patient</source>
        <translation>मरीज़ खोजें</translation>
    </message>
    <message>
        <source>Name, phone number or email</source>
        <translation>नाम, फ़ोन नंबर या ईमेल</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>मरीज़ खोजें</translation>
    </message>
    <message>
        <source>Patient / appointment</source>
        <translation>मरीज़ / अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>मिलते-जुलते मरीज़</translation>
    </message>
    <message>
        <source>How many patients match</source>
        <translation>कितने मरीज़ मिले</translation>
    </message>
    <message>
        <source>Enter on an appointment shows it; on a patient, books for them.</source>
        <translation>अपॉइंटमेंट पर Enter उसे दिखाता है; मरीज़ पर, उनके लिए बुक करता है।</translation>
    </message>
    <message>
        <source>no phone</source>
        <translation>फ़ोन नहीं</translation>
    </message>
    <message>
        <source>No patient matches.</source>
        <translation>कोई मरीज़ नहीं मिला।</translation>
    </message>
    <message>
        <source>(first {shown}; scroll for more)</source>
        <translation>(पहले {shown}; और देखने के लिए स्क्रॉल करें)</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n मरीज़</numerusform>
            <numerusform>%n मरीज़</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n बुकिंग</numerusform>
            <numerusform>%n बुकिंग</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GridSchedule</name>
    <message>
        <source>the whole clinic</source>
        <translation>पूरा क्लिनिक</translation>
    </message>
    <message>
        <source>one column</source>
        <translation>एक कॉलम</translation>
    </message>
    <message>
        <source>Blocked at this desk: {label}</source>
        <translation>इस डेस्क पर ब्लॉक: {label}</translation>
    </message>
    <message>
        <source>The clinic&apos;s own rule: the desk books nothing here. Right-click to change or remove it.</source>
        <translation>क्लिनिक का अपना नियम: डेस्क यहाँ कुछ बुक नहीं करता। बदलने या हटाने के लिए राइट-क्लिक करें।</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>the booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>समय में बदलाव</translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation>रद्दीकरण</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>the patient&apos;s record</source>
        <translation>मरीज़ का रिकॉर्ड</translation>
    </message>
    <message>
        <source>Confirmed by the booking system</source>
        <translation>बुकिंग सिस्टम ने पुष्टि की</translation>
    </message>
    <message>
        <source>Move confirmed by the booking system</source>
        <translation>बुकिंग सिस्टम ने समय बदलने की पुष्टि की</translation>
    </message>
    <message>
        <source>Cancellation confirmed by the booking system</source>
        <translation>बुकिंग सिस्टम ने रद्द होने की पुष्टि की</translation>
    </message>
    <message>
        <source>Status confirmed by the booking system</source>
        <translation>बुकिंग सिस्टम ने स्थिति की पुष्टि की</translation>
    </message>
    <message>
        <source>Patient&apos;s record made in the booking system</source>
        <translation>बुकिंग सिस्टम में मरीज़ का रिकॉर्ड बना</translation>
    </message>
    <message>
        <source>it already had it</source>
        <translation>उसके पास यह पहले से था</translation>
    </message>
    <message>
        <source>imported from a CSV file</source>
        <translation>CSV फ़ाइल से इम्पोर्ट किया</translation>
    </message>
    <message>
        <source>booked through another channel</source>
        <translation>किसी दूसरे माध्यम से बुक किया</translation>
    </message>
    <message>
        <source>both sides agree again</source>
        <translation>दोनों तरफ़ फिर से एक जैसा</translation>
    </message>
    <message>
        <source>kept the desk&apos;s version</source>
        <translation>डेस्क का संस्करण रखा</translation>
    </message>
    <message>
        <source>took the booking system&apos;s version</source>
        <translation>बुकिंग सिस्टम का संस्करण लिया</translation>
    </message>
    <message>
        <source>with the following of its series</source>
        <translation>सीरीज़ के आगे के अपॉइंटमेंट के साथ</translation>
    </message>
    <message>
        <source>to {when}</source>
        <translation>{when} पर</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Row</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>कहाँ</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>फ़ील्ड</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Import bookings from a CSV file</source>
        <translation>CSV फ़ाइल से बुकिंग इंपोर्ट करें</translation>
    </message>
    <message>
        <source>Import bookings</source>
        <translation>बुकिंग इंपोर्ट करें</translation>
    </message>
    <message>
        <source>A CSV file whose first row names the columns</source>
        <translation>CSV फ़ाइल जिसकी पहली पंक्ति में कॉलम के नाम हों</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV फ़ाइल</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ब्राउज़ करें (&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>कनेक्शन</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>कनेक्शन (&amp;C)</translation>
    </message>
    <message>
        <source>Columns (bold: required; any order): {columns}. A start is {pattern} on the clinic&apos;s clock, or ISO 8601 with Z or an offset.</source>
        <translation>कॉलम (बोल्ड: ज़रूरी; किसी भी क्रम में): {columns}। शुरुआत क्लिनिक की घड़ी पर {pattern} है, या Z या ऑफ़सेट के साथ ISO 8601।</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>इंपोर्ट क्या करेगा</translation>
    </message>
    <message>
        <source>Rows that would be queued</source>
        <translation>कतार में जाने वाली पंक्तियाँ</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>अस्वीकार की गई पंक्तियाँ</translation>
    </message>
    <message>
        <source>Would be queued</source>
        <translation>कतार में जाएँगी</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>फिर से जाँचें (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Queue bookings</source>
        <translation>बुकिंग कतार में डालें (&amp;Q)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV फ़ाइलें (*.csv);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>There is no connection yet: add one in File &gt; Connections.</source>
        <translation>अभी कोई कनेक्शन नहीं है: फ़ाइल &gt; कनेक्शन में जोड़ें।</translation>
    </message>
    <message>
        <source>This file cannot be imported: {why}</source>
        <translation>यह फ़ाइल इंपोर्ट नहीं हो सकती: {why}</translation>
    </message>
    <message>
        <source>Nothing is queued until you press Queue; a refused row is left out (fix it in the file and import the file again: rows already queued are not queued twice).</source>
        <translation>जब तक आप &apos;कतार में डालें&apos; नहीं दबाते, कुछ भी कतार में नहीं जाता; अस्वीकार की गई पंक्ति छोड़ दी जाती है (उसे फ़ाइल में ठीक करें और फ़ाइल फिर से इंपोर्ट करें: पहले से कतार में गई पंक्तियाँ दोबारा नहीं जातीं)।</translation>
    </message>
    <message>
        <source>Read as {how}.</source>
        <translation>{how} के रूप में पढ़ा गया।</translation>
    </message>
    <message>
        <source>Queueing…</source>
        <translation>कतार में डाल रहे हैं…</translation>
    </message>
    <message>
        <source>try again</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Nothing queued: {why}</source>
        <translation>कुछ भी कतार में नहीं गया: {why}</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>कतार में डालें (&amp;Q)</translation>
    </message>
    <message>
        <source>Choose a file: nothing is queued before you press Queue.</source>
        <translation>फ़ाइल चुनें: &apos;कतार में डालें&apos; दबाने से पहले कुछ भी कतार में नहीं जाता।</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Queue %n booking(s)</source>
        <translation>
            <numerusform>%n बुकिंग कतार में डालें (&amp;Q)</numerusform>
            <numerusform>%n बुकिंग कतार में डालें (&amp;Q)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) already imported</source>
        <translation>
            <numerusform>%n पंक्ति पहले ही इंपोर्ट हो चुकी</numerusform>
            <numerusform>%n पंक्तियाँ पहले ही इंपोर्ट हो चुकीं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would be queued</source>
        <translation>
            <numerusform>%n पंक्ति कतार में जाएगी</numerusform>
            <numerusform>%n पंक्तियाँ कतार में जाएँगी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) refused</source>
        <translation>
            <numerusform>%n पंक्ति अस्वीकृत</numerusform>
            <numerusform>%n पंक्तियाँ अस्वीकृत</numerusform>
        </translation>
    </message>
    <message>
        <source>use 2027-06-15T09:30:00Z, an offset, or &apos;2027-06-15 09:30&apos; (clinic time)</source>
        <translation>2027-06-15T09:30:00Z, कोई ऑफ़सेट, या &apos;2027-06-15 09:30&apos; (क्लिनिक का समय) लिखें</translation>
    </message>
    <message>
        <source>this local time does not exist on that day (the clocks change)</source>
        <translation>उस दिन यह स्थानीय समय नहीं होता (घड़ियाँ बदलती हैं)</translation>
    </message>
    <message>
        <source>the year must be between {first} and {last}</source>
        <translation>वर्ष {first} और {last} के बीच होना चाहिए</translation>
    </message>
    <message>
        <source>is empty; fill it in</source>
        <translation>खाली है; इसे भरें</translation>
    </message>
    <message>
        <source>{value} is not a service of this connection</source>
        <translation>{value} इस कनेक्शन की कोई सेवा नहीं है</translation>
    </message>
    <message>
        <source>{value} is not known here</source>
        <translation>{value} यहाँ ज्ञात नहीं है</translation>
    </message>
    <message>
        <source>is longer than {limit:,} characters ({length:,}); shorten it</source>
        <translation>{limit:,} अक्षरों से लंबा है ({length:,}); इसे छोटा करें</translation>
    </message>
    <message>
        <source>it has no usable connector (is its key stored?)</source>
        <translation>इसका कोई काम करने वाला कनेक्टर नहीं है (क्या इसकी कुंजी सहेजी गई है?)</translation>
    </message>
    <message>
        <source>its catalog (services, branches, hours) has not been fetched from the booking system yet; sync first (Sync now at the desk, or `frontdesk sync`) when online</source>
        <translation>इसका कैटलॉग (सेवाएँ, शाखाएँ, समय) अभी तक बुकिंग सिस्टम से नहीं लाया गया है; ऑनलाइन होने पर पहले सिंक करें (डेस्क पर अभी सिंक करें, या `frontdesk sync`)</translation>
    </message>
    <message>
        <source>the catalog could not be fetched, run `frontdesk sync` when online</source>
        <translation>कैटलॉग नहीं लाया जा सका; ऑनलाइन होने पर `frontdesk sync` चलाएँ</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>अल्पविराम से अलग</translation>
    </message>
    <message>
        <source>semicolon-separated</source>
        <translation>अर्धविराम से अलग</translation>
    </message>
    <message>
        <source>tab-separated</source>
        <translation>टैब से अलग</translation>
    </message>
    <message>
        <source>{encoding}, {separated}</source>
        <translation>{encoding}, {separated}</translation>
    </message>
    <message>
        <source>it starts as {encoding} text but is not; save it as &apos;CSV UTF-8&apos; and import it again</source>
        <translation>यह {encoding} टेक्स्ट की तरह शुरू होती है पर है नहीं; इसे &apos;CSV UTF-8&apos; के रूप में सहेजें और फिर से इंपोर्ट करें</translation>
    </message>
    <message>
        <source>cannot read {path}: {why}</source>
        <translation>{path} नहीं पढ़ सकते: {why}</translation>
    </message>
    <message>
        <source>the file is empty; the first row must name the columns</source>
        <translation>फ़ाइल खाली है; पहली पंक्ति में कॉलम के नाम होने चाहिए</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, the most an import reads; a clinic&apos;s bookings file is far smaller: check that it is the right file, or split it</source>
        <translation>{path} {limit} MB से बड़ी है, इम्पोर्ट इससे अधिक नहीं पढ़ता; किसी क्लिनिक की बुकिंग फ़ाइल इससे बहुत छोटी होती है: जाँचें कि यह सही फ़ाइल है, या इसे बाँट दें</translation>
    </message>
    <message>
        <source>it cannot be read as CSV ({why})</source>
        <translation>इसे CSV के रूप में नहीं पढ़ा जा सकता ({why})</translation>
    </message>
    <message>
        <source>the first row holds a NUL character: this is not CSV text (a UTF-16 file needs its byte-order mark); save it as &apos;CSV UTF-8&apos; and import it again</source>
        <translation>पहली पंक्ति में NUL अक्षर है: यह CSV टेक्स्ट नहीं है (UTF-16 फ़ाइल को अपना बाइट-ऑर्डर मार्क चाहिए); इसे &apos;CSV UTF-8&apos; के रूप में सहेजें और फिर से इंपोर्ट करें</translation>
    </message>
    <message>
        <source>the column {name} is named twice in the first row (columns {one} and {two}); keep one of them</source>
        <translation>कॉलम {name} पहली पंक्ति में दो बार है (कॉलम {one} और {two}); इनमें से एक रखें</translation>
    </message>
    <message>
        <source>unknown column {name}; the columns are {columns}</source>
        <translation>अज्ञात कॉलम {name}; कॉलम ये हैं: {columns}</translation>
    </message>
    <message>
        <source>the header has no {name} column</source>
        <translation>हेडर में {name} कॉलम नहीं है</translation>
    </message>
    <message>
        <source>a quote (&quot;) opened in this row is never closed, so the rest of the file was read as one value; close the quote</source>
        <translation>इस पंक्ति में खुला उद्धरण चिह्न (&quot;) कभी बंद नहीं होता, इसलिए बाकी फ़ाइल एक ही मान के रूप में पढ़ी गई; उद्धरण चिह्न बंद करें</translation>
    </message>
    <message>
        <source>column {n} has a value but no name in the first row (check the delimiter and the quotes)</source>
        <translation>कॉलम {n} में मान है पर पहली पंक्ति में उसका नाम नहीं है (विभाजक और उद्धरण चिह्न जाँचें)</translation>
    </message>
    <message>
        <source>holds a NUL character; remove it</source>
        <translation>इसमें NUL अक्षर है; इसे हटाएँ</translation>
    </message>
    <message>
        <source>is longer than {limit:,} characters; shorten it</source>
        <translation>{limit:,} अक्षरों से लंबा है; इसे छोटा करें</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Something went wrong inside FrontDesk, and that part of the screen may not have been updated.

Bookings already saved are safe. If what you see looks wrong, close FrontDesk and open it again.</source>
        <translation>FrontDesk में कुछ गड़बड़ हो गई, और स्क्रीन का वह हिस्सा शायद अपडेट नहीं हुआ।

पहले से सहेजी गई बुकिंग सुरक्षित हैं। अगर कुछ गलत दिखे, तो FrontDesk बंद करके फिर से खोलें।</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>विवरण लॉग फ़ाइल में लिखा गया है:
{path}</translation>
    </message>
    <message>
        <source>FrontDesk could not start.

{why}

The details were written to the log file.</source>
        <translation>FrontDesk शुरू नहीं हो सका।

{why}

विवरण लॉग फ़ाइल में लिखा गया है।</translation>
    </message>
    <message>
        <source>FrontDesk may not write to its data folder. Ask IT to check the folder&apos;s rights.</source>
        <translation>FrontDesk को अपने डेटा फ़ोल्डर में लिखने की अनुमति नहीं है। IT से फ़ोल्डर के अधिकार जाँचने को कहें।</translation>
    </message>
    <message>
        <source>FrontDesk could not open its data files (disk full or folder missing?).</source>
        <translation>FrontDesk अपनी डेटा फ़ाइलें नहीं खोल सका (डिस्क भरी है या फ़ोल्डर नहीं है?)।</translation>
    </message>
    <message>
        <source>An unexpected problem stopped FrontDesk from opening.</source>
        <translation>एक अनपेक्षित समस्या के कारण FrontDesk नहीं खुल सका।</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>FrontDesk is locked</source>
        <translation>FrontDesk लॉक है</translation>
    </message>
    <message>
        <source>Opening the desk…</source>
        <translation>डेस्क खुल रहा है…</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>स्टाफ़ का नाम</translation>
    </message>
    <message>
        <source>Administrator&apos;s name</source>
        <translation>व्यवस्थापक का नाम</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN दोबारा</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>नाम (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN (&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>PIN दोबारा (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>अनलॉक करें (&amp;U)</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>साइन इन संदेश</translation>
    </message>
    <message>
        <source>Welcome. Nobody can sign in yet: create the clinic&apos;s first administrator, who then adds the other staff (File ▸ Staff).</source>
        <translation>स्वागत है। अभी कोई साइन इन नहीं कर सकता: क्लिनिक का पहला व्यवस्थापक बनाएँ, जो फिर बाकी स्टाफ़ को जोड़ेगा (फ़ाइल ▸ स्टाफ़)।</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>बनाएँ और साइन इन करें (&amp;C)</translation>
    </message>
    <message>
        <source>Sign in with your name and PIN.</source>
        <translation>अपने नाम और PIN से साइन इन करें।</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>साइन इन करें (&amp;S)</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>दोनों PIN अलग हैं; एक ही PIN दो बार लिखें।</translation>
    </message>
    <message>
        <source>Choose or type your name.</source>
        <translation>अपना नाम चुनें या लिखें।</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>PIN की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>The desk could not check the PIN; try again.</source>
        <translation>डेस्क PIN की जाँच नहीं कर सका; फिर से कोशिश करें।</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Not moved: {why}</source>
        <translation>समय नहीं बदला: {why}</translation>
    </message>
    <message>
        <source>Outcome unknown: {why}</source>
        <translation>परिणाम अज्ञात: {why}</translation>
    </message>
    <message>
        <source>Needs attention: {why}</source>
        <translation>ध्यान देने की ज़रूरत: {why}</translation>
    </message>
    <message>
        <source>Sign in first: a form is still open on this desk.</source>
        <translation>पहले साइन इन करें: इस डेस्क पर अभी एक फ़ॉर्म खुला है।</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) sent without an answer, and the booking system cannot be asked whether they arrived: settle them in the sync panel.</source>
        <translation>
            <numerusform>%n बुकिंग बिना जवाब के भेजी गई, और बुकिंग सिस्टम से पूछा नहीं जा सकता कि वह पहुँची या नहीं: उसे सिंक पैनल में सुलझाएँ।</numerusform>
            <numerusform>%n बुकिंग बिना जवाब के भेजी गईं, और बुकिंग सिस्टम से पूछा नहीं जा सकता कि वे पहुँचीं या नहीं: उन्हें सिंक पैनल में सुलझाएँ।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) need attention: the booking system refused them.</source>
        <translation>
            <numerusform>%n बुकिंग पर ध्यान देने की ज़रूरत है: बुकिंग सिस्टम ने उसे अस्वीकार कर दिया।</numerusform>
            <numerusform>%n बुकिंग पर ध्यान देने की ज़रूरत है: बुकिंग सिस्टम ने उन्हें अस्वीकार कर दिया।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;फ़ाइल</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;कनेक्शन…</translation>
    </message>
    <message>
        <source>Add, change or test the booking systems</source>
        <translation>बुकिंग सिस्टम जोड़ें, बदलें या जाँचें</translation>
    </message>
    <message>
        <source>Clinic &amp;settings…</source>
        <translation>क्लिनिक &amp;सेटिंग्स…</translation>
    </message>
    <message>
        <source>The clinic&apos;s time zone, phone region and paper</source>
        <translation>क्लिनिक का समय क्षेत्र, फ़ोन क्षेत्र और काग़ज़</translation>
    </message>
    <message>
        <source>&amp;Print day sheet…</source>
        <translation>दिन की सूची &amp;प्रिंट करें…</translation>
    </message>
    <message>
        <source>Print the shown day: the whole day, then a page per provider</source>
        <translation>दिखाया गया दिन प्रिंट करें: पूरा दिन, फिर हर डॉक्टर का एक पन्ना</translation>
    </message>
    <message>
        <source>Save day sheet as P&amp;DF…</source>
        <translation>दिन की सूची P&amp;DF के रूप में सहेजें…</translation>
    </message>
    <message>
        <source>Save the shown day as a PDF file</source>
        <translation>दिखाया गया दिन PDF फ़ाइल के रूप में सहेजें</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;बंद करें</translation>
    </message>
    <message>
        <source>Close FrontDesk</source>
        <translation>FrontDesk बंद करें</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;दृश्य</translation>
    </message>
    <message>
        <source>Show or hide the {panel} panel</source>
        <translation>{panel} पैनल दिखाएँ या छिपाएँ</translation>
    </message>
    <message>
        <source>Cu&amp;t to pinboard</source>
        <translation>पिनबोर्ड पर काटें (&amp;T)</translation>
    </message>
    <message>
        <source>Pin the selected appointment, to place it on another day (it stays booked until then)</source>
        <translation>चुनी गई अपॉइंटमेंट को पिनबोर्ड पर लगाएँ, ताकि उसे किसी और दिन रखा जा सके (तब तक वह बुक रहती है)</translation>
    </message>
    <message>
        <source>&amp;Booking</source>
        <translation>&amp;बुकिंग</translation>
    </message>
    <message>
        <source>Find an &amp;opening…</source>
        <translation>खाली &amp;समय खोजें…</translation>
    </message>
    <message>
        <source>Search the next free times for a service, provider, days and part of day</source>
        <translation>किसी सेवा, डॉक्टर, दिनों और दिन के हिस्से के लिए अगले खाली समय खोजें</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;सहायता</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>{app} के &amp;बारे में</translation>
    </message>
    <message>
        <source>Version, and where this desk keeps its files</source>
        <translation>संस्करण, और यह डेस्क अपनी फ़ाइलें कहाँ रखता है</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Every key the desk answers to</source>
        <translation>डेस्क जिन कुंजियों का जवाब देता है</translation>
    </message>
    <message>
        <source>&amp;Export day…</source>
        <translation>दिन &amp;निर्यात करें…</translation>
    </message>
    <message>
        <source>Save the shown day as a calendar file or CSV</source>
        <translation>दिखाया गया दिन कैलेंडर फ़ाइल या CSV के रूप में सहेजें</translation>
    </message>
    <message>
        <source>Export &amp;week…</source>
        <translation>&amp;सप्ताह निर्यात करें…</translation>
    </message>
    <message>
        <source>Save a provider&apos;s week (no patient names) as a calendar file or CSV</source>
        <translation>किसी डॉक्टर का सप्ताह (मरीज़ों के नाम के बिना) कैलेंडर फ़ाइल या CSV के रूप में सहेजें</translation>
    </message>
    <message>
        <source>Export patient&apos;s &amp;appointments…</source>
        <translation>मरीज़ की &amp;अपॉइंटमेंट निर्यात करें…</translation>
    </message>
    <message>
        <source>Save one patient&apos;s appointments as a calendar file or CSV</source>
        <translation>एक मरीज़ की अपॉइंटमेंट कैलेंडर फ़ाइल या CSV के रूप में सहेजें</translation>
    </message>
    <message>
        <source>&amp;Import bookings…</source>
        <translation>बुकिंग &amp;आयात करें…</translation>
    </message>
    <message>
        <source>Book from a CSV file: see the rows it would queue and refuse first</source>
        <translation>CSV फ़ाइल से बुक करें: पहले देखें कि कौन-सी पंक्तियाँ कतार में जाएँगी और कौन-सी अस्वीकार होंगी</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>नेविगेशन</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>आज</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>आज पर जाएँ</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>पिछला</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>अगला</translation>
    </message>
    <message>
        <source>Shown dates</source>
        <translation>दिखाई गई तारीख़ें</translation>
    </message>
    <message>
        <source>{view} view</source>
        <translation>{view} दृश्य</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>मरीज़ खोजें</translation>
    </message>
    <message>
        <source>Find a patient</source>
        <translation>किसी मरीज़ को खोजें</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>नई बुकिंग</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>अपॉइंटमेंट बुक करें</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>अभी सिंक करें</translation>
    </message>
    <message>
        <source>Send waiting bookings and refresh the calendars now</source>
        <translation>प्रतीक्षारत बुकिंग भेजें और कैलेंडर अभी ताज़ा करें</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>पहुँच गए</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>पूरा हुआ</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>नहीं आए</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>बदलें…</translation>
    </message>
    <message>
        <source>Move the selected appointment</source>
        <translation>चुनी गई अपॉइंटमेंट का समय बदलें</translation>
    </message>
    <message>
        <source>Cancel appointment…</source>
        <translation>अपॉइंटमेंट रद्द करें…</translation>
    </message>
    <message>
        <source>Cancel the selected appointment</source>
        <translation>चुनी गई अपॉइंटमेंट रद्द करें</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>Month calendar</source>
        <translation>मासिक कैलेंडर</translation>
    </message>
    <message>
        <source>Bookings per day of the shown month. Double-click a day to open it.</source>
        <translation>दिखाए गए महीने में हर दिन की बुकिंग। किसी दिन को खोलने के लिए डबल-क्लिक करें।</translation>
    </message>
    <message>
        <source>{count} booked</source>
        <translation>{count} बुक</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>+{count} और</translation>
    </message>
</context>
<context>
    <name>Openings</name>
    <message>
        <source>Morning</source>
        <translation>सुबह</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>दोपहर</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>शाम</translation>
    </message>
    <message>
        <source>Find an opening</source>
        <translation>खाली समय खोजें</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>सेवा (&amp;S)</translation>
    </message>
    <message>
        <source>Provider or room</source>
        <translation>डॉक्टर या कमरा</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>डॉक्टर (&amp;P)</translation>
    </message>
    <message>
        <source>On {day}</source>
        <translation>{day} को</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>दिन</translation>
    </message>
    <message>
        <source>Part of day</source>
        <translation>दिन का हिस्सा</translation>
    </message>
    <message>
        <source>From</source>
        <translation>से</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>से (&amp;F)</translation>
    </message>
    <message>
        <source>Sea&amp;rch</source>
        <translation>खोजें (&amp;R)</translation>
    </message>
    <message>
        <source>Free times</source>
        <translation>खाली समय</translation>
    </message>
    <message>
        <source>Choose what you look for, then Search.</source>
        <translation>जो खोजना है चुनें, फिर खोजें दबाएँ।</translation>
    </message>
    <message>
        <source>&amp;Book this time</source>
        <translation>यह समय बुक करें (&amp;B)</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>कोई भी डॉक्टर</translation>
    </message>
    <message>
        <source>Tick at least one day and one part of the day.</source>
        <translation>कम से कम एक दिन और दिन का एक हिस्सा चुनें।</translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n बाकी</numerusform>
            <numerusform>%n बाकी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free time(s). Double-click one (or Enter) to book it.</source>
        <translation>
            <numerusform>%n खाली समय। बुक करने के लिए डबल-क्लिक करें (या Enter)।</numerusform>
            <numerusform>%n खाली समय। बुक करने के लिए किसी एक पर डबल-क्लिक करें (या Enter)।</numerusform>
        </translation>
    </message>
    <message>
        <source>No free time matches in the cached calendars; try other days or parts of the day, or a later date.</source>
        <translation>सहेजे गए कैलेंडरों में कोई मेल खाता खाली समय नहीं; दूसरे दिन, दिन के हिस्से या बाद की तारीख़ आज़माएँ।</translation>
    </message>
</context>
<context>
    <name>Pinboard</name>
    <message>
        <source>An appointment on the pinboard is no longer here.</source>
        <translation>पिनबोर्ड की एक अपॉइंटमेंट अब यहाँ नहीं है।</translation>
    </message>
    <message>
        <source>{patient}&apos;s appointment of {when} was cancelled meanwhile; it is off the pinboard.</source>
        <translation>{patient} की {when} की अपॉइंटमेंट इस बीच रद्द हो गई; यह पिनबोर्ड से हट गई है।</translation>
    </message>
    <message>
        <source>A cancelled appointment cannot be pinned.</source>
        <translation>रद्द की गई अपॉइंटमेंट पिन नहीं की जा सकती।</translation>
    </message>
    <message>
        <source>An arrived appointment cannot be moved or pinned.</source>
        <translation>जिस अपॉइंटमेंट के मरीज़ आ चुके हैं, उसका समय बदला या पिन नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>A completed appointment cannot be moved or pinned.</source>
        <translation>पूरी हुई अपॉइंटमेंट का समय बदला या पिन नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>A no-show appointment cannot be moved or pinned.</source>
        <translation>जिस अपॉइंटमेंट पर मरीज़ नहीं आए, उसका समय बदला या पिन नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>Settle this booking in the sync panel first.</source>
        <translation>पहले सिंक पैनल में इस बुकिंग को सुलझाएँ।</translation>
    </message>
    <message>
        <source>This appointment is on the pinboard already.</source>
        <translation>यह अपॉइंटमेंट पहले से पिनबोर्ड पर है।</translation>
    </message>
</context>
<context>
    <name>PinboardDock</name>
    <message>
        <source>A pinned appointment stays booked at its own time until you place it: drag it onto the calendar, or click a free time there and press Place here.</source>
        <translation>पिन की गई अपॉइंटमेंट अपने समय पर बुक रहती है जब तक आप उसे रख न दें: उसे कैलेंडर पर खींचें, या वहाँ कोई खाली समय क्लिक करके यहाँ रखें दबाएँ।</translation>
    </message>
    <message>
        <source>An appointment cannot move to another booking system; book it there and cancel this one.</source>
        <translation>अपॉइंटमेंट दूसरे बुकिंग सिस्टम में नहीं जा सकती; उसे वहाँ बुक करें और इसे रद्द करें।</translation>
    </message>
    <message>
        <source>Pinned appointments</source>
        <translation>पिन की गई अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>No free time picked on the calendar yet.</source>
        <translation>कैलेंडर पर अभी कोई खाली समय नहीं चुना गया।</translation>
    </message>
    <message>
        <source>Picked time</source>
        <translation>चुना गया समय</translation>
    </message>
    <message>
        <source>&amp;Place here</source>
        <translation>यहाँ रखें (&amp;P)</translation>
    </message>
    <message>
        <source>Move the chosen pinned appointment to the picked time</source>
        <translation>चुनी गई पिन की हुई अपॉइंटमेंट को चुने गए समय पर ले जाएँ</translation>
    </message>
    <message>
        <source>Put &amp;back</source>
        <translation>वापस रखें (&amp;B)</translation>
    </message>
    <message>
        <source>Take it off the pinboard; it stays at its own time</source>
        <translation>पिनबोर्ड से हटाएँ; यह अपने समय पर रहती है</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>दिखाएँ (&amp;H)</translation>
    </message>
    <message>
        <source>Go to where it is booked now</source>
        <translation>जहाँ यह अभी बुक है वहाँ जाएँ</translation>
    </message>
    <message>
        <source>Pinboard messages</source>
        <translation>पिनबोर्ड संदेश</translation>
    </message>
    <message>
        <source>{patient} · {service} · {provider} · {minutes} min
    still booked at {when}</source>
        <translation>{patient} · {service} · {provider} · {minutes} मिनट
    अभी भी {when} पर बुक</translation>
    </message>
    <message>
        <source>Pinned by {who} at {desk}</source>
        <translation>{who} ने {desk} पर पिन किया</translation>
    </message>
    <message>
        <source>Nothing on the pinboard. Ctrl+X cuts the selected appointment.</source>
        <translation>पिनबोर्ड पर कुछ नहीं। Ctrl+X चुनी गई अपॉइंटमेंट को काटता है।</translation>
    </message>
    <message>
        <source>Picked: {when}</source>
        <translation>चुना गया: {when}</translation>
    </message>
    <message>
        <source>{patient} is on the pinboard; still booked at {when} until you place it.</source>
        <translation>{patient} पिनबोर्ड पर हैं; जब तक आप इसे रख न दें, यह {when} पर बुक रहती है।</translation>
    </message>
    <message>
        <source>Not pinned</source>
        <translation>पिन नहीं हुआ</translation>
    </message>
    <message>
        <source>Select an appointment on the calendar first, then Ctrl+X pins it.</source>
        <translation>पहले कैलेंडर पर कोई अपॉइंटमेंट चुनें, फिर Ctrl+X उसे पिन करता है।</translation>
    </message>
    <message>
        <source>Not moved: {why} It stays on the pinboard.</source>
        <translation>समय नहीं बदला: {why} यह पिनबोर्ड पर रहती है।</translation>
    </message>
    <message>
        <source>Not moved: {why}</source>
        <translation>समय नहीं बदला: {why}</translation>
    </message>
    <message>
        <source>Placed; it is off the pinboard.</source>
        <translation>रख दी गई; यह पिनबोर्ड से हट गई है।</translation>
    </message>
    <message>
        <source>Appointment moved.</source>
        <translation>अपॉइंटमेंट का समय बदला गया।</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>समय नहीं बदला</translation>
    </message>
    <message>
        <source> It stays on the pinboard.</source>
        <translation> यह पिनबोर्ड पर रहती है।</translation>
    </message>
    <message>
        <source>Taken off the pinboard; it stays at its own time.</source>
        <translation>पिनबोर्ड से हटा दी गई; यह अपने समय पर रहती है।</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>बदला नहीं गया</translation>
    </message>
    <message>
        <source>Pinboard</source>
        <translation>पिनबोर्ड</translation>
    </message>
</context>
<context>
    <name>PinboardDrops</name>
    <message>
        <source>Not here: {why}</source>
        <translation>यहाँ नहीं: {why}</translation>
    </message>
    <message>
        <source>Drop to move it to {when}.</source>
        <translation>{when} पर ले जाने के लिए छोड़ें।</translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <source>CareValidate documents no opening hours (bookings go through Calendly)</source>
        <translation>CareValidate कोई खुलने का समय नहीं बताता (बुकिंग Calendly से होती है)</translation>
    </message>
    <message>
        <source>meetergo publishes free start times, not working hours</source>
        <translation>meetergo खाली शुरुआती समय बताता है, काम के घंटे नहीं</translation>
    </message>
    <message>
        <source>VantaX documents no working hours: a calendar takes bookings at any time</source>
        <translation>VantaX काम के घंटे नहीं बताता: कैलेंडर किसी भी समय बुकिंग लेता है</translation>
    </message>
    <message>
        <source>VantaX contact</source>
        <translation>VantaX संपर्क</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>ठीक है (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>रद्द करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>बंद करें (&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>बिना सहेजे बंद करें</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>छोड़ दें</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>न सहेजें</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>डिफ़ॉल्ट वापस लाएँ</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हाँ (&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं (&amp;N)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर कोशिश करें</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
</context>
<context>
    <name>Series</name>
    <message>
        <source>every: type a number of weeks from 1 to 52.</source>
        <translation>हर: 1 से 52 तक सप्ताहों की संख्या टाइप करें।</translation>
    </message>
    <message>
        <source>times: say how many times, or until which date.</source>
        <translation>बार: बताएँ कितनी बार, या किस तारीख तक।</translation>
    </message>
    <message>
        <source>times: a series has 2 to {most} appointments.</source>
        <translation>बार: एक शृंखला में 2 से {most} अपॉइंटमेंट होती हैं।</translation>
    </message>
    <message>
        <source>until: choose a date after the first appointment.</source>
        <translation>तक: पहली अपॉइंटमेंट के बाद की तारीख चुनें।</translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s)</source>
        <translation>
            <numerusform>हर सप्ताह</numerusform>
            <numerusform>हर %n सप्ताह</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{every}, %n time(s)</source>
        <translation>
            <numerusform>{every}, %n बार</numerusform>
            <numerusform>{every}, %n बार</numerusform>
        </translation>
    </message>
    <message>
        <source>No appointment of the series is left to book.</source>
        <translation>शृंखला की कोई अपॉइंटमेंट बुक करने को नहीं बची।</translation>
    </message>
    <message>
        <source>This appointment is in no series.</source>
        <translation>यह अपॉइंटमेंट किसी शृंखला में नहीं है।</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Repeat appointment</source>
        <translation>अपॉइंटमेंट दोहराएँ</translation>
    </message>
    <message>
        <source>&lt;b&gt;{patient}&lt;/b&gt;, at &lt;b&gt;{time}&lt;/b&gt; (clinic time) from {day}. Every appointment keeps this time of day, also across a change of the clocks.</source>
        <translation>&lt;b&gt;{patient}&lt;/b&gt;, &lt;b&gt;{time}&lt;/b&gt; बजे (क्लिनिक का समय), {day} से। हर अपॉइंटमेंट दिन का यही समय रखती है, घड़ियाँ बदलने पर भी।</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> सप्ताह</translation>
    </message>
    <message>
        <source>Every how many weeks</source>
        <translation>हर कितने सप्ताह</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>हर (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Times in all</source>
        <translation>कुल बार (&amp;T)</translation>
    </message>
    <message>
        <source>How many appointments</source>
        <translation>कितनी अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>तक (&amp;U)</translation>
    </message>
    <message>
        <source>Until which date</source>
        <translation>किस तारीख तक</translation>
    </message>
    <message>
        <source>When (clinic time)</source>
        <translation>कब (क्लिनिक का समय)</translation>
    </message>
    <message>
        <source>Checked offline</source>
        <translation>ऑफ़लाइन जाँचा गया</translation>
    </message>
    <message>
        <source>Book at</source>
        <translation>इस समय बुक करें</translation>
    </message>
    <message>
        <source>The series&apos; appointments</source>
        <translation>शृंखला की अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>What will be booked</source>
        <translation>क्या बुक होगा</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>बुक करें (&amp;B)</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>फ़िट है</translation>
    </message>
    <message>
        <source>Does not fit: {why}</source>
        <translation>फ़िट नहीं: {why}</translation>
    </message>
    <message>
        <source>Likely fits ({why})</source>
        <translation>शायद फ़िट है ({why})</translation>
    </message>
    <message>
        <source>Appointment {number}: book at</source>
        <translation>अपॉइंटमेंट {number}: इस समय बुक करें</translation>
    </message>
    <message>
        <source>As asked</source>
        <translation>जैसा माँगा गया</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>समय चुनें…</translation>
    </message>
    <message>
        <source>Skip this one</source>
        <translation>इसे छोड़ दें</translation>
    </message>
    <message>
        <source>All {count} appointments fit; they are booked together.</source>
        <translation>सभी {count} अपॉइंटमेंट फ़िट हैं; ये एक साथ बुक की जाएँगी।</translation>
    </message>
    <message>
        <source>{misfits} of {count} do not fit (number {numbers}): pick one of the nearest openings for each, or skip it. {why}</source>
        <translation>{count} में से {misfits} फ़िट नहीं हैं (क्रमांक {numbers}): हर एक के लिए सबसे नज़दीकी खाली समयों में से एक चुनें, या उसे छोड़ दें। {why}</translation>
    </message>
    <message>
        <source>{count} still to choose.</source>
        <translation>{count} अभी चुननी हैं।</translation>
    </message>
    <message>
        <source>&amp;Book {count} appointments</source>
        <translation>{count} अपॉइंटमेंट बुक करें (&amp;B)</translation>
    </message>
    <message>
        <source>Nothing was booked.</source>
        <translation>कुछ भी बुक नहीं हुआ।</translation>
    </message>
    <message>
        <source>The desk could not save the series; nothing was booked.</source>
        <translation>डेस्क शृंखला सहेज नहीं सका; कुछ भी बुक नहीं हुआ।</translation>
    </message>
    <message>
        <source>&amp;Repeat…</source>
        <translation>दोहराएँ (&amp;R)…</translation>
    </message>
    <message>
        <source>Book this appointment every N weeks (a course of treatment)</source>
        <translation>यह अपॉइंटमेंट हर N सप्ताह बुक करें (इलाज का एक कोर्स)</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>दोहराएँ</translation>
    </message>
</context>
<context>
    <name>SeriesScope</name>
    <message>
        <source>In a series ({rule}):</source>
        <translation>एक शृंखला में ({rule}):</translation>
    </message>
    <message>
        <source>&amp;This one</source>
        <translation>केवल यह (&amp;T)</translation>
    </message>
    <message>
        <source>This and the &amp;following ({count})</source>
        <translation>यह और इसके बाद वाली ({count}) (&amp;F)</translation>
    </message>
    <message>
        <source>Which appointments of the series</source>
        <translation>शृंखला की कौन-सी अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>Nothing is cancelled:</source>
        <translation>कुछ भी रद्द नहीं हुआ:</translation>
    </message>
    <message>
        <source>Nothing is moved:</source>
        <translation>किसी का समय नहीं बदला:</translation>
    </message>
    <message>
        <source>{count} of the series&apos; appointments do not fit.</source>
        <translation>शृंखला की {count} अपॉइंटमेंट फ़िट नहीं हैं।</translation>
    </message>
    <message>
        <source>{count} appointments move together, each by the same shift.</source>
        <translation>{count} अपॉइंटमेंट एक साथ खिसकेंगी, हर एक उतने ही समय से।</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>{typed} is not a time zone. Pick one from the list, or type a name such as Europe/Berlin.</source>
        <translation>{typed} कोई समय क्षेत्र नहीं है। सूची से एक चुनें, या Europe/Berlin जैसा नाम लिखें।</translation>
    </message>
    <message>
        <source>Pick the phone region from the list.</source>
        <translation>सूची से फ़ोन क्षेत्र चुनें।</translation>
    </message>
    <message>
        <source>Pick the paper from the list.</source>
        <translation>सूची से काग़ज़ चुनें।</translation>
    </message>
    <message>
        <source>The desk locks itself after 1 to {most} idle minutes.</source>
        <translation>डेस्क 1 से {most} मिनट निष्क्रिय रहने पर अपने-आप लॉक होता है।</translation>
    </message>
    <message>
        <source>Pick the language from the list.</source>
        <translation>सूची से भाषा चुनें।</translation>
    </message>
    <message>
        <source>Check the settings.</source>
        <translation>सेटिंग्स जाँचें।</translation>
    </message>
    <message>
        <source>Clinic settings</source>
        <translation>क्लिनिक सेटिंग्स</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>समय क्षेत्र</translation>
    </message>
    <message>
        <source>This computer&apos;s ({zone})</source>
        <translation>इस कंप्यूटर का ({zone})</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;समय क्षेत्र</translation>
    </message>
    <message>
        <source>Phone region</source>
        <translation>फ़ोन क्षेत्र</translation>
    </message>
    <message>
        <source>The time zone&apos;s country</source>
        <translation>समय क्षेत्र का देश</translation>
    </message>
    <message>
        <source>&amp;Phone numbers from</source>
        <translation>&amp;फ़ोन नंबर कहाँ के</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>काग़ज़</translation>
    </message>
    <message>
        <source>As the region uses</source>
        <translation>जैसा क्षेत्र में चलता है</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>लेटर</translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation>का&amp;ग़ज़</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>This computer&apos;s ({language})</source>
        <translation>इस कंप्यूटर की ({language})</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>&amp;भाषा</translation>
    </message>
    <message>
        <source>Lock when idle after</source>
        <translation>निष्क्रिय रहने पर लॉक करें</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>&amp;Lock when idle after</source>
        <translation>&amp;निष्क्रिय रहने पर लॉक करें</translation>
    </message>
    <message>
        <source>Not valid: {reason}</source>
        <translation>मान्य नहीं: {reason}</translation>
    </message>
    <message>
        <source>no region (numbers need their +code)</source>
        <translation>कोई क्षेत्र नहीं (नंबरों को अपना +कोड चाहिए)</translation>
    </message>
    <message>
        <source>Every time on the desk is shown on {zone} time. Phone numbers are read as dialled in {country}. The day sheet prints on {paper} paper. The desk locks itself after {minutes} idle minutes.</source>
        <translation>डेस्क पर हर समय {zone} के समय में दिखाया जाता है। फ़ोन नंबर वैसे पढ़े जाते हैं जैसे {country} में डायल किए जाते हैं। दिन की सूची {paper} काग़ज़ पर छपती है। {minutes} मिनट निष्क्रिय रहने पर डेस्क अपने-आप लॉक हो जाता है।</translation>
    </message>
    <message>
        <source>The new language is spoken from the next start.</source>
        <translation>नई भाषा अगली बार शुरू करने से लागू होगी।</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>सहेजा नहीं गया: {reason}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Previous / next day (in the day view), or move across the week</source>
        <translation>पिछला / अगला दिन (दिन के दृश्य में), या सप्ताह में आगे-पीछे</translation>
    </message>
    <message>
        <source>Previous / next appointment</source>
        <translation>पिछला / अगला अपॉइंटमेंट</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected appointment</source>
        <translation>चुना हुआ अपॉइंटमेंट खोलें</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop dragging an appointment (it goes back where it was)</source>
        <translation>अपॉइंटमेंट खींचना रोकें (वह अपनी जगह लौट जाता है)</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>डबल-क्लिक</translation>
    </message>
    <message>
        <source>Open an appointment, or book at an empty time</source>
        <translation>अपॉइंटमेंट खोलें, या खाली समय पर बुक करें</translation>
    </message>
    <message>
        <source> or </source>
        <translation> या </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>कुंजियाँ</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>क्या करती हैं</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Calendar side panel</source>
        <translation>कैलेंडर साइड पैनल</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>तारीख़ पर जाएँ</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>दिखाएँ</translation>
    </message>
    <message>
        <source>Resource filter</source>
        <translation>संसाधन फ़िल्टर</translation>
    </message>
    <message>
        <source>Tick the providers, rooms or calendars the calendar shows.</source>
        <translation>कैलेंडर में दिखाने के लिए डॉक्टर, कमरे या कैलेंडर चुनें।</translation>
    </message>
    <message>
        <source>Week: a column per resource</source>
        <translation>सप्ताह: हर संसाधन का एक कॉलम</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Staff</source>
        <translation>स्टाफ़</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>साइन इन कर सकते हैं</translation>
    </message>
    <message>
        <source>Last signed in</source>
        <translation>पिछला साइन इन</translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation>स्टाफ़ सदस्य</translation>
    </message>
    <message>
        <source>The selected member</source>
        <translation>चुना हुआ सदस्य</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>नया PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>नया PIN दोबारा</translation>
    </message>
    <message>
        <source>again</source>
        <translation>दोबारा</translation>
    </message>
    <message>
        <source>&amp;Reset PIN</source>
        <translation>PIN रीसेट करें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>अक्षम करें (&amp;D)</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>स्टाफ़ सदस्य जोड़ें</translation>
    </message>
    <message>
        <source>New member&apos;s name</source>
        <translation>नए सदस्य का नाम</translation>
    </message>
    <message>
        <source>Staff: books and changes appointments</source>
        <translation>स्टाफ़: अपॉइंटमेंट बुक करते और बदलते हैं</translation>
    </message>
    <message>
        <source>Administrator: also staff, connections, settings, audit trail</source>
        <translation>एडमिनिस्ट्रेटर: साथ में स्टाफ़, कनेक्शन, सेटिंग्स, ऑडिट ट्रेल</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN दोबारा</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>नाम (&amp;N)</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>भूमिका (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;PIN (4 to 12 digits)</source>
        <translation>PIN (4 से 12 अंक) (&amp;P)</translation>
    </message>
    <message>
        <source>PIN a&amp;gain</source>
        <translation>PIN दोबारा (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>जोड़ें (&amp;A)</translation>
    </message>
    <message>
        <source>Staff message</source>
        <translation>स्टाफ़ संदेश</translation>
    </message>
    <message>
        <source>Each change is recorded in the audit trail. A member who typed too many wrong PINs waits; a PIN reset ends the wait.</source>
        <translation>हर बदलाव ऑडिट ट्रेल में दर्ज होता है। बहुत बार गलत PIN डालने वाले सदस्य को इंतज़ार करना होता है; PIN रीसेट करने से इंतज़ार खत्म होता है।</translation>
    </message>
    <message>
        <source>No (disabled)</source>
        <translation>नहीं (अक्षम)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>Waits until {time}</source>
        <translation>{time} तक इंतज़ार</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>एडमिनिस्ट्रेटर</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>सक्षम करें (&amp;E)</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>दोनों PIN अलग हैं; एक ही PIN दो बार लिखें।</translation>
    </message>
    <message>
        <source>{name} added; they sign in with their name and PIN.</source>
        <translation>{name} जोड़े गए; वे अपने नाम और PIN से साइन इन करेंगे।</translation>
    </message>
    <message>
        <source>{name}&apos;s PIN was reset.</source>
        <translation>{name} का PIN रीसेट हुआ।</translation>
    </message>
    <message>
        <source>{name} may no longer sign in.</source>
        <translation>{name} अब साइन इन नहीं कर सकते।</translation>
    </message>
    <message>
        <source>{name} may sign in again.</source>
        <translation>{name} फिर से साइन इन कर सकते हैं।</translation>
    </message>
    <message>
        <source>A PIN is digits only.</source>
        <translation>PIN में केवल अंक होते हैं।</translation>
    </message>
    <message>
        <source>A PIN is {least} to {most} digits.</source>
        <translation>PIN में {least} से {most} अंक होते हैं।</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated is too easy to guess.</source>
        <translation>एक ही अंक को दोहराने वाला PIN आसानी से अनुमान लगाया जा सकता है।</translation>
    </message>
    <message>
        <source>A PIN of digits in a row (1234, 9876) is too easy to guess.</source>
        <translation>क्रम वाले अंकों का PIN (1234, 9876) आसानी से अनुमान लगाया जा सकता है।</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n सेकंड</numerusform>
            <numerusform>%n सेकंड</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n मिनट</numerusform>
            <numerusform>%n मिनट</numerusform>
        </translation>
    </message>
    <message>
        <source>That name and PIN do not match. Check both and try again.</source>
        <translation>यह नाम और PIN मेल नहीं खाते। दोनों जाँचें और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Too many wrong PINs for {name}: try again in {wait}.</source>
        <translation>{name} के लिए बहुत बार गलत PIN: {wait} बाद फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>{name} may no longer sign in here; ask an administrator.</source>
        <translation>{name} अब यहाँ साइन इन नहीं कर सकते; किसी व्यवस्थापक से पूछें।</translation>
    </message>
    <message>
        <source>You cannot disable yourself; another administrator can.</source>
        <translation>आप खुद को निष्क्रिय नहीं कर सकते; कोई दूसरा व्यवस्थापक कर सकता है।</translation>
    </message>
    <message>
        <source>There is no staff member named {name}.</source>
        <translation>{name} नाम का कोई स्टाफ़ सदस्य नहीं है।</translation>
    </message>
    <message>
        <source>Only an administrator can read the audit trail.</source>
        <translation>केवल एडमिनिस्ट्रेटर ऑडिट ट्रेल पढ़ सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can add staff.</source>
        <translation>केवल एडमिनिस्ट्रेटर स्टाफ़ जोड़ सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can reset a PIN.</source>
        <translation>केवल एडमिनिस्ट्रेटर PIN रीसेट कर सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can disable or enable staff.</source>
        <translation>केवल एडमिनिस्ट्रेटर स्टाफ़ को निष्क्रिय या सक्रिय कर सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s columns.</source>
        <translation>केवल एडमिनिस्ट्रेटर क्लिनिक के कॉलम बदल सकता है।</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s settings.</source>
        <translation>केवल एडमिनिस्ट्रेटर क्लिनिक की सेटिंग्स बदल सकता है।</translation>
    </message>
    <message>
        <source>Type the staff member&apos;s name.</source>
        <translation>स्टाफ़ सदस्य का नाम लिखें।</translation>
    </message>
    <message>
        <source>A name is at most {most} characters.</source>
        <translation>नाम में अधिकतम {most} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>A name holds letters, digits, spaces and punctuation only.</source>
        <translation>नाम में केवल अक्षर, अंक, खाली जगह और विराम चिह्न हो सकते हैं।</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>not refreshed yet</source>
        <translation>अभी रीफ़्रेश नहीं हुआ</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>सिंक की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Open the sync panel</source>
        <translation>सिंक पैनल खोलें</translation>
    </message>
    <message>
        <source>Calendar last refreshed</source>
        <translation>कैलेंडर पिछली बार रीफ़्रेश हुआ</translation>
    </message>
    <message>
        <source>Where the API keys are kept</source>
        <translation>API कुंजियाँ कहाँ रखी हैं</translation>
    </message>
    <message>
        <source>Connection {name}</source>
        <translation>कनेक्शन {name}</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>जुड़ रहा है…</translation>
    </message>
    <message>
        <source>sent by a desk with its key</source>
        <translation>कुंजी वाले डेस्क से भेजा जाता है</translation>
    </message>
    <message>
        <source>key locked in the keyring: unlock it, then Sync now</source>
        <translation>कुंजी कीरिंग में लॉक है: अनलॉक करें, फिर अभी सिंक करें</translation>
    </message>
    <message>
        <source>not set up: check it in Connections</source>
        <translation>सेट अप नहीं: कनेक्शन में जाँचें</translation>
    </message>
    <message>
        <source>paused: check the API key</source>
        <translation>रुका हुआ: API कुंजी जाँचें</translation>
    </message>
    <message>
        <source>sent by another desk</source>
        <translation>दूसरे डेस्क से भेजा गया</translation>
    </message>
    <message>
        <source>online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>offline: bookings wait here</source>
        <translation>ऑफ़लाइन: बुकिंग यहाँ प्रतीक्षा में हैं</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n प्रतीक्षा में</numerusform>
            <numerusform>%n प्रतीक्षा में</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outcome unknown</source>
        <translation>
            <numerusform>%n का परिणाम अज्ञात</numerusform>
            <numerusform>%n का परिणाम अज्ञात</numerusform>
        </translation>
    </message>
    <message>
        <source>fresh {when}</source>
        <translation>ताज़ा {when}</translation>
    </message>
    <message>
        <source>All bookings synced</source>
        <translation>सभी बुकिंग सिंक हो गईं</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to sync</source>
        <translation>
            <numerusform>%n सिंक की प्रतीक्षा में</numerusform>
            <numerusform>%n सिंक की प्रतीक्षा में</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outcome unknown: settle in the sync panel</source>
        <translation>
            <numerusform>%n का परिणाम अज्ञात: सिंक पैनल में निपटाएँ</numerusform>
            <numerusform>%n का परिणाम अज्ञात: सिंक पैनल में निपटाएँ</numerusform>
        </translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <source>Calendar not refreshed yet</source>
        <translation>कैलेंडर अभी रीफ़्रेश नहीं हुआ</translation>
    </message>
    <message>
        <source>Calendar refreshed {when}</source>
        <translation>कैलेंडर रीफ़्रेश हुआ {when}</translation>
    </message>
    <message>
        <source>API keys kept in a file</source>
        <translation>API कुंजियाँ एक फ़ाइल में रखी हैं</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The key of this desk&apos;s encrypted cache is kept in the system keyring, which could not be read: {reason}. Unlock the keyring (sign in to the desktop session), then start FrontDesk again. Nothing was changed.</source>
        <translation>इस डेस्क के एन्क्रिप्ट किए गए कैश की कुंजी सिस्टम कीरिंग में रखी है, जिसे पढ़ा नहीं जा सका: {reason}। कीरिंग अनलॉक करें (डेस्कटॉप सत्र में साइन इन करें), फिर FrontDesk दोबारा शुरू करें। कुछ भी नहीं बदला गया।</translation>
    </message>
    <message>
        <source>cache key: this desk&apos;s cache is encrypted with a key kept in the system keyring, which did not take it: {reason}. Unlock the keyring (sign in to the desktop session) and start again, or agree to keep the key in {file}, readable only by this user account. Nothing was changed.</source>
        <translation>कैश कुंजी: इस डेस्क का कैश सिस्टम कीरिंग में रखी कुंजी से एन्क्रिप्ट होता है, पर कीरिंग ने कुंजी नहीं ली: {reason}। कीरिंग अनलॉक करें (डेस्कटॉप सत्र में साइन इन करें) और दोबारा शुरू करें, या कुंजी को {file} में रखने की सहमति दें, जिसे केवल यह उपयोगकर्ता खाता पढ़ सकता है। कुछ भी नहीं बदला गया।</translation>
    </message>
    <message>
        <source>it is locked</source>
        <translation>यह लॉक है</translation>
    </message>
    <message>
        <source>it failed: {what}</source>
        <translation>यह विफल रहा: {what}</translation>
    </message>
    <message>
        <source>credentials file: {file} cannot be read ({why}). Do not delete it: it may also hold the key of this desk&apos;s encrypted cache. Put back a backup of it if there is one; otherwise move it to another folder and keep it there, then give the API keys again (&apos;frontdesk connections edit NAME --api-key-stdin&apos;). If the cache&apos;s key was in it, FrontDesk then says the cache cannot be opened, and what to do.</source>
        <translation>क्रेडेंशियल फ़ाइल: {file} पढ़ी नहीं जा सकती ({why})। इसे मिटाएँ नहीं: इसमें इस डेस्क के एन्क्रिप्टेड कैश की कुंजी भी हो सकती है। अगर इसका बैकअप है तो उसे वापस रखें; नहीं तो इसे किसी दूसरे फ़ोल्डर में ले जाकर वहीं रखें, फिर API कुंजियाँ दोबारा दें (&apos;frontdesk connections edit NAME --api-key-stdin&apos;)। अगर कैश की कुंजी इसमें थी, तो FrontDesk फिर बताएगा कि कैश खोला नहीं जा सकता, और क्या करना है।</translation>
    </message>
    <message>
        <source>it is not the JSON FrontDesk writes</source>
        <translation>यह वह JSON नहीं है जो FrontDesk लिखता है</translation>
    </message>
    <message>
        <source>database URL: write postgresql://USER@HOST:5432/DATABASE for a clinic&apos;s shared store, or sqlite:///PATH for a cache file</source>
        <translation>डेटाबेस URL: क्लिनिक के साझा स्टोर के लिए postgresql://USER@HOST:5432/DATABASE लिखें, या कैश फ़ाइल के लिए sqlite:///PATH</translation>
    </message>
    <message>
        <source>database URL: name the server and the database, e.g. postgresql://frontdesk@clinic-server:5432/frontdesk</source>
        <translation>डेटाबेस URL: सर्वर और डेटाबेस का नाम दें, जैसे postgresql://frontdesk@clinic-server:5432/frontdesk</translation>
    </message>
    <message>
        <source>database URL: sslmode={mode} would let patient data cross the network unchecked; leave sslmode out (FrontDesk then uses verify-full: TLS, the server&apos;s certificate checked against the system&apos;s or PGSSLROOTCERT&apos;s authorities) or write sslmode=verify-ca</source>
        <translation>डेटाबेस URL: sslmode={mode} से मरीज़ों का डेटा बिना जाँच के नेटवर्क पर जाएगा; sslmode हटा दें (तब FrontDesk verify-full इस्तेमाल करता है: TLS, सर्वर का प्रमाणपत्र सिस्टम या PGSSLROOTCERT के प्राधिकरणों से जाँचा जाता है) या sslmode=verify-ca लिखें</translation>
    </message>
    <message>
        <source>database URL: leave the password out of it; put it in the PostgreSQL password file (pgpass) of this computer&apos;s user, or in PGPASSWORD</source>
        <translation>डेटाबेस URL: इसमें पासवर्ड न लिखें; उसे इस कंप्यूटर के उपयोगकर्ता की PostgreSQL पासवर्ड फ़ाइल (pgpass) में या PGPASSWORD में रखें</translation>
    </message>
    <message>
        <source>This desk&apos;s cache ({path}) is encrypted with a key this computer&apos;s user account does not hold: it was made on another computer or by another user, or its key was removed from the system keyring. Nothing was changed. Open FrontDesk as the user who made it, or move the file aside to start with an empty cache (the bookings come back from the booking systems at the next sync; changes not yet sent stay in the moved file).</source>
        <translation>इस डेस्क का कैश ({path}) ऐसी कुंजी से एन्क्रिप्ट है जो इस कंप्यूटर के उपयोगकर्ता खाते के पास नहीं है: यह किसी दूसरे कंप्यूटर पर या किसी दूसरे उपयोगकर्ता ने बनाया था, या इसकी कुंजी सिस्टम कीरिंग से हटा दी गई। कुछ भी नहीं बदला गया। FrontDesk को उसी उपयोगकर्ता के रूप में खोलें जिसने इसे बनाया, या खाली कैश से शुरू करने के लिए फ़ाइल को कहीं और हटा दें (बुकिंग अगले सिंक पर बुकिंग सिस्टम से वापस आ जाएँगी; जो बदलाव अभी नहीं भेजे गए, वे हटाई गई फ़ाइल में रहेंगे)।</translation>
    </message>
    <message>
        <source>This cache{where} was last opened by a newer version of FrontDesk (schema {found}; this version knows up to {known}). Install the newer version on this computer; nothing was changed.</source>
        <translation>यह कैश{where} पिछली बार FrontDesk के नए संस्करण से खोला गया था (स्कीमा {found}; यह संस्करण {known} तक जानता है)। इस कंप्यूटर पर नया संस्करण इंस्टॉल करें; कुछ भी नहीं बदला गया।</translation>
    </message>
    <message>
        <source>The clinic&apos;s shared database {database} on {host}:{port} (user {user}) could not be opened: {reason}. Check that the clinic&apos;s server is on and reachable from this computer, and the database&apos;s name, user and password (kept in this computer&apos;s PostgreSQL password file).</source>
        <translation>क्लिनिक का साझा डेटाबेस {database}, {host}:{port} पर (उपयोगकर्ता {user}), खोला नहीं जा सका: {reason}। जाँचें कि क्लिनिक का सर्वर चालू है और इस कंप्यूटर से पहुँच में है, और डेटाबेस का नाम, उपयोगकर्ता और पासवर्ड (इस कंप्यूटर की PostgreSQL पासवर्ड फ़ाइल में रखा) सही हैं।</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>new booking</source>
        <translation>नई बुकिंग</translation>
    </message>
    <message>
        <source>move</source>
        <translation>समय बदलना</translation>
    </message>
    <message>
        <source>cancellation</source>
        <translation>रद्द करना</translation>
    </message>
    <message>
        <source>status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>patient&apos;s record</source>
        <translation>मरीज़ का रिकॉर्ड</translation>
    </message>
    <message>
        <source>Patient&apos;s record</source>
        <translation>मरीज़ का रिकॉर्ड</translation>
    </message>
    <message>
        <source>{record} for {when} {service}</source>
        <translation>{when} {service} के लिए {record}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <source>Provider or room</source>
        <translation>डॉक्टर या कमरा</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>सेवा</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>मरीज़ का नाम</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>ध्यान दें</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>इसे क्यों अस्वीकार किया गया</translation>
    </message>
    <message>
        <source>Nearest free times (double-click or Enter to rebook):</source>
        <translation>सबसे नज़दीकी खाली समय (फिर से बुक करने के लिए डबल-क्लिक या Enter):</translation>
    </message>
    <message>
        <source>Nearest free times</source>
        <translation>सबसे नज़दीकी खाली समय</translation>
    </message>
    <message>
        <source>&amp;Rebook at this time</source>
        <translation>इस समय फिर से बुक करें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>बुकिंग रद्द करें (&amp;C)</translation>
    </message>
    <message>
        <source>Note, e.g. called the patient, left a message</source>
        <translation>नोट, जैसे मरीज़ को फ़ोन किया, संदेश छोड़ा</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>नोट सहेजें (&amp;N)</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>नोट सहेजें</translation>
    </message>
    <message>
        <source>Changed in two places</source>
        <translation>दो जगह बदला गया</translation>
    </message>
    <message>
        <source>The desk&apos;s and the booking system&apos;s versions</source>
        <translation>डेस्क का और बुकिंग सिस्टम का संस्करण</translation>
    </message>
    <message>
        <source>&amp;Keep the desk&apos;s version</source>
        <translation>डेस्क का संस्करण रखें (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take the booking system&apos;s version</source>
        <translation>बुकिंग सिस्टम का संस्करण लें (&amp;T)</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>किसी पर ध्यान देने की ज़रूरत नहीं।</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>यह डेस्क</translation>
    </message>
    <message>
        <source>Booking system</source>
        <translation>बुकिंग सिस्टम</translation>
    </message>
    <message>
        <source>The desk could not save this; try again.</source>
        <translation>डेस्क इसे सहेज नहीं सका; फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>नोट सहेजा गया।</translation>
    </message>
    <message>
        <source>Held: changed here and in the booking system; settle it under Needs attention</source>
        <translation>रोका गया: यहाँ और बुकिंग सिस्टम दोनों में बदला गया; &apos;ध्यान दें&apos; में निपटाएँ</translation>
    </message>
    <message>
        <source>Sync panel</source>
        <translation>सिंक पैनल</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>भेजे जाने की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>बदलाव</translation>
    </message>
    <message>
        <source>System</source>
        <translation>सिस्टम</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>प्रयास</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>पिछली समस्या</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>प्रतीक्षा में</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>परिणाम अज्ञात</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>अस्वीकार किए गए बदलाव</translation>
    </message>
    <message>
        <source>Refusal</source>
        <translation>अस्वीकृति</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>फिर से भेजें (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>हटाएँ (&amp;D)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>विफल</translation>
    </message>
    <message>
        <source>Why the outcome is unknown</source>
        <translation>परिणाम अज्ञात क्यों है</translation>
    </message>
    <message>
        <source>Its id there, if you found it (optional):</source>
        <translation>वहाँ इसकी आईडी, अगर आपको मिली हो (वैकल्पिक):</translation>
    </message>
    <message>
        <source>Remote id</source>
        <translation>रिमोट आईडी</translation>
    </message>
    <message>
        <source>else the next refresh links it</source>
        <translation>वरना अगला रीफ़्रेश इसे जोड़ देगा</translation>
    </message>
    <message>
        <source>&amp;It arrived</source>
        <translation>यह पहुँच गया (&amp;I)</translation>
    </message>
    <message>
        <source>The booking system holds it: close this, nothing is sent</source>
        <translation>बुकिंग सिस्टम में यह है: इसे बंद करें, कुछ नहीं भेजा जाएगा</translation>
    </message>
    <message>
        <source>Did no&amp;t arrive: send again</source>
        <translation>नहीं पहुँचा: फिर से भेजें (&amp;T)</translation>
    </message>
    <message>
        <source>The booking system does not hold it: send it again</source>
        <translation>बुकिंग सिस्टम में यह नहीं है: फिर से भेजें</translation>
    </message>
    <message>
        <source>Cancel t&amp;he booking</source>
        <translation>बुकिंग रद्द करें (&amp;H)</translation>
    </message>
    <message>
        <source>Cancel it at this desk and send nothing more (if the booking system holds it, cancel it there too)</source>
        <translation>इसे इस डेस्क पर रद्द करें और आगे कुछ न भेजें (अगर बुकिंग सिस्टम में यह है, तो वहाँ भी रद्द करें)</translation>
    </message>
    <message>
        <source>Every change sent has had its answer.</source>
        <translation>भेजे गए हर बदलाव का जवाब आ गया है।</translation>
    </message>
    <message>
        <source>Nothing is sent again until you decide.</source>
        <translation>जब तक आप तय नहीं करते, कुछ भी फिर से नहीं भेजा जाएगा।</translation>
    </message>
    <message>
        <source>Already settled (a refresh found it).</source>
        <translation>पहले ही निपटा दिया गया (रीफ़्रेश में मिला)।</translation>
    </message>
</context>
<context>
    <name>SyncProcess</name>
    <message>
        <source>Sync stopped unexpectedly{why}; starting it again in {seconds} s. Bookings wait safely on this desk.</source>
        <translation>सिंक अचानक रुक गया{why}; {seconds} सेकंड में फिर से शुरू हो रहा है। बुकिंग इस डेस्क पर सुरक्षित रूप से इंतज़ार कर रही हैं।</translation>
    </message>
    <message>
        <source>Sync is running again.</source>
        <translation>सिंक फिर से चल रहा है।</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Services and opening hours could not be refreshed since {when}; the desk uses those it has.</source>
        <translation>सेवाएँ और खुलने के समय {when} से ताज़ा नहीं हो सके; डेस्क उन्हीं का उपयोग करता है जो उसके पास हैं।</translation>
    </message>
    <message>
        <source>Openings of {days} could not be refreshed since {when}; the desk shows them as last refreshed.</source>
        <translation>{days} के खाली समय {when} से ताज़ा नहीं हो सके; डेस्क उन्हें पिछली बार ताज़ा किए गए रूप में दिखाता है।</translation>
    </message>
    <message>
        <source>Bookings made elsewhere (online, by phone, other desks) could not be refreshed since {when}.</source>
        <translation>कहीं और की गई बुकिंग (ऑनलाइन, फ़ोन पर, दूसरे डेस्क पर) {when} से ताज़ा नहीं हो सकीं।</translation>
    </message>
    <message>
        <source>They are read again at the next sync.</source>
        <translation>अगले सिंक पर इन्हें फिर से पढ़ा जाएगा।</translation>
    </message>
    <message>
        <source>services and hours not refreshed</source>
        <translation>सेवाएँ और समय ताज़ा नहीं हुए</translation>
    </message>
    <message>
        <source>bookings not refreshed</source>
        <translation>बुकिंग ताज़ा नहीं हुईं</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>और %n</numerusform>
            <numerusform>और %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>openings of %n day(s) not refreshed</source>
        <translation>
            <numerusform>%n दिन के खाली समय ताज़ा नहीं हुए</numerusform>
            <numerusform>%n दिनों के खाली समय ताज़ा नहीं हुए</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <source>An appointment cannot move to another booking system; book it there and cancel this one.</source>
        <translation>अपॉइंटमेंट किसी दूसरे बुकिंग सिस्टम में नहीं जा सकता; वहाँ बुक करें और इसे रद्द करें।</translation>
    </message>
    <message>
        <source>No working hours shown: {why}.</source>
        <translation>काम के घंटे नहीं दिखाए गए: {why}।</translation>
    </message>
    <message>
        <source>Working hours shown from the booking systems that document them ({why}).</source>
        <translation>काम के घंटे उन बुकिंग प्रणालियों से दिखाए गए हैं जो उन्हें बताती हैं ({why})।</translation>
    </message>
    <message>
        <source>Week calendar</source>
        <translation>सप्ताह का कैलेंडर</translation>
    </message>
    <message>
        <source>Appointments of the shown week. Double-click an appointment to open it, or an empty time to book there. Drag an appointment to move it.</source>
        <translation>दिखाए गए सप्ताह के अपॉइंटमेंट। किसी अपॉइंटमेंट को खोलने के लिए उस पर डबल-क्लिक करें, या वहाँ बुक करने के लिए खाली समय पर। समय बदलने के लिए अपॉइंटमेंट को खींचें।</translation>
    </message>
    <message>
        <source>Day calendar</source>
        <translation>दिन का कैलेंडर</translation>
    </message>
    <message>
        <source>Appointments of the shown day, one column per provider or room. Double-click an appointment to open it, or an empty time to book there.</source>
        <translation>दिखाए गए दिन के अपॉइंटमेंट, हर प्रदाता या कमरे का एक कॉलम। किसी अपॉइंटमेंट को खोलने के लिए उस पर डबल-क्लिक करें, या वहाँ बुक करने के लिए खाली समय पर।</translation>
    </message>
</context>
<context>
    <name>Verdicts</name>
    <message>
        <source>The desk could not check this booking; it will be checked on save.</source>
        <translation>डेस्क यह बुकिंग जाँच नहीं सका; सहेजते समय इसकी जाँच होगी।</translation>
    </message>
    <message>
        <source>This time does not exist on this day (clocks change)</source>
        <translation>इस दिन यह समय मौजूद नहीं है (घड़ियाँ बदलती हैं)</translation>
    </message>
    <message>
        <source>The clocks go back this night, so {time} happens twice; the first one ({zone}) is used.</source>
        <translation>इस रात घड़ियाँ पीछे होती हैं, इसलिए {time} दो बार आता है; पहला ({zone}) इस्तेमाल होता है।</translation>
    </message>
    <message>
        <source>The clinic does not take bookings at this time. Pick a time inside the opening hours.</source>
        <translation>क्लिनिक इस समय बुकिंग नहीं लेता। खुलने के समय के भीतर कोई समय चुनें।</translation>
    </message>
    <message>
        <source>This session is closed on this day. Pick another day or session.</source>
        <translation>यह सत्र इस दिन बंद है। कोई दूसरा दिन या सत्र चुनें।</translation>
    </message>
    <message>
        <source>This session is fully booked. Pick another time or branch.</source>
        <translation>यह सत्र पूरी तरह बुक है। कोई दूसरा समय या शाखा चुनें।</translation>
    </message>
    <message>
        <source>This time has already passed. Pick a time in the future.</source>
        <translation>यह समय बीत चुका है। आगे का कोई समय चुनें।</translation>
    </message>
    <message>
        <source>This service can no longer be booked. Choose another service.</source>
        <translation>यह सेवा अब बुक नहीं की जा सकती। कोई दूसरी सेवा चुनें।</translation>
    </message>
    <message>
        <source>This patient already has this service booked on this day.</source>
        <translation>इस मरीज़ की इस दिन यह सेवा पहले से बुक है।</translation>
    </message>
    <message>
        <source>Choose which booking system to book in.</source>
        <translation>चुनें कि किस बुकिंग सिस्टम में बुक करना है।</translation>
    </message>
    <message>
        <source>This clinic does not allow cancelling through the booking system. Call the clinic&apos;s office to cancel.</source>
        <translation>यह क्लिनिक बुकिंग सिस्टम से रद्द करने की अनुमति नहीं देता। रद्द करने के लिए क्लिनिक के ऑफ़िस को फ़ोन करें।</translation>
    </message>
    <message>
        <source>It is too late to cancel this appointment in the booking system.</source>
        <translation>बुकिंग सिस्टम में यह अपॉइंटमेंट रद्द करने के लिए बहुत देर हो चुकी है।</translation>
    </message>
    <message>
        <source>Choose a valid date and time.</source>
        <translation>सही तारीख़ और समय चुनें।</translation>
    </message>
    <message>
        <source>Pick a time inside a morning, afternoon or evening session.</source>
        <translation>सुबह, दोपहर या शाम के सत्र के भीतर कोई समय चुनें।</translation>
    </message>
    <message>
        <source>Choose a branch.</source>
        <translation>शाखा चुनें।</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>सेवा चुनें।</translation>
    </message>
    <message>
        <source>Type the patient&apos;s name.</source>
        <translation>मरीज़ का नाम लिखें।</translation>
    </message>
    <message>
        <source>Type the patient&apos;s phone number.</source>
        <translation>मरीज़ का फ़ोन नंबर लिखें।</translation>
    </message>
    <message>
        <source>Check the details and try again.</source>
        <translation>विवरण जाँचें और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The booking system refused this booking.</source>
        <translation>बुकिंग सिस्टम ने यह बुकिंग अस्वीकार कर दी।</translation>
    </message>
    <message>
        <source>{code} · this desk&apos;s own rule</source>
        <translation>{code} · इस डेस्क का अपना नियम</translation>
    </message>
    <message>
        <source>Vastal may refuse it, or accept it as a manual booking.</source>
        <translation>Vastal इसे अस्वीकार कर सकता है, या मैनुअल बुकिंग के रूप में स्वीकार कर सकता है।</translation>
    </message>
    <message>
        <source>{wire} is not text; Vastal may refuse the booking.</source>
        <translation>{wire} टेक्स्ट नहीं है; Vastal बुकिंग अस्वीकार कर सकता है।</translation>
    </message>
    <message>
        <source>start_time is not an ISO 8601 date-time with a zone (such as 2027-01-21T14:00:00Z); Vastal may refuse it or read it differently.</source>
        <translation>start_time ज़ोन के साथ ISO 8601 तारीख़-समय नहीं है (जैसे 2027-01-21T14:00:00Z); Vastal इसे अस्वीकार कर सकता है या अलग ढंग से पढ़ सकता है।</translation>
    </message>
    <message>
        <source>This appointment type is not in the list Vastal last gave (refresh the catalog); Vastal may refuse the booking.</source>
        <translation>यह अपॉइंटमेंट प्रकार Vastal की पिछली सूची में नहीं है (कैटलॉग रीफ़्रेश करें); Vastal बुकिंग अस्वीकार कर सकता है।</translation>
    </message>
    <message>
        <source>This appointment type is switched off in Vastal.</source>
        <translation>यह अपॉइंटमेंट प्रकार Vastal में बंद है।</translation>
    </message>
    <message>
        <source>This time has already passed.</source>
        <translation>यह समय बीत चुका है।</translation>
    </message>
    <message>
        <source>This type asks for {n} hours&apos; notice.</source>
        <translation>इस प्रकार के लिए {n} घंटे पहले सूचना चाहिए।</translation>
    </message>
    <message>
        <source>This type is booked at most {n} days ahead.</source>
        <translation>यह प्रकार अधिकतम {n} दिन पहले बुक होता है।</translation>
    </message>
    <message>
        <source>This time is outside the weekly availability for this type.</source>
        <translation>यह समय इस प्रकार की साप्ताहिक उपलब्धता से बाहर है।</translation>
    </message>
    <message>
        <source>This type&apos;s daily limit ({n}) is reached.</source>
        <translation>इस प्रकार की दैनिक सीमा ({n}) पूरी हो गई है।</translation>
    </message>
    <message>
        <source>This type&apos;s weekly limit ({n}) is reached.</source>
        <translation>इस प्रकार की साप्ताहिक सीमा ({n}) पूरी हो गई है।</translation>
    </message>
    <message>
        <source>This type&apos;s monthly limit ({n}) is reached.</source>
        <translation>इस प्रकार की मासिक सीमा ({n}) पूरी हो गई है।</translation>
    </message>
    <message>
        <source>This time overlaps another appointment (with the buffers).</source>
        <translation>यह समय किसी दूसरे अपॉइंटमेंट से टकराता है (बफ़र समय सहित)।</translation>
    </message>
    <message>
        <source>This type follows Vastal&apos;s named schedule {name}, whose hours no Vastal endpoint shows; Vastal checks the time when the booking is sent.</source>
        <translation>यह प्रकार Vastal के नामित शेड्यूल {name} का पालन करता है, जिसके घंटे कोई Vastal एंडपॉइंट नहीं दिखाता; बुकिंग भेजे जाने पर Vastal समय जाँचता है।</translation>
    </message>
    <message>
        <source>This event type is not among those CareValidate lists for the connection&apos;s states; it may refuse it. CareValidate checks the slot when the booking is sent.</source>
        <translation>यह इवेंट प्रकार उन प्रकारों में नहीं है जिन्हें CareValidate कनेक्शन के राज्यों के लिए दिखाता है; वह इसे अस्वीकार कर सकता है। बुकिंग भेजे जाने पर CareValidate स्लॉट जाँचता है।</translation>
    </message>
    <message>
        <source>The start has passed; CareValidate will likely refuse it. CareValidate checks the slot when the booking is sent.</source>
        <translation>शुरुआत का समय बीत चुका है; CareValidate शायद इसे अस्वीकार करेगा। बुकिंग भेजे जाने पर CareValidate स्लॉट जाँचता है।</translation>
    </message>
    <message>
        <source>The provider already has a booking at this time in the desk&apos;s cache; CareValidate checks the slot when the booking is sent and refuses a time that is taken.</source>
        <translation>डेस्क के कैश में इस समय डॉक्टर की पहले से एक बुकिंग है; बुकिंग भेजे जाने पर CareValidate स्लॉट जाँचता है और भरा हुआ समय अस्वीकार करता है।</translation>
    </message>
    <message>
        <source>meetergo may keep this booking provisional until the patient or the host confirms it: the meeting type&apos;s double opt-in or host confirmation is {value}, whose meaning the API does not document</source>
        <translation>meetergo इस बुकिंग को तब तक अस्थायी रख सकता है जब तक मरीज़ या होस्ट इसकी पुष्टि न करे: मीटिंग प्रकार का डबल ऑप्ट-इन या होस्ट पुष्टि {value} है, जिसका अर्थ API में दर्ज नहीं है</translation>
    </message>
    <message>
        <source>Another booking on this calendar overlaps this time. VantaX publishes no opening hours or overlap rule, so it may judge this differently; checked against the desk&apos;s cached bookings only.</source>
        <translation>इस कैलेंडर पर कोई दूसरी बुकिंग इस समय से टकराती है। VantaX खुलने का समय या टकराव का नियम प्रकाशित नहीं करता, इसलिए वह इसे अलग तरह से आँक सकता है; केवल डेस्क की सहेजी गई बुकिंग से जाँचा गया।</translation>
    </message>
    <message>
        <source>This booking was just changed by the booking system or another desk. Look at it again, then retry.</source>
        <translation>यह बुकिंग अभी बुकिंग सिस्टम या किसी दूसरे डेस्क ने बदली है। इसे फिर से देखें, फिर दोबारा कोशिश करें।</translation>
    </message>
    <message>
        <source>Nobody knows yet whether the booking system received this booking. Settle it in the sync panel first (it arrived, send it again, or cancel it).</source>
        <translation>अभी कोई नहीं जानता कि बुकिंग सिस्टम को यह बुकिंग मिली या नहीं। पहले सिंक पैनल में इसे सुलझाएँ (पहुँच गई, फिर से भेजें, या रद्द करें)।</translation>
    </message>
    <message>
        <source>Cancellation is not allowed for this organization</source>
        <translation>इस संगठन में रद्द करने की अनुमति नहीं है</translation>
    </message>
    <message>
        <source>Appointments must be cancelled at least {hours} hours before they start</source>
        <translation>अपॉइंटमेंट शुरू होने से कम से कम {hours} घंटे पहले रद्द करनी होती है</translation>
    </message>
    <message>
        <source>Type the patient&apos;s email address.</source>
        <translation>मरीज़ का ईमेल पता लिखें।</translation>
    </message>
    <message>
        <source>Choose where the patient is seen.</source>
        <translation>चुनें कि मरीज़ को कहाँ देखा जाएगा।</translation>
    </message>
    <message>
        <source>Choose a date and time.</source>
        <translation>तारीख और समय चुनें।</translation>
    </message>
    <message>
        <source>This is not an email address (name@example.org).</source>
        <translation>यह ईमेल पता नहीं है (name@example.org)।</translation>
    </message>
    <message>
        <source>A patient can only arrive on the day of the appointment; this one is on {day}.</source>
        <translation>मरीज़ केवल अपॉइंटमेंट के दिन ही आ सकते हैं; यह {day} को है।</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} today, so it cannot be completed before then.</source>
        <translation>अभी नहीं: अपॉइंटमेंट आज {time} बजे शुरू होती है, इसलिए उससे पहले पूरी नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} {day}, so it cannot be completed before then.</source>
        <translation>अभी नहीं: अपॉइंटमेंट {day} को {time} बजे शुरू होती है, इसलिए उससे पहले पूरी नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} today, so it cannot be a no-show before then.</source>
        <translation>अभी नहीं: अपॉइंटमेंट आज {time} बजे शुरू होती है, इसलिए उससे पहले &apos;नहीं आए&apos; नहीं हो सकता।</translation>
    </message>
    <message>
        <source>Not yet: the appointment starts at {time} {day}, so it cannot be a no-show before then.</source>
        <translation>अभी नहीं: अपॉइंटमेंट {day} को {time} बजे शुरू होती है, इसलिए उससे पहले &apos;नहीं आए&apos; नहीं हो सकता।</translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation>कोई कनेक्शन चुनें।</translation>
    </message>
    <message>
        <source>The desk has no cached opening hours for this day; the booking system will check them at sync.</source>
        <translation>डेस्क के पास इस दिन के खुलने के समय कैश में नहीं हैं; बुकिंग सिस्टम सिंक के समय इन्हें जाँचेगा।</translation>
    </message>
    <message>
        <source>This connection&apos;s calendar has not been refreshed for over an hour; another channel may have taken the slot.</source>
        <translation>इस कनेक्शन का कैलेंडर एक घंटे से ज़्यादा समय से ताज़ा नहीं हुआ; हो सकता है किसी दूसरे माध्यम ने यह समय ले लिया हो।</translation>
    </message>
    <message>
        <source>This booking is no longer here.</source>
        <translation>यह बुकिंग अब यहाँ नहीं है।</translation>
    </message>
    <message>
        <source>This booking system is not connected.</source>
        <translation>यह बुकिंग सिस्टम जुड़ा नहीं है।</translation>
    </message>
    <message>
        <source>This booking is already cancelled.</source>
        <translation>यह बुकिंग पहले ही रद्द हो चुकी है।</translation>
    </message>
    <message>
        <source>This booking is cancelled; book the patient again.</source>
        <translation>यह बुकिंग रद्द है; मरीज़ को फिर से बुक करें।</translation>
    </message>
    <message>
        <source>The booking system refused this booking; rebook it first.</source>
        <translation>बुकिंग सिस्टम ने यह बुकिंग अस्वीकार की; पहले इसे फिर से बुक करें।</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Day</source>
        <translation>दिन</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>सप्ताह</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>महीना</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>कार्यसूची</translation>
    </message>
</context>
<context>
    <name>WaitingRoom</name>
    <message numerus="yes">
        <source>%n patient(s) waiting</source>
        <translation>
            <numerusform>%n मरीज़ प्रतीक्षा में</numerusform>
            <numerusform>%n मरीज़ प्रतीक्षा में</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Booked for</source>
        <translation>किस समय बुक</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>आ गए</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>प्रतीक्षा की</translation>
    </message>
    <message>
        <source>Waiting room</source>
        <translation>प्रतीक्षा कक्ष</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>प्रतीक्षा में</translation>
    </message>
    <message>
        <source>Patients waiting</source>
        <translation>प्रतीक्षारत मरीज़</translation>
    </message>
    <message>
        <source>In the &amp;chair</source>
        <translation>कुर्सी पर (&amp;C)</translation>
    </message>
    <message>
        <source>The patient went in (kept at the desk only; Enter)</source>
        <translation>मरीज़ अंदर चले गए (केवल डेस्क पर दर्ज; Enter)</translation>
    </message>
    <message>
        <source>S&amp;een</source>
        <translation>देख लिया (&amp;E)</translation>
    </message>
    <message>
        <source>Mark the appointment completed</source>
        <translation>अपॉइंटमेंट को पूरा हुआ चिह्नित करें</translation>
    </message>
    <message>
        <source>Nobody waiting.</source>
        <translation>कोई प्रतीक्षा में नहीं।</translation>
    </message>
    <message>
        <source>Not kept: the desk could not save this.</source>
        <translation>दर्ज नहीं हुआ: डेस्क इसे सहेज नहीं सका।</translation>
    </message>
    <message>
        <source>&amp;Waiting room</source>
        <translation>प्रतीक्षा कक्ष (&amp;W)</translation>
    </message>
    <message>
        <source>Who arrived, when, and how long they have waited</source>
        <translation>कौन कब आया, और कितनी देर से प्रतीक्षा कर रहा है</translation>
    </message>
</context>
</TS>

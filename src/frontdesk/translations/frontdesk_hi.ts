<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi">
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
            <source>The clinic's time zone, phone region and paper</source>
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
            <source>Save a provider's week (no patient names) as a calendar file or CSV</source>
            <translation>किसी डॉक्टर का सप्ताह (मरीज़ों के नाम के बिना) कैलेंडर फ़ाइल या CSV के रूप में सहेजें</translation>
        </message>
        <message>
            <source>Export patient's &amp;appointments…</source>
            <translation>मरीज़ की &amp;अपॉइंटमेंट निर्यात करें…</translation>
        </message>
        <message>
            <source>Save one patient's appointments as a calendar file or CSV</source>
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
        <name>Settings</name>
        <message>
            <source>Clinic settings</source>
            <translation>क्लिनिक सेटिंग्स</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>समय क्षेत्र</translation>
        </message>
        <message>
            <source>This computer's ({zone})</source>
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
            <source>The time zone's country</source>
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
            <source>This computer's ({language})</source>
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
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <source>Inside {room} now ({session}): %n people</source>
        <translation>
            <numerusform>Inside {room} now ({session}): %n person</numerusform>
            <numerusform>Inside {room} now ({session}): %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
</TS>

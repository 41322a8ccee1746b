<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>LookupView</name>
    <message numerus="yes">
        <source>%n people found: choose one and press Enter.</source>
        <translation>
            <numerusform>%n person found: choose them and press Enter.</numerusform>
            <numerusform>%n people found: choose one and press Enter.</numerusform>
        </translation>
    </message>
</context>
</TS>

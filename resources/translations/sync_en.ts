<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>DevicesModel</name>
    <message numerus="yes">
        <source>revoked, refused %n time(s) since</source>
        <translation>
            <numerusform>revoked, refused %n time since</numerusform>
            <numerusform>revoked, refused %n times since</numerusform>
        </translation>
    </message>
</context>
</TS>

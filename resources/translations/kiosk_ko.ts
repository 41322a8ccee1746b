<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/gui/main_window.py" line="75"/>
        <source>Check-in kiosk — {event}</source>
        <translation>체크인 키오스크 — {event}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/main_window.py" line="76"/>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/main_window.py" line="79"/>
        <source>Change language</source>
        <translation>언어 변경</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/main_window.py" line="80"/>
        <source>Sessions of the event</source>
        <translation>행사 세션 목록</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="51"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="52"/>
        <source>Session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="53"/>
        <source>Room</source>
        <translation>회의실</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="54"/>
        <source>Access</source>
        <translation>입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="55"/>
        <source>Capacity</source>
        <translation>정원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="74"/>
        <source>Invited guests and staff</source>
        <translation>초청자 및 스태프</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="75"/>
        <source>Open</source>
        <translation>누구나</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sessions_model.py" line="77"/>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
</context>
</TS>

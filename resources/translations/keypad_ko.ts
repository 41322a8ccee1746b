<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="184" />
        <source>Typing into: {field}</source>
        <translation>입력할 칸: {field}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="342" />
        <source>hyphen</source>
        <translation>하이픈</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="343" />
        <source>underscore</source>
        <translation>밑줄</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="344" />
        <source>at sign</source>
        <translation>골뱅이</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="345" />
        <source>dot</source>
        <translation>점</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="349" />
        <source>On-screen keyboard</source>
        <translation>화면 키보드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="352" />
        <source>Delete</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="352" />
        <source>Clear</source>
        <translation>비우기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="352" />
        <source>Space</source>
        <translation>띄어쓰기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="360" />
        <source>Types {key}</source>
        <translation>{key} 입력</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="363" />
        <source>Deletes the last letter typed</source>
        <translation>마지막으로 입력한 글자를 지웁니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="366" />
        <source>Empties the field you are typing in</source>
        <translation>입력 중인 칸을 비웁니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="369" />
        <source>Types a space</source>
        <translation>빈칸을 입력합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="374" />
        <source>한/A: Hangul keys</source>
        <translation>한/A: 한글 자판</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="376" />
        <source>한/A: Latin letters and digits</source>
        <translation>한/A: 영문과 숫자 자판</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/onscreen_keyboard.py" line="377" />
        <source>Switches the keys between Hangul and Latin letters</source>
        <translation>자판을 한글과 영문 사이에서 바꿉니다</translation>
    </message>
</context>
</TS>
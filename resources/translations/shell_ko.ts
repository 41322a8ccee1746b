<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../kiosk/gui/shell/camera_panel.py" line="53" />
        <source>No camera found. Use the badge scanner instead.</source>
        <translation>카메라를 찾을 수 없습니다. 명찰 스캐너를 사용해 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/camera_panel.py" line="70" />
        <source>Stop camera</source>
        <translation>카메라 끄기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/camera_panel.py" line="70" />
        <source>Start camera</source>
        <translation>카메라 켜기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/camera_panel.py" line="72" />
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/camera_panel.py" line="73" />
        <source>Camera status</source>
        <translation>카메라 상태</translation>
    </message>
</context>
<context>
    <name>ModeDialog</name>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="49" />
        <source>Mode of this device</source>
        <translation>이 기기의 모드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="50" />
        <source>Door: scan badges at a session room</source>
        <translation>출입구: 세션 회의실에서 명찰 스캔</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="51" />
        <source>Kiosk: attendees check themselves in</source>
        <translation>키오스크: 참가자 셀프 체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="52" />
        <source>Organiser: roster, programme and reports</source>
        <translation>주최 측: 명단, 프로그램, 보고서</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../kiosk/gui/shell/pin_dialog.py" line="49" />
        <location filename="../../kiosk/gui/shell/pin_dialog.py" line="51" />
        <source>Organiser PIN</source>
        <translation>주최 측 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_dialog.py" line="50" />
        <source>Enter the organiser PIN</source>
        <translation>주최 측 PIN을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_dialog.py" line="52" />
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_dialog.py" line="53" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_dialog.py" line="63" />
        <source>Wrong PIN. Please wait {seconds} s before trying again.</source>
        <translation>PIN이 틀렸습니다. {seconds}초 후에 다시 시도해 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_dialog.py" line="68" />
        <source>Wrong PIN. Please try again.</source>
        <translation>PIN이 틀렸습니다. 다시 시도해 주세요.</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="166" />
        <source>Door</source>
        <translation>출입구</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="167" />
        <source>Self check-in</source>
        <translation>셀프 체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="168" />
        <source>Organiser</source>
        <translation>주최 측</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/window.py" line="172" />
        <source>Camera scanner</source>
        <translation>카메라 스캐너</translation>
    </message>
</context>
</TS>
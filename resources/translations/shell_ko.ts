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
<context>
    <name>PinSetupDialog</name>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="74" />
        <source>Organiser PIN for this device</source>
        <translation>이 기기의 주최 측 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="77" />
        <source>This device has no organiser PIN yet. Choose one of {low} to {high} digits: it is asked before leaving kiosk mode or full screen. It stays on this device and never travels in a bundle.</source>
        <translation>이 기기에는 아직 주최 측 PIN이 없습니다. {low}~{high}자리 숫자로 정해 주세요. 키오스크 모드나 전체 화면을 끝낼 때 이 PIN을 묻습니다. PIN은 이 기기에만 있고 번들에 담겨 전달되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="82" />
        <source>&amp;New PIN</source>
        <translation>새 PIN(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="83" />
        <source>New organiser PIN</source>
        <translation>새 주최 측 PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="84" />
        <source>&amp;Again</source>
        <translation>다시 입력(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="85" />
        <source>The same PIN again</source>
        <translation>같은 PIN 다시 입력</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="86" />
        <source>Save PIN</source>
        <translation>PIN 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="87" />
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="93" />
        <source>A PIN has at least {low} digits.</source>
        <translation>PIN은 {low}자리 이상이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="96" />
        <source>The two PINs differ. Please type them again.</source>
        <translation>두 PIN이 다릅니다. 다시 입력해 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/shell/pin_setup.py" line="102" />
        <source>This PIN cannot be used. Please choose another.</source>
        <translation>이 PIN은 사용할 수 없습니다. 다른 PIN을 정해 주세요.</translation>
    </message>
</context>
</TS>
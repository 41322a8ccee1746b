<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CameraScanner</name>
    <message>
        <location filename="../../kiosk/gui/camera.py" line="274"/>
        <source>Camera scanning is not available on this computer. Use the barcode scanner instead.</source>
        <translation>이 컴퓨터에서는 카메라로 스캔할 수 없습니다. 바코드 스캐너를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/camera.py" line="284"/>
        <source>No camera found. Connect a camera, or use the barcode scanner.</source>
        <translation>카메라를 찾을 수 없습니다. 카메라를 연결하거나 바코드 스캐너를 사용하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/camera.py" line="294"/>
        <source>The chosen camera is not connected. Choose another camera.</source>
        <translation>선택한 카메라가 연결되어 있지 않습니다. 다른 카메라를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/camera.py" line="342"/>
        <source>Camera picture</source>
        <translation>카메라 화면</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/camera.py" line="343"/>
        <source>Hold the QR code in front of the camera.</source>
        <translation>QR 코드를 카메라 앞에 대 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/camera.py" line="425"/>
        <source>The camera stopped working ({detail}). Check its cable, then try again.</source>
        <translation>카메라가 작동을 멈췄습니다({detail}). 케이블을 확인한 뒤 다시 시도하세요.</translation>
    </message>
</context>
</TS>

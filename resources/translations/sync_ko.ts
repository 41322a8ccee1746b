<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DevicesModel</name>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="45"/>
        <source>Device</source>
        <translation>기기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="46"/>
        <source>Last contact</source>
        <translation>마지막 연결</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="47"/>
        <source>Via</source>
        <translation>경로</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="48"/>
        <source>Check-ins received</source>
        <translation>받은 체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="49"/>
        <source>Highest sequence</source>
        <translation>최고 순번</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="50"/>
        <source>Pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="56"/>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="73"/>
        <source>LAN hub</source>
        <translation>LAN 허브</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="73"/>
        <source>bundle file</source>
        <translation>번들 파일</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="166"/>
        <source>Save the roster bundle</source>
        <translation>로스터 번들 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="172"/>
        <source>Bundles to import</source>
        <translation>가져올 번들</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="180"/>
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="188"/>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="250"/>
        <source>✖ {message}</source>
        <translation>✖ {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="262"/>
        <source>{added} check-ins added, {duplicates} already here, {conflicting} conflicting kept aside</source>
        <translation>체크인 {added}건 추가, {duplicates}건은 이미 있음, 충돌 {conflicting}건은 따로 보관</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="270"/>
        <source>Roster version {version} read; applied: {applied}</source>
        <translation>로스터 버전 {version} 읽음, 적용: {applied}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="272"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="272"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="274"/>
        <source>Roster version {version} ({attendees} attendees) written to {path}</source>
        <translation>로스터 버전 {version}(참가자 {attendees}명)을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="293"/>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="300"/>
        <source>The hub stopped.</source>
        <translation>허브가 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="309"/>
        <source>Stop the hub</source>
        <translation>허브 중지</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="311"/>
        <source>Serving at {url}: start devices with --hub {url}</source>
        <translation>{url}에서 실행 중: 기기를 --hub {url}(으)로 시작하세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="314"/>
        <source>Start the hub</source>
        <translation>허브 시작</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="315"/>
        <source>The hub is not running.</source>
        <translation>허브가 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="353"/>
        <source>Admitted at two doors</source>
        <translation>두 출입구에서 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="354"/>
        <source>Over capacity across doors</source>
        <translation>여러 출입구 합산 정원 초과</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="355"/>
        <source>Revoked code used</source>
        <translation>폐기된 코드 사용</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="356"/>
        <source>Cancelled registration admitted</source>
        <translation>취소된 등록자 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="357"/>
        <source>Two devices with one name</source>
        <translation>같은 이름의 기기 두 대</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="371"/>
        <source>No conflicts</source>
        <translation>충돌 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="372"/>
        <source>&amp;Conflicts ({count})</source>
        <translation>충돌({count}) (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="382"/>
        <source>Bundles (USB stick)</source>
        <translation>번들 (USB 메모리)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="383"/>
        <source>&amp;Passphrase (optional)</source>
        <translation>암호 문구(선택) (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="384"/>
        <source>Bundle passphrase</source>
        <translation>번들 암호 문구</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="386"/>
        <source>Encrypts the roster bundle; devices need it to import</source>
        <translation>로스터 번들을 암호화합니다. 기기에서 가져올 때 필요합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="388"/>
        <source>&amp;Export roster bundle…</source>
        <translation>로스터 번들 내보내기… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="389"/>
        <source>Export roster bundle</source>
        <translation>로스터 번들 내보내기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="390"/>
        <source>I&amp;mport bundles…</source>
        <translation>번들 가져오기… (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="391"/>
        <source>Import bundles</source>
        <translation>번들 가져오기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="392"/>
        <source>Bundle progress</source>
        <translation>번들 진행률</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="393"/>
        <source>LAN hub</source>
        <translation>LAN 허브</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="394"/>
        <source>&amp;Host</source>
        <translation>호스트 (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="395"/>
        <source>Hub address to listen on</source>
        <translation>허브가 수신할 주소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="396"/>
        <source>P&amp;ort</source>
        <translation>포트 (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="397"/>
        <source>Hub port</source>
        <translation>허브 포트</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="398"/>
        <source>&amp;Devices</source>
        <translation>기기 (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="399"/>
        <source>Devices</source>
        <translation>기기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="400"/>
        <source>Conflicts</source>
        <translation>충돌</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="401"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침 (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="402"/>
        <source>Refresh devices and conflicts</source>
        <translation>기기와 충돌 목록 새로 고침</translation>
    </message>
</context>
</TS>

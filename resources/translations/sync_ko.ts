<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>DevicesModel</name>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="45" />
        <source>Device</source>
        <translation>기기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="46" />
        <source>Last contact</source>
        <translation>마지막 연결</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="47" />
        <source>Via</source>
        <translation>경로</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="48" />
        <source>Check-ins received</source>
        <translation>받은 체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="49" />
        <source>Highest sequence</source>
        <translation>최고 순번</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="50" />
        <source>Pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="56" />
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="73" />
        <source>LAN hub</source>
        <translation>LAN 허브</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="73" />
        <source>bundle file</source>
        <translation>번들 파일</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="52" />
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="91" />
        <source>revoked, refused {count} time(s) since</source>
        <translation>사용 중지됨, 이후 {count}회 거부</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="2" />
        <source>revoked</source>
        <translation>사용 중지됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="2" />
        <source>enrolled</source>
        <translation>등록됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="2" />
        <source>waiting for its token</source>
        <translation>등록 토큰 대기 중</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="98" />
        <source>token expired unused</source>
        <translation>토큰이 사용되지 않고 만료됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/devices_model.py" line="99" />
        <source>not enrolled</source>
        <translation>등록되지 않음</translation>
    </message>
</context>
<context>
    <name>StaffCallBanner</name>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="59" />
        <source>Kiosk {device} ({location}) calls for staff at {time}</source>
        <translation>키오스크 {device}({location})에서 {time}에 직원을 호출합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="62" />
        <source>Kiosk {device} calls for staff at {time}</source>
        <translation>키오스크 {device}에서 {time}에 직원을 호출합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="102" />
        <source>D&amp;ismiss</source>
        <translation>닫기 (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="103" />
        <source>Dismiss the staff call</source>
        <translation>직원 호출 알림 닫기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="104" />
        <source>Staff call</source>
        <translation>직원 호출</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="113" />
        <source>TLS certificate</source>
        <translation>TLS 인증서</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="121" />
        <source>TLS private key</source>
        <translation>TLS 개인 키</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="198" />
        <source>Save the roster bundle</source>
        <translation>로스터 번들 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="204" />
        <source>Bundles to import</source>
        <translation>가져올 번들</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="212" />
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="220" />
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="284" />
        <source>✖ {message}</source>
        <translation>✖ {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="296" />
        <source>{added} check-ins added, {duplicates} already here, {conflicting} conflicting kept aside</source>
        <translation>체크인 {added}건 추가, {duplicates}건은 이미 있음, 충돌 {conflicting}건은 따로 보관</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="304" />
        <source>Roster version {version} read; applied: {applied}</source>
        <translation>로스터 버전 {version} 읽음, 적용: {applied}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="306" />
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="306" />
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="308" />
        <source>Roster version {version} ({attendees} attendees) written to {path}</source>
        <translation>로스터 버전 {version}(참가자 {attendees}명)을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="330" />
        <source>✖ HTTPS needs both a certificate file and a key file (or neither).</source>
        <translation>✖ HTTPS에는 인증서 파일과 키 파일이 모두 필요합니다(또는 둘 다 비워 두십시오).</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="338" />
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="343" />
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="365" />
        <source>The hub stopped.</source>
        <translation>허브가 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="381" />
        <source>Stop the hub</source>
        <translation>허브 중지</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="383" />
        <source>Serving at {url}: start devices with --hub {url}</source>
        <translation>{url}에서 실행 중: 기기를 --hub {url}(으)로 시작하세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="386" />
        <source>Start the hub</source>
        <translation>허브 시작</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="387" />
        <source>The hub is not running.</source>
        <translation>허브가 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="425" />
        <source>Admitted at two doors</source>
        <translation>두 출입구에서 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="426" />
        <source>Over capacity across doors</source>
        <translation>여러 출입구 합산 정원 초과</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="427" />
        <source>Revoked code used</source>
        <translation>폐기된 코드 사용</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="428" />
        <source>Cancelled registration admitted</source>
        <translation>취소된 등록자 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="429" />
        <source>Two devices with one name</source>
        <translation>같은 이름의 기기 두 대</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="443" />
        <source>No conflicts</source>
        <translation>충돌 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="444" />
        <source>&amp;Conflicts ({count})</source>
        <translation>충돌({count}) (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="454" />
        <source>Bundles (USB stick)</source>
        <translation>번들 (USB 메모리)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="455" />
        <source>&amp;Passphrase (optional)</source>
        <translation>암호 문구(선택) (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="456" />
        <source>Bundle passphrase</source>
        <translation>번들 암호 문구</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="458" />
        <source>Encrypts the roster bundle; devices need it to import</source>
        <translation>로스터 번들을 암호화합니다. 기기에서 가져올 때 필요합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="460" />
        <source>&amp;Export roster bundle…</source>
        <translation>로스터 번들 내보내기… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="461" />
        <source>Export roster bundle</source>
        <translation>로스터 번들 내보내기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="462" />
        <source>I&amp;mport bundles…</source>
        <translation>번들 가져오기… (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="463" />
        <source>Import bundles</source>
        <translation>번들 가져오기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="464" />
        <source>Bundle progress</source>
        <translation>번들 진행률</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="465" />
        <source>LAN hub</source>
        <translation>LAN 허브</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="466" />
        <source>&amp;Host</source>
        <translation>호스트 (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="467" />
        <source>Hub address to listen on</source>
        <translation>허브가 수신할 주소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="468" />
        <source>P&amp;ort</source>
        <translation>포트 (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="469" />
        <source>Hub port</source>
        <translation>허브 포트</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="470" />
        <source>TLS cer&amp;tificate (optional)</source>
        <translation>TLS 인증서(선택) (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="471" />
        <source>TLS certificate file</source>
        <translation>TLS 인증서 파일</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="472" />
        <source>none: plain HTTP</source>
        <translation>없음: 일반 HTTP</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="473" />
        <location filename="../../kiosk/gui/sync/sync_view.py" line="477" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="474" />
        <source>Choose the TLS certificate file</source>
        <translation>TLS 인증서 파일 선택</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="475" />
        <source>TLS &amp;key</source>
        <translation>TLS 키 (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="476" />
        <source>TLS private key file</source>
        <translation>TLS 개인 키 파일</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="478" />
        <source>Choose the TLS private key file</source>
        <translation>TLS 개인 키 파일 선택</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="479" />
        <source>&amp;Devices</source>
        <translation>기기 (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="480" />
        <source>Devices</source>
        <translation>기기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="481" />
        <source>Conflicts</source>
        <translation>충돌</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="482" />
        <source>&amp;Refresh</source>
        <translation>새로 고침 (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="483" />
        <source>Refresh devices and conflicts</source>
        <translation>기기와 충돌 목록 새로 고침</translation>
    </message>
</context>
<context>
    <name>EnrolPanel</name>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="156" />
        <source>✖ {reason}</source>
        <translation>✖ {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="175" />
        <source>No enrolment token shown</source>
        <translation>표시된 등록 토큰 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="180" />
        <source>Enrolment token for {device}: {token}</source>
        <translation>{device}의 등록 토큰: {token}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="185" />
        <source>The same token as a QR code</source>
        <translation>같은 토큰의 QR 코드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="188" />
        <source>For device {device}, one use, until {until}. On the device: kiosk init --from-bundle ROSTER --device {device} --enrol {token}</source>
        <translation>기기 {device}용, 한 번만 사용, {until}까지 유효. 기기에서: kiosk init --from-bundle ROSTER --device {device} --enrol {token}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="201" />
        <source>Revoke a device</source>
        <translation>기기 사용 중지</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="203" />
        <source>Refuse everything device {device} sends from now on? Its check-ins so far stay. A replacement is enrolled under a new name.</source>
        <translation>지금부터 기기 {device}이(가) 보내는 모든 것을 거부할까요? 지금까지의 체크인은 그대로 남습니다. 대체 기기는 새 이름으로 등록합니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="223" />
        <source>Revoked {devices}. Export a new roster so other devices refuse it too.</source>
        <translation>{devices}의 사용을 중지했습니다. 다른 기기도 거부하도록 새 명단을 내보내세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="241" />
        <source>Devices allowed to send check-ins</source>
        <translation>체크인을 보낼 수 있는 기기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="242" />
        <source>New device &amp;name</source>
        <translation>새 기기 이름(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="243" />
        <source>Name of the device to enrol</source>
        <translation>등록할 기기의 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="244" />
        <source>e.g. door-211</source>
        <translation>예: door-211</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="245" />
        <source>Valid for (&amp;hours)</source>
        <translation>유효 시간(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="246" />
        <source>Hours the token can be used</source>
        <translation>토큰을 쓸 수 있는 시간</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="247" />
        <source>Make an &amp;enrolment token</source>
        <translation>등록 토큰 만들기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="248" />
        <source>Make an enrolment token</source>
        <translation>등록 토큰 만들기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="249" />
        <source>Re&amp;voke device</source>
        <translation>사용 중지할 기기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="250" />
        <source>Name of the device to revoke</source>
        <translation>사용 중지할 기기의 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="251" />
        <source>Revoke…</source>
        <translation>사용 중지…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/enrol_panel.py" line="252" />
        <source>Revoke the device</source>
        <translation>기기 사용 중지하기</translation>
    </message>
</context>
</TS>
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
    <message numerus="yes">
        <location filename="../../kiosk/gui/sync/devices_model.py" line="91" />
        <source>revoked, refused %n time(s) since</source>
        <translation>
            <numerusform>사용 중지됨, 이후 %n회 거부</numerusform>
        </translation>
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
    <name>DoctorMessages</name>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="22" />
        <source>{size} screen, a supported size</source>
        <translation>{size} 화면, 지원하는 크기입니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="26" />
        <source>{size} screen is not one of the sizes the screens are laid out for ({sizes}): look at every screen with `python -m kiosk.screenshots`, or use a supported size</source>
        <translation>{size} 화면은 화면 배치가 맞춰진 크기({sizes})가 아닙니다: `python -m kiosk.screenshots`로 모든 화면을 확인하거나 지원하는 크기를 쓰십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="31" />
        <source>{size} screen is too small for the {role} screens: use a supported size ({sizes})</source>
        <translation>{size} 화면은 {role} 화면에 너무 작습니다: 지원하는 크기({sizes})를 쓰십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="35" />
        <source>no screen found: connect one (supported sizes: {sizes})</source>
        <translation>화면이 없습니다: 화면을 연결하십시오 (지원 크기: {sizes})</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="39" />
        <source>all {count} badge and screen fonts are installed</source>
        <translation>배지와 화면 글꼴 {count}개가 모두 설치되어 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="43" />
        <source>fonts missing: {files}: install {packages} (scripts/setup does)</source>
        <translation>글꼴이 없습니다: {files}: {packages} 패키지를 설치하십시오 (scripts/setup이 설치합니다)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="47" />
        <source>font {file} is damaged: reinstall {package}</source>
        <translation>글꼴 {file}이(가) 손상되었습니다: {package} 패키지를 다시 설치하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="51" />
        <source>the print system (CUPS) is not installed: run scripts/setup</source>
        <translation>인쇄 시스템(CUPS)이 설치되어 있지 않습니다: scripts/setup을 실행하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="55" />
        <source>the print system (CUPS) is not running: start it (`systemctl start cups`, or scripts/start-cups)</source>
        <translation>인쇄 시스템(CUPS)이 실행 중이 아닙니다: 시작하십시오 (`systemctl start cups` 또는 scripts/start-cups)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="60" />
        <source>no printer chosen: choose this device's printer with `kiosk printers --use NAME`</source>
        <translation>프린터가 선택되지 않았습니다: `kiosk printers --use 이름`으로 이 기기의 프린터를 고르십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="64" />
        <source>printer {printer} does not exist on this machine (printers here: {known}): choose one with `kiosk printers --use NAME`</source>
        <translation>프린터 {printer}이(가) 이 컴퓨터에 없습니다 (있는 프린터: {known}): `kiosk printers --use 이름`으로 고르십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="69" />
        <source>printer {printer} is ready</source>
        <translation>프린터 {printer} 준비됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="73" />
        <source>printer {printer} is paused: resume it with `cupsenable {printer}`</source>
        <translation>프린터 {printer}이(가) 일시 정지되었습니다: `cupsenable {printer}`로 다시 시작하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="77" />
        <source>printer {printer} does not accept jobs: let it with `cupsaccept {printer}`</source>
        <translation>프린터 {printer}이(가) 인쇄 작업을 받지 않습니다: `cupsaccept {printer}`로 받게 하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="81" />
        <source>printer {printer} is out of paper: load paper or labels</source>
        <translation>프린터 {printer}에 용지가 없습니다: 용지나 라벨을 넣으십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="85" />
        <source>printer {printer} has a paper jam: clear it</source>
        <translation>프린터 {printer}에 용지가 걸렸습니다: 걸린 용지를 빼십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="89" />
        <source>printer {printer} is offline: check its cable or network</source>
        <translation>프린터 {printer}이(가) 연결되어 있지 않습니다: 케이블이나 네트워크를 확인하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="93" />
        <source>printer {printer} reports {reasons}: check the printer</source>
        <translation>프린터 {printer}이(가) {reasons} 상태를 알립니다: 프린터를 확인하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="97" />
        <source>printer {printer} takes {size} mm paper for the {layout} badges</source>
        <translation>프린터 {printer}은(는) {layout} 배지용 {size} mm 용지를 쓸 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="101" />
        <source>printer {printer} cannot take {size} mm paper for the {layout} badges: choose another printer, or another layout with `kiosk setting badge_layout NAME`</source>
        <translation>프린터 {printer}은(는) {layout} 배지용 {size} mm 용지를 쓸 수 없습니다: 다른 프린터를 고르거나 `kiosk setting badge_layout 이름`으로 다른 배치를 고르십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="106" />
        <source>printer {printer} has {loaded} loaded, the {layout} badges need {size} mm: load it</source>
        <translation>프린터 {printer}에 {loaded} 용지가 들어 있습니다. {layout} 배지는 {size} mm 용지가 필요합니다: 그 용지를 넣으십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="110" />
        <source>printer {printer} does not say which paper it takes: print a test page (`kiosk doctor --test-page`) and look at it</source>
        <translation>프린터 {printer}이(가) 쓸 수 있는 용지를 알려 주지 않습니다: 시험 인쇄(`kiosk doctor --test-page`)를 하고 결과를 확인하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="115" />
        <source>test page printed on {printer} (job {job})</source>
        <translation>{printer}에서 시험 인쇄됨 (작업 {job})</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="119" />
        <source>the test page did not print on {printer}: {reason}</source>
        <translation>{printer}에서 시험 인쇄가 되지 않았습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="123" />
        <source>speech-dispatcher answers, with Korean and English voices ({voices})</source>
        <translation>speech-dispatcher가 응답합니다. 한국어와 영어 음성이 있습니다 ({voices})</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="127" />
        <source>speech-dispatcher is not installed: run scripts/setup</source>
        <translation>speech-dispatcher가 설치되어 있지 않습니다: scripts/setup을 실행하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="131" />
        <source>speech-dispatcher does not answer ({reason}): restart it (`pkill -u $(id -u) speech-dispatcher`) and check the sound output</source>
        <translation>speech-dispatcher가 응답하지 않습니다 ({reason}): 다시 시작하고(`pkill -u $(id -u) speech-dispatcher`) 소리 출력을 확인하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="136" />
        <source>speech-dispatcher has no Korean voice: install speech-dispatcher-espeak-ng (scripts/setup does)</source>
        <translation>speech-dispatcher에 한국어 음성이 없습니다: speech-dispatcher-espeak-ng를 설치하십시오 (scripts/setup이 설치합니다)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="141" />
        <source>speech-dispatcher has no English voice: install speech-dispatcher-espeak-ng (scripts/setup does)</source>
        <translation>speech-dispatcher에 영어 음성이 없습니다: speech-dispatcher-espeak-ng를 설치하십시오 (scripts/setup이 설치합니다)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="146" />
        <source>sound goes to {sink}</source>
        <translation>소리가 {sink}(으)로 나갑니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="150" />
        <source>no sound server answers: log in to a desktop session, or start PulseAudio or PipeWire for this user</source>
        <translation>소리 서버가 응답하지 않습니다: 데스크톱 세션에 로그인하거나 이 사용자의 PulseAudio 또는 PipeWire를 시작하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="155" />
        <source>no sound device: sound plays into nothing ({sink}): plug in speakers or headphones</source>
        <translation>소리 장치가 없습니다. 소리가 아무 데도 나가지 않습니다 ({sink}): 스피커나 헤드폰을 연결하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="159" />
        <source>the sound cannot be checked: pactl is missing (run scripts/setup)</source>
        <translation>소리를 확인할 수 없습니다: pactl이 없습니다 (scripts/setup을 실행하십시오)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="163" />
        <source>camera: {names}</source>
        <translation>카메라: {names}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="167" />
        <source>no camera: scan with a USB scanner, or plug in a camera for codes on phone screens</source>
        <translation>카메라가 없습니다: USB 스캐너로 스캔하거나, 휴대전화 화면의 코드를 읽으려면 카메라를 연결하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="171" />
        <source>no event database at {path}: make it with `kiosk init` (organiser) or `kiosk init --from-bundle FILE` (door or kiosk)</source>
        <translation>{path}에 행사 데이터베이스가 없습니다: `kiosk init`(운영자) 또는 `kiosk init --from-bundle 파일`(출입구나 키오스크)로 만드십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="176" />
        <source>the event database at {path} cannot be opened: {reason}</source>
        <translation>{path}의 행사 데이터베이스를 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="180" />
        <source>{free} free, the event needs {needed}</source>
        <translation>여유 공간 {free}, 행사에 필요한 공간 {needed}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="184" />
        <source>only {free} free, the event needs {needed}: make room before the day starts</source>
        <translation>여유 공간이 {free}뿐입니다. 행사에 {needed}가 필요합니다: 당일 시작 전에 공간을 비우십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="188" />
        <source>only {free} free, the event needs {needed}: free space before doors open</source>
        <translation>여유 공간이 {free}뿐입니다. 행사에 {needed}가 필요합니다: 입장 시작 전에 공간을 비우십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="192" />
        <source>the event's files are private (folder 0700, files 0600)</source>
        <translation>행사 파일은 소유자만 읽을 수 있습니다 (폴더 0700, 파일 0600)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="196" />
        <source>{path} can be read by others (mode {mode}): `chmod {wanted} {path}`</source>
        <translation>{path}을(를) 다른 사용자가 읽을 수 있습니다 (권한 {mode}): `chmod {wanted} {path}`</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="200" />
        <source>no hub set: this device syncs by USB stick (start the app with --hub URL for the LAN)</source>
        <translation>허브가 설정되지 않았습니다: 이 기기는 USB 메모리로 동기화합니다 (랜으로 하려면 앱을 --hub URL로 시작하십시오)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="204" />
        <source>the hub at {url} does not answer: check the network and that the organisers' hub is running</source>
        <translation>{url}의 허브가 응답하지 않습니다: 네트워크와 운영자 허브가 실행 중인지 확인하십시오</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="209" />
        <source>the hub at {url} refuses this device: {reason}</source>
        <translation>{url}의 허브가 이 기기를 거부합니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="213" />
        <source>the hub at {url} knows this device ({device})</source>
        <translation>{url}의 허브가 이 기기({device})를 알고 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="217" />
        <source>clock {seconds} s from the hub's</source>
        <translation>시계가 허브와 {seconds}초 차이 납니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="221" />
        <source>clock {seconds} s off the hub's: set it, or turn on time sync (`timedatectl set-ntp true`)</source>
        <translation>시계가 허브와 {seconds}초 어긋납니다: 시계를 맞추거나 시간 동기화를 켜십시오 (`timedatectl set-ntp true`)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="226" />
        <source>clock {seconds} s off the hub's: check-in times would be wrong; set it, or turn on time sync (`timedatectl set-ntp true`)</source>
        <translation>시계가 허브와 {seconds}초 어긋납니다. 체크인 시각이 틀리게 됩니다: 시계를 맞추거나 시간 동기화를 켜십시오 (`timedatectl set-ntp true`)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="248" />
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="249" />
        <source>Check</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="250" />
        <source>Fix</source>
        <translation>조치 필요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="257" />
        <source>door</source>
        <translation>출입구</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="258" />
        <source>self check-in kiosk</source>
        <translation>셀프 체크인 키오스크</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_messages.py" line="259" />
        <source>organiser</source>
        <translation>운영자</translation>
    </message>
</context>
<context>
    <name>DoctorView</name>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="107" />
        <source>Checking…</source>
        <translation>점검 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="131" />
        <source>✖ The check did not finish: {message}</source>
        <translation>✖ 점검을 마치지 못했습니다: {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="141" />
        <source>{fail} to fix, {warn} to check, {ok} OK — checked {when}</source>
        <translation>조치 필요 {fail}, 확인 필요 {warn}, 정상 {ok} — {when} 점검</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="171" />
        <source>this machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="180" />
        <source>No device has sent a check yet.</source>
        <translation>아직 점검 결과를 보낸 기기가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="181" />
        <source>Doors and kiosks syncing with the hub send theirs.</source>
        <translation>허브와 동기화하는 출입구와 키오스크가 결과를 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="189" />
        <source>Device check: each door and kiosk checks its screen, printer, sound, speech, disk and clock and sends the result with its sync rounds.</source>
        <translation>기기 점검: 출입구와 키오스크가 화면, 프린터, 소리, 음성 안내, 디스크, 시계를 점검하고 동기화할 때 결과를 보냅니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="193" />
        <source>Check this machine</source>
        <translation>이 컴퓨터 점검</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="195" />
        <source>Device</source>
        <translation>기기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="195" />
        <source>Finding</source>
        <translation>점검 결과</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/doctor_view.py" line="196" />
        <source>Device checks</source>
        <translation>기기 점검 결과</translation>
    </message>
</context>
<context>
    <name>StaffCallBanner</name>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="63" />
        <source>Kiosk {device} ({location}) calls for staff at {time}</source>
        <translation>키오스크 {device}({location})에서 {time}에 직원을 호출합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="66" />
        <source>Kiosk {device} calls for staff at {time}</source>
        <translation>키오스크 {device}에서 {time}에 직원을 호출합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="106" />
        <source>D&amp;ismiss</source>
        <translation>닫기 (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="107" />
        <source>Dismiss the staff call</source>
        <translation>직원 호출 알림 닫기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/staff_call.py" line="108" />
        <source>Staff call</source>
        <translation>직원 호출</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="115" />
        <source>TLS certificate</source>
        <translation>TLS 인증서</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="123" />
        <source>TLS private key</source>
        <translation>TLS 개인 키</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="207" />
        <source>Save the roster bundle</source>
        <translation>로스터 번들 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="213" />
        <source>Bundles to import</source>
        <translation>가져올 번들</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="221" />
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="229" />
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="293" />
        <source>✖ {message}</source>
        <translation>✖ {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="305" />
        <source>{added} check-ins added, {duplicates} already here, {conflicting} conflicting kept aside</source>
        <translation>체크인 {added}건 추가, {duplicates}건은 이미 있음, 충돌 {conflicting}건은 따로 보관</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="313" />
        <source>Roster version {version} read; applied: {applied}</source>
        <translation>로스터 버전 {version} 읽음, 적용: {applied}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="315" />
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="315" />
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="317" />
        <source>Roster version {version} ({attendees} attendees) written to {path}</source>
        <translation>로스터 버전 {version}(참가자 {attendees}명)을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="339" />
        <source>✖ HTTPS needs both a certificate file and a key file (or neither).</source>
        <translation>✖ HTTPS에는 인증서 파일과 키 파일이 모두 필요합니다(또는 둘 다 비워 두십시오).</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="347" />
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="352" />
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="374" />
        <source>The hub stopped.</source>
        <translation>허브가 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="390" />
        <source>Stop the hub</source>
        <translation>허브 중지</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="392" />
        <source>Serving at {url}: start devices with --hub {url}</source>
        <translation>{url}에서 실행 중: 기기를 --hub {url}(으)로 시작하세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="395" />
        <source>Start the hub</source>
        <translation>허브 시작</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="396" />
        <source>The hub is not running.</source>
        <translation>허브가 실행 중이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="435" />
        <source>Admitted at two doors</source>
        <translation>두 출입구에서 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="436" />
        <source>Over capacity across doors</source>
        <translation>여러 출입구 합산 정원 초과</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="437" />
        <source>Revoked code used</source>
        <translation>폐기된 코드 사용</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="438" />
        <source>Cancelled registration admitted</source>
        <translation>취소된 등록자 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="439" />
        <source>Two devices with one name</source>
        <translation>같은 이름의 기기 두 대</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="453" />
        <source>No conflicts</source>
        <translation>충돌 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="454" />
        <source>&amp;Conflicts ({count})</source>
        <translation>충돌({count}) (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="464" />
        <source>Bundles (USB stick)</source>
        <translation>번들 (USB 메모리)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="465" />
        <source>&amp;Passphrase (optional)</source>
        <translation>암호 문구(선택) (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="466" />
        <source>Bundle passphrase</source>
        <translation>번들 암호 문구</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="468" />
        <source>Encrypts the roster bundle; devices need it to import</source>
        <translation>로스터 번들을 암호화합니다. 기기에서 가져올 때 필요합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="470" />
        <source>&amp;Export roster bundle…</source>
        <translation>로스터 번들 내보내기… (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="471" />
        <source>Export roster bundle</source>
        <translation>로스터 번들 내보내기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="472" />
        <source>I&amp;mport bundles…</source>
        <translation>번들 가져오기… (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="473" />
        <source>Import bundles</source>
        <translation>번들 가져오기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="474" />
        <source>Bundle progress</source>
        <translation>번들 진행률</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="475" />
        <source>LAN hub</source>
        <translation>LAN 허브</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="476" />
        <source>&amp;Host</source>
        <translation>호스트 (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="477" />
        <source>Hub address to listen on</source>
        <translation>허브가 수신할 주소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="478" />
        <source>P&amp;ort</source>
        <translation>포트 (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="479" />
        <source>Hub port</source>
        <translation>허브 포트</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="480" />
        <source>TLS cer&amp;tificate (optional)</source>
        <translation>TLS 인증서(선택) (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="481" />
        <source>TLS certificate file</source>
        <translation>TLS 인증서 파일</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="482" />
        <source>none: plain HTTP</source>
        <translation>없음: 일반 HTTP</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="483" />
        <location filename="../../kiosk/gui/sync/sync_view.py" line="487" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="484" />
        <source>Choose the TLS certificate file</source>
        <translation>TLS 인증서 파일 선택</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="485" />
        <source>TLS &amp;key</source>
        <translation>TLS 키 (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="486" />
        <source>TLS private key file</source>
        <translation>TLS 개인 키 파일</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="488" />
        <source>Choose the TLS private key file</source>
        <translation>TLS 개인 키 파일 선택</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="489" />
        <source>&amp;Devices</source>
        <translation>기기 (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="490" />
        <source>Devices</source>
        <translation>기기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="491" />
        <source>Conflicts</source>
        <translation>충돌</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="492" />
        <source>Devices and conflicts</source>
        <translation>기기와 충돌</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="493" />
        <source>Device check</source>
        <translation>기기 점검</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="494" />
        <source>&amp;Refresh</source>
        <translation>새로 고침 (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="495" />
        <source>Refresh devices and conflicts</source>
        <translation>기기와 충돌 목록 새로 고침</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/sync/sync_view.py" line="500" />
        <source>Enrol and revoke devices</source>
        <translation>기기 등록과 사용 중지</translation>
    </message>
    <message>
        <source>Warning: scanned while already inside</source>
        <translation>경고: 이미 입장한 상태에서 다시 스캔됨</translation>
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
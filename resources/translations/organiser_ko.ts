<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DashboardModels</name>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="34"/>
        <source>✖ Full</source>
        <translation>✖ 만석</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="35"/>
        <source>⚠ Near capacity</source>
        <translation>⚠ 거의 찼음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="36"/>
        <source>✔ Space left</source>
        <translation>✔ 여유 있음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="37"/>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="97"/>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="150"/>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="64"/>
        <source>Room</source>
        <translation>회의실</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="65"/>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="133"/>
        <source>Session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="66"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="67"/>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="135"/>
        <source>Inside</source>
        <translation>재실 인원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="68"/>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="136"/>
        <source>Capacity</source>
        <translation>정원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="69"/>
        <source>Full %</source>
        <translation>점유율</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="70"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="90"/>
        <source>now</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="134"/>
        <source>Entered</source>
        <translation>입장 인원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="174"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="175"/>
        <source>Local name</source>
        <translation>현지어 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="176"/>
        <source>Category</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="177"/>
        <source>Registration</source>
        <translation>등록 번호</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="178"/>
        <source>Inside since</source>
        <translation>입장 시각</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_models.py" line="179"/>
        <source>Access needs</source>
        <translation>접근성 요구</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="299"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="303"/>
        <source>{checked} of {registered} registered people checked in ({share}%)</source>
        <translation>등록자 {registered}명 중 {checked}명 체크인 ({share}%)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="310"/>
        <source>{checked} of {registered} checked in</source>
        <translation>{registered}명 중 {checked}명 체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="310"/>
        <source>No one is registered yet: import the roster first</source>
        <translation>아직 등록자가 없습니다. 먼저 명단을 가져오세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="312"/>
        <source>Updated at {time}</source>
        <translation>{time} 갱신</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="366"/>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="463"/>
        <source>Arrivals</source>
        <translation>도착</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="367"/>
        <source>People</source>
        <translation>인원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="364"/>
        <source>Arrivals per 15 minutes</source>
        <translation>15분당 도착 인원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="392"/>
        <source>Space left</source>
        <translation>여유 있음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="393"/>
        <source>Near capacity (90% or more)</source>
        <translation>거의 찼음 (90% 이상)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="394"/>
        <source>Full</source>
        <translation>만석</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="389"/>
        <source>People inside each room, % of capacity</source>
        <translation>회의실별 안에 있는 인원 (정원 대비 %)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="443"/>
        <source>Choose a room to see who is inside.</source>
        <translation>회의실을 고르면 안에 있는 사람이 표시됩니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="446"/>
        <source>Inside {room} now ({session}): %n people</source>
        <translation>
            <numerusform>지금 {room} 안 ({session}): %n명</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="460"/>
        <source>&amp;Day</source>
        <translation>날짜(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="461"/>
        <source>Day shown</source>
        <translation>표시할 날짜</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="462"/>
        <source>People checked in</source>
        <translation>체크인한 인원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="464"/>
        <source>Chart of arrivals per 15 minutes</source>
        <translation>15분당 도착 인원 차트</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="465"/>
        <source>Rooms</source>
        <translation>회의실</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="466"/>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="468"/>
        <source>Rooms against capacity</source>
        <translation>회의실별 정원 대비 인원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="467"/>
        <source>Chart of people inside each room</source>
        <translation>회의실별 안에 있는 인원 차트</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="469"/>
        <source>Roll-call for evacuation</source>
        <translation>대피용 인원 확인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="470"/>
        <source>People inside the chosen room</source>
        <translation>선택한 회의실 안에 있는 사람</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="471"/>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/dashboard_view.py" line="472"/>
        <source>Entered and inside per session</source>
        <translation>세션별 입장 인원과 안에 있는 인원</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="19"/>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="177"/>
        <source>{column} is required</source>
        <translation>{column} 값은 필수입니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="20"/>
        <source>a {first} or a {second} is required</source>
        <translation>{first} 또는 {second} 중 하나는 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="23"/>
        <source>duplicate &apos;{value}&apos;: already on row {first_row}</source>
        <translation>&apos;{value}&apos;이(가) 중복됩니다: 이미 {first_row}행에 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="26"/>
        <source>&apos;{value}&apos; is not a registration id (ASCII letters, digits, - and _; at most 64)</source>
        <translation>&apos;{value}&apos;은(는) 등록 번호가 아닙니다 (영문자, 숫자, -, _ 만 쓰고 64자 이하)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="30"/>
        <source>unknown category &apos;{value}&apos;: one of {choices}</source>
        <translation>알 수 없는 참가 유형 &apos;{value}&apos;: {choices} 중 하나를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="33"/>
        <source>&apos;{value}&apos; is not an e-mail address</source>
        <translation>&apos;{value}&apos;은(는) 이메일 주소가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="36"/>
        <source>language &apos;{value}&apos;: use ko, en or nothing</source>
        <translation>언어 &apos;{value}&apos;: ko, en 중 하나를 쓰거나 비워 두세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="39"/>
        <source>status &apos;{value}&apos;: use registered or cancelled</source>
        <translation>상태 &apos;{value}&apos;: registered 또는 cancelled를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="42"/>
        <source>badge_privacy &apos;{value}&apos;: use true or false</source>
        <translation>badge_privacy &apos;{value}&apos;: true 또는 false를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="45"/>
        <source>code longer than {max} characters</source>
        <translation>코드가 {max}자보다 깁니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="48"/>
        <source>the same code as row {first_row}</source>
        <translation>{first_row}행과 같은 코드입니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="51"/>
        <source>this code already belongs to {owner}</source>
        <translation>이 코드는 이미 {owner}에게 배정되어 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="54"/>
        <source>session_id longer than {max} characters</source>
        <translation>session_id가 {max}자보다 깁니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="57"/>
        <source>date &apos;{value}&apos;: use YYYY-MM-DD</source>
        <translation>날짜 &apos;{value}&apos;: YYYY-MM-DD 형식으로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="60"/>
        <source>{column} &apos;{value}&apos;: use HH:MM</source>
        <translation>{column} &apos;{value}&apos;: HH:MM 형식으로 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="63"/>
        <source>end {end} is not after start {start}</source>
        <translation>종료 시각 {end}이(가) 시작 시각 {start}보다 늦지 않습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="66"/>
        <source>capacity &apos;{value}&apos;: a whole number of people, or empty</source>
        <translation>정원 &apos;{value}&apos;: 사람 수를 정수로 쓰거나 비워 두세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="69"/>
        <source>access &apos;{value}&apos;: use open, invite_only or tickets:TYPE</source>
        <translation>입장 방식 &apos;{value}&apos;: open, invite_only 또는 tickets:티켓종류를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="72"/>
        <source>not a language code: {values} (use e.g. ko,en)</source>
        <translation>언어 코드가 아닙니다: {values} (예: ko,en)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="75"/>
        <source>not a registration id: {values} (separate ids with ;)</source>
        <translation>등록 번호가 아닙니다: {values} (번호는 ;로 구분하세요)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="78"/>
        <source>no session &apos;{value}&apos; in the programme</source>
        <translation>프로그램에 &apos;{value}&apos; 세션이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="81"/>
        <source>no attendee &apos;{value}&apos; in the roster (import the roster first)</source>
        <translation>참가자 명단에 &apos;{value}&apos;이(가) 없습니다 (명단을 먼저 가져오세요)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="84"/>
        <source>expected an object with column names as keys</source>
        <translation>열 이름을 키로 하는 객체여야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="87"/>
        <source>expected text, a number or a list</source>
        <translation>텍스트, 숫자 또는 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="90"/>
        <source>missing required column &apos;{column}&apos;</source>
        <translation>필수 열 &apos;{column}&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="93"/>
        <source>missing required column: one of {columns}</source>
        <translation>필수 열이 없습니다: {columns} 중 하나가 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="96"/>
        <source>{file}: column &apos;{column}&apos; appears twice in the header</source>
        <translation>{file}: 머리글에 &apos;{column}&apos; 열이 두 번 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="99"/>
        <source>cannot map &apos;{label}&apos; onto &apos;{column}&apos;: no such column</source>
        <translation>&apos;{label}&apos; 열을 &apos;{column}&apos;(으)로 가져올 수 없습니다: 그런 항목이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="102"/>
        <source>cannot read {file}: use a .csv, .xlsx or .json file</source>
        <translation>{file} 파일을 읽을 수 없습니다: .csv, .xlsx 또는 .json 파일을 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="105"/>
        <source>{file} is empty: expected a header row with column names</source>
        <translation>{file} 파일이 비어 있습니다: 열 이름이 있는 머리글 행이 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="108"/>
        <source>cannot read {file}: not valid CSV on line {line} ({detail})</source>
        <translation>{file} 파일을 읽을 수 없습니다: {line}번째 줄이 올바른 CSV가 아닙니다 ({detail})</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="111"/>
        <source>cannot read {file}: not valid JSON (line {line}, column {column}: {detail})</source>
        <translation>{file} 파일을 읽을 수 없습니다: 올바른 JSON이 아닙니다 ({line}번째 줄, {column}번째 글자: {detail})</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="115"/>
        <source>cannot read {file}: not an Excel .xlsx workbook</source>
        <translation>{file} 파일을 읽을 수 없습니다: Excel .xlsx 통합 문서가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="118"/>
        <source>cannot read sheet &apos;{sheet}&apos;: {detail}</source>
        <translation>&apos;{sheet}&apos; 시트를 읽을 수 없습니다: {detail}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="121"/>
        <source>{file}: expected a list of objects</source>
        <translation>{file}: 객체의 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="124"/>
        <source>{file}: expected an object with `rooms` and `sessions`, or a list of objects</source>
        <translation>{file}: `rooms`와 `sessions`가 있는 객체나 객체의 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="128"/>
        <source>{file}: `rooms` must be a list of objects</source>
        <translation>{file}: `rooms`는 객체의 목록이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="131"/>
        <source>cannot read {file}: it starts as UTF-8 but byte {byte} on line {line} is not UTF-8</source>
        <translation>{file} 파일을 읽을 수 없습니다: UTF-8로 시작하지만 {line}번째 줄의 바이트 {byte}은(는) UTF-8이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="135"/>
        <source>cannot read {file}: damaged UTF-16 text</source>
        <translation>{file} 파일을 읽을 수 없습니다: UTF-16 텍스트가 손상되었습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="138"/>
        <source>cannot read {file}: not UTF-8, UTF-16 or CP949 text (byte {byte} on line {line}); save it as UTF-8 CSV</source>
        <translation>{file} 파일을 읽을 수 없습니다: UTF-8, UTF-16, CP949 텍스트가 아닙니다 ({line}번째 줄의 바이트 {byte}). UTF-8 CSV로 저장하세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="143"/>
        <source>cannot read {file}: it contains NUL characters (UTF-16 without a byte order mark?); save it as UTF-8 CSV</source>
        <translation>{file} 파일을 읽을 수 없습니다: NUL 문자가 들어 있습니다 (바이트 순서 표시(BOM) 없는 UTF-16일 수 있습니다). UTF-8 CSV로 저장하세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="148"/>
        <source>no such file: {path}</source>
        <translation>파일이 없습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="151"/>
        <source>{path} is a folder, not a file</source>
        <translation>{path}은(는) 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="154"/>
        <source>cannot open {path}: {reason}</source>
        <translation>{path} 파일을 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="157"/>
        <source>unknown import kind &apos;{kind}&apos;: programme, roster or invitations</source>
        <translation>알 수 없는 가져오기 종류 &apos;{kind}&apos;: programme, roster, invitations 중 하나를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="160"/>
        <source>{file}: ignoring unknown column(s): {columns}</source>
        <translation>{file}: 알 수 없는 열은 무시합니다: {columns}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="163"/>
        <source>session {session} is open to everyone: its invitation list does not restrict the door</source>
        <translation>세션 {session}은(는) 누구나 입장할 수 있습니다: 초청 명단이 입장을 제한하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="169"/>
        <source>cannot read {file}: it is larger than {max_mb} MB; split it into smaller files</source>
        <translation>{file}을(를) 읽을 수 없습니다: {max_mb}MB보다 큽니다. 더 작은 파일로 나누어 주세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="172"/>
        <source>cannot read {file}: more than {max} rows; split it into smaller files</source>
        <translation>{file}을(를) 읽을 수 없습니다: {max}행을 넘습니다. 더 작은 파일로 나누어 주세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="175"/>
        <source>cannot read {file}: more than {max} columns</source>
        <translation>{file}을(를) 읽을 수 없습니다: 열이 {max}개를 넘습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="178"/>
        <source>cannot read {file}: the workbook unpacks to more than {max_mb} MB</source>
        <translation>{file}을(를) 읽을 수 없습니다: 통합 문서의 압축을 풀면 {max_mb}MB를 넘습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="181"/>
        <source>cannot read {file}: more than {max} different texts in the workbook</source>
        <translation>{file}을(를) 읽을 수 없습니다: 통합 문서에 서로 다른 텍스트가 {max}개를 넘습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="185"/>
        <source>cannot read {file}: JSON nested too deeply (a roster is a list of flat objects)</source>
        <translation>{file}을(를) 읽을 수 없습니다: JSON이 너무 깊게 중첩되어 있습니다(명단은 평평한 객체의 목록입니다)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="188"/>
        <source>cannot read {file}: a number longer than {max} characters</source>
        <translation>{file}을(를) 읽을 수 없습니다: {max}자보다 긴 숫자가 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_messages.py" line="172"/>
        <source>cannot read {file}: more than {max} rows or values</source>
        <translation>{file}을(를) 읽을 수 없습니다: 행 또는 값이 {max}개를 넘습니다</translation>
    </message>
    <message>
        <source>unknown import preset &apos;{preset}&apos;: use one of {choices}</source>
        <translation>알 수 없는 가져오기 프리셋 &apos;{preset}&apos;: {choices} 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>import preset {file} is not valid: {detail}</source>
        <translation>가져오기 프리셋 {file}이(가) 올바르지 않습니다: {detail}</translation>
    </message>
    <message>
        <source>{option} &apos;{value}&apos;: no such field; use one of {fields}</source>
        <translation>{option} &apos;{value}&apos;: 그런 항목이 없습니다. {fields} 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>{file} has no sheet &apos;{sheet}&apos;: its sheets are {choices}</source>
        <translation>{file}에 &apos;{sheet}&apos; 시트가 없습니다. 있는 시트: {choices}</translation>
    </message>
    <message>
        <source>{file} is a complete export, but {tickets} ticket(s) of {people} people imported before are missing from it: {ids}; nothing was cancelled (--cancel-missing cancels them)</source>
        <translation>{file}은(는) 전체 내보내기 파일인데, 전에 가져온 {people}명의 티켓 {tickets}장이 빠져 있습니다: {ids}. 아무것도 취소하지 않았습니다(--cancel-missing을 쓰면 취소합니다)</translation>
    </message>
    <message>
        <source>cancelled {tickets} ticket(s) of {people} people missing from this complete export: {ids}</source>
        <translation>이번 전체 내보내기 파일에 없는 {people}명의 티켓 {tickets}장을 취소했습니다: {ids}</translation>
    </message>
    <message>
        <source>pass_back '{value}': use allow or refuse (empty: allow)</source>
        <translation>pass_back '{value}': allow 또는 refuse를 쓰세요 (비우면 allow)</translation>
    </message>
</context>
<context>
    <name>ImportModels</name>
    <message>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="67"/>
        <source>Column in the file</source>
        <translation>파일의 열</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="68"/>
        <source>Example</source>
        <translation>예시</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="69"/>
        <source>Imported as</source>
        <translation>가져올 항목</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="88"/>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="115"/>
        <source>(not imported)</source>
        <translation>(가져오지 않음)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="120"/>
        <source>Import the column {label} as</source>
        <translation>{label} 열을 가져올 항목</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="198"/>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_models.py" line="200"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="173"/>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="397"/>
        <source>Choose a file to import</source>
        <translation>가져올 파일 선택</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="175"/>
        <source>Spreadsheets and lists (*.csv *.xlsx *.json);;All files (*)</source>
        <translation>스프레드시트와 목록 (*.csv *.xlsx *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="190"/>
        <source>Importing… nothing is kept if you cancel.</source>
        <translation>가져오는 중… 취소하면 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="228"/>
        <source>No file chosen</source>
        <translation>선택한 파일 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="232"/>
        <source>Format: {format}</source>
        <translation>형식: {format}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="234"/>
        <source>Encoding: {encoding}</source>
        <translation>인코딩: {encoding}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="236"/>
        <source>Encoding: not recognised</source>
        <translation>인코딩: 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="238"/>
        <source>About {rows} rows</source>
        <translation>약 {rows}행</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="239"/>
        <source>{columns} columns</source>
        <translation>{columns}개 열</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="246"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="247"/>
        <source>UTF-8 with byte order mark</source>
        <translation>UTF-8 (BOM 포함)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="248"/>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="249"/>
        <source>CP949 / EUC-KR (Korean Excel)</source>
        <translation>CP949 / EUC-KR (한글 엑셀)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="268"/>
        <source>The mapping you chose for this source last time is used.</source>
        <translation>이 출처에 지난번 선택한 열 연결을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="271"/>
        <source>✖ Required and not mapped: {columns}</source>
        <translation>✖ 필수인데 연결되지 않은 항목: {columns}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="275"/>
        <source>✖ Chosen for more than one column: {columns}</source>
        <translation>✖ 여러 열에 선택된 항목: {columns}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="289"/>
        <source>Checking every row…</source>
        <translation>모든 행을 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="295"/>
        <source>Row %v of about %m</source>
        <translation>약 %m행 중 %v행</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="319"/>
        <source>✖ {errors} problem(s) in {rows} row(s): nothing will be imported. Fix the file or the column mapping, then check again.</source>
        <translation>✖ {rows}개 행에 문제 {errors}건: 아무것도 가져오지 않습니다. 파일이나 열 연결을 고친 뒤 다시 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="326"/>
        <source>File: {field}: {message}</source>
        <translation>파일: {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="332"/>
        <source>Row {row}: {field}: {message}</source>
        <translation>{row}행: {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="339"/>
        <source>✔ Ready: {added} to add, {updated} to update, {unchanged} unchanged, {removed} to remove. Nothing is written until you press Import.</source>
        <translation>✔ 준비됨: 추가 {added}, 변경 {updated}, 그대로 {unchanged}, 삭제 {removed}. 가져오기를 누르기 전에는 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="349"/>
        <source>{rows} data rows read.</source>
        <translation>데이터 {rows}행을 읽었습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="361"/>
        <source>✔ Imported: {added} added, {updated} updated, {unchanged} unchanged, {removed} removed.</source>
        <translation>✔ 가져옴: 추가 {added}, 변경 {updated}, 그대로 {unchanged}, 삭제 {removed}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="374"/>
        <source>✖ {message}</source>
        <translation>✖ {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="378"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>취소됨: 아무것도 가져오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="396"/>
        <source>Choose a file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="398"/>
        <source>&amp;What the file holds:</source>
        <translation>파일 내용(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="400"/>
        <source>Roster (attendees)</source>
        <translation>참가자 명단</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="401"/>
        <source>Programme (rooms and sessions)</source>
        <translation>프로그램 (회의실과 세션)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="402"/>
        <source>Invitation lists</source>
        <translation>초청 명단</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="406"/>
        <source>What the file holds</source>
        <translation>파일 내용</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="407"/>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="408"/>
        <source>Columns of the file and what they become</source>
        <translation>파일의 열과 가져올 항목</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="409"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="410"/>
        <source>Preview of the rows, problems first marked</source>
        <translation>행 미리 보기 (문제 있는 행 표시)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="411"/>
        <source>Show only rows with problems</source>
        <translation>문제 있는 행만 보기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="413"/>
        <source>Progress of the check or import</source>
        <translation>확인 또는 가져오기 진행 상황</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="414"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="415"/>
        <source>Cancel the check or import</source>
        <translation>확인 또는 가져오기 취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="416"/>
        <source>Check again</source>
        <translation>다시 확인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="417"/>
        <source>Check the file again</source>
        <translation>파일 다시 확인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="418"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="419"/>
        <source>Import the checked file</source>
        <translation>확인한 파일 가져오기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/import_wizard_view.py" line="426"/>
        <source>Choose a CSV, XLSX or JSON file. Nothing is written until you confirm.</source>
        <translation>CSV, XLSX 또는 JSON 파일을 고르세요. 확인하기 전에는 아무것도 저장되지 않습니다.</translation>
    </message>
    <message>
        <source>Recognised as: {preset} ({name})</source>
        <translation>인식한 파일 종류: {preset} ({name})</translation>
    </message>
    <message>
        <source>Sheet: {sheet}</source>
        <translation>시트: {sheet}</translation>
    </message>
    <message>
        <source>{people} people with {tickets} ticket(s): {cancelled} cancelled, {pending} pending (not imported).</source>
        <translation>{people}명, 티켓 {tickets}장: 취소 {cancelled}장, 결제 대기 {pending}장(가져오지 않음).</translation>
    </message>
</context>
<context>
    <name>OrganiserLabels</name>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="13"/>
        <source>Participant</source>
        <translation>참가자</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="14"/>
        <source>Speaker</source>
        <translation>발표자</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="15"/>
        <source>Invited guest</source>
        <translation>초청 손님</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="16"/>
        <source>Staff</source>
        <translation>스태프</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="17"/>
        <source>Organiser</source>
        <translation>주최 측</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="18"/>
        <source>Interpreter</source>
        <translation>통역사</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="19"/>
        <source>Press</source>
        <translation>언론</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="20"/>
        <source>Volunteer</source>
        <translation>자원봉사자</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="27"/>
        <source>Registered</source>
        <translation>등록됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="28"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="34"/>
        <source>Invited guests and staff</source>
        <translation>초청자와 스태프만</translation>
    </message>
    <message>
        <source>{tickets} ticket holders</source>
        <translation>{tickets} 티켓 소지자</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="36"/>
        <source>Open</source>
        <translation>공개</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="42"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/labels.py" line="44"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
</context>
<context>
    <name>OrganiserScreen</name>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="142"/>
        <source>✖ This code is not a current badge of this event ({status}).</source>
        <translation>✖ 이 행사의 유효한 명찰 코드가 아닙니다 ({status}).</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="210"/>
        <source>&amp;1 Dashboard</source>
        <translation>&amp;1 현황판</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="211"/>
        <source>&amp;2 Roster</source>
        <translation>&amp;2 명단</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="212"/>
        <source>&amp;3 Programme and invitations</source>
        <translation>&amp;3 프로그램과 초청</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="213"/>
        <source>&amp;4 Import</source>
        <translation>&amp;4 가져오기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="214"/>
        <source>&amp;5 Reports and exports</source>
        <translation>&amp;5 보고서와 내보내기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="215"/>
        <source>&amp;6 Privacy</source>
        <translation>&amp;6 개인정보</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="216"/>
        <source>&amp;7 Sync</source>
        <translation>&amp;7 동기화</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="230"/>
        <source>&amp;3 Programme</source>
        <translation>&amp;3 프로그램</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="232"/>
        <source>&amp;5 Reports</source>
        <translation>&amp;5 보고서</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="220"/>
        <source>Organiser sections</source>
        <translation>주최 측 화면 구역</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="228"/>
        <source>Large text</source>
        <translation>큰 글자</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/screen_view.py" line="229"/>
        <source>Large text on or off</source>
        <translation>큰 글자 켜기/끄기</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="180"/>
        <source>Choose a person in the list</source>
        <translation>목록에서 사람을 고르세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="187"/>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="230"/>
        <source>Cancel registration</source>
        <translation>등록 취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="196"/>
        <source>(not printed on the badge)</source>
        <translation>(명찰에 인쇄하지 않음)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="202"/>
        <source>version {version}</source>
        <translation>{version}번째</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="204"/>
        <source>(earlier codes revoked)</source>
        <translation>(이전 코드 무효)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="206"/>
        <source>not issued yet</source>
        <translation>아직 발급 안 됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="208"/>
        <source>code from the registration system: {state}</source>
        <translation>등록 시스템 코드: {state}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="209"/>
        <source>revoked</source>
        <translation>무효</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="209"/>
        <source>valid</source>
        <translation>유효</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>{type} ···{tail} ({state})</source>
        <translation>{type} ···{tail} ({state})</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>티켓</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="215"/>
        <source>Not yet</source>
        <translation>아직 안 함</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/gui/organiser/person_view.py" line="217"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n회</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="222"/>
        <source>{session} (speaker)</source>
        <translation>{session} (발표자)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="230"/>
        <source>Restore registration</source>
        <translation>등록 복원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="242"/>
        <source>Drawing the badge…</source>
        <translation>명찰을 그리는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="270"/>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="400"/>
        <source>Badge preview</source>
        <translation>명찰 미리 보기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="275"/>
        <source>No preview: {message}</source>
        <translation>미리 보기 없음: {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="298"/>
        <source>Reissue the code</source>
        <translation>코드 재발급</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="299"/>
        <source>Give {name} a new code? Their current badge will stop working.</source>
        <translation>{name}님에게 새 코드를 발급할까요? 지금 명찰은 더 이상 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="310"/>
        <source>New code issued. Print the new badge: the old one no longer opens doors.</source>
        <translation>새 코드를 발급했습니다. 새 명찰을 인쇄하세요. 이전 명찰로는 입장할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="319"/>
        <source>Cancel the registration</source>
        <translation>등록 취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="320"/>
        <source>Cancel the registration of {name}? Their badge will be refused.</source>
        <translation>{name}님의 등록을 취소할까요? 명찰이 거부됩니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="331"/>
        <source>Registration cancelled.</source>
        <translation>등록을 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="331"/>
        <source>Registration restored.</source>
        <translation>등록을 복원했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="345"/>
        <source>Badge name saved.</source>
        <translation>명찰 이름을 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="356"/>
        <source>Badge queued for printing.</source>
        <translation>명찰 인쇄 대기 중입니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="357"/>
        <source>Printing the badge…</source>
        <translation>명찰 인쇄 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="358"/>
        <source>✔ Badge printed.</source>
        <translation>✔ 명찰을 인쇄했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="359"/>
        <source>✖ Printing failed: {message}</source>
        <translation>✖ 인쇄 실패: {message}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="373"/>
        <source>Registration</source>
        <translation>등록 번호</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="374"/>
        <source>Local name</source>
        <translation>현지어 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="375"/>
        <source>Organisation</source>
        <translation>소속</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="376"/>
        <source>Category</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="377"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="378"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="379"/>
        <source>Checked in</source>
        <translation>체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="380"/>
        <source>Badge printed</source>
        <translation>명찰 인쇄</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="381"/>
        <source>Invited to</source>
        <translation>초청된 세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="382"/>
        <source>Access needs</source>
        <translation>접근성 요구</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="387"/>
        <source>Print badge</source>
        <translation>명찰 인쇄</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="388"/>
        <source>Print this person&apos;s badge</source>
        <translation>이 사람의 명찰 인쇄</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="389"/>
        <source>Reissue code</source>
        <translation>코드 재발급</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="390"/>
        <source>Reissue this person&apos;s code (lost badge)</source>
        <translation>이 사람의 코드 재발급 (명찰 분실)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="391"/>
        <source>Name on the badge</source>
        <translation>명찰 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="392"/>
        <source>&amp;Family name</source>
        <translation>성(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="393"/>
        <source>&amp;Given name</source>
        <translation>이름(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="394"/>
        <source>&amp;Local script</source>
        <translation>현지어 표기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="395"/>
        <source>Family name on the badge</source>
        <translation>명찰의 성</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="396"/>
        <source>Given name on the badge</source>
        <translation>명찰의 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="397"/>
        <source>Name in local script on the badge</source>
        <translation>명찰의 현지어 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="398"/>
        <source>Save name</source>
        <translation>이름 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/person_view.py" line="399"/>
        <source>Save the name on the badge</source>
        <translation>명찰 이름 저장</translation>
    </message>
</context>
<context>
    <name>PrivacyView</name>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="121"/>
        <source>Personal data was purged on {when}.</source>
        <translation>{when}에 개인정보를 파기했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="123"/>
        <source>This database holds no personal data of attendees.</source>
        <translation>이 데이터베이스에는 참가자 개인정보가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="126"/>
        <source>This database holds personal data of {count} people.</source>
        <translation>이 데이터베이스에 {count}명의 개인정보가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="131"/>
        <source>⚠ No retention date is set: set one below.</source>
        <translation>⚠ 보관 기한이 정해지지 않았습니다. 아래에서 정하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="135"/>
        <source>⚠ The retention date {day} has passed: purge the personal data now.</source>
        <translation>⚠ 보관 기한 {day}이(가) 지났습니다. 지금 개인정보를 파기하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="140"/>
        <source>Keep it until {day} ({days} days left), then purge it.</source>
        <translation>{day}까지 보관한 뒤 파기하세요 ({days}일 남음).</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="149"/>
        <source>Retention date saved.</source>
        <translation>보관 기한을 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="163"/>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="232"/>
        <source>Purge personal data</source>
        <translation>개인정보 파기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="165"/>
        <source>Delete every name, organisation, e-mail hash and access need for good? Counts and reports stay; this cannot be undone.</source>
        <translation>모든 이름, 소속, 이메일 해시, 접근성 요구를 영구히 삭제할까요? 인원 집계와 보고서는 남습니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="194"/>
        <source>Purging… do not close the window.</source>
        <translation>파기 중… 창을 닫지 마세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="205"/>
        <source>✔ Personal data of {count} registrations deleted; counts kept. Delete exports and bundles that left this machine too.</source>
        <translation>✔ 등록 {count}건의 개인정보를 삭제했고 집계는 남았습니다. 이 컴퓨터 밖으로 나간 내보내기 파일과 번들도 삭제하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="227"/>
        <source>Retention</source>
        <translation>보관</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="228"/>
        <source>&amp;Keep personal data until</source>
        <translation>개인정보 보관 기한(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="229"/>
        <source>Retention date</source>
        <translation>보관 기한</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="230"/>
        <source>Save date</source>
        <translation>날짜 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="231"/>
        <source>Save the retention date</source>
        <translation>보관 기한 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="235"/>
        <source>Deletes names (both scripts), organisations, titles, countries, e-mail hashes, access needs, codes from other systems and override texts; replaces registration ids with random pseudonyms. Check-ins, sessions and counts stay, so reports still add up. The file and its log are rewritten so nothing is left behind. Needs the organiser PIN.</source>
        <translation>이름(두 표기 모두), 소속, 직함, 국가, 이메일 해시, 접근성 요구, 다른 시스템의 코드, 예외 입장 사유를 삭제하고 등록 번호를 무작위 가명으로 바꿉니다. 체크인, 세션, 집계는 남으므로 보고서 수치는 그대로입니다. 파일과 로그를 다시 써서 아무것도 남기지 않습니다. 주최 측 PIN이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="242"/>
        <source>I understand this cannot be undone</source>
        <translation>되돌릴 수 없음을 이해했습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="244"/>
        <source>Purge personal data…</source>
        <translation>개인정보 파기…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/privacy_view.py" line="245"/>
        <source>Purge personal data now</source>
        <translation>지금 개인정보 파기</translation>
    </message>
</context>
<context>
    <name>ProgrammeModels</name>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="129"/>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="130"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="131"/>
        <source>Room</source>
        <translation>회의실</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="132"/>
        <source>Session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="133"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="134"/>
        <source>Access</source>
        <translation>입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="135"/>
        <source>Capacity</source>
        <translation>정원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="136"/>
        <source>Speakers</source>
        <translation>발표자</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="137"/>
        <source>Invited</source>
        <translation>초청</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_models.py" line="161"/>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="219"/>
        <source>Choose a session to see and edit its invitation list.</source>
        <translation>세션을 고르면 초청 명단을 보고 고칠 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="232"/>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="234"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n명</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="237"/>
        <source>Access: {access} · Capacity: {capacity}</source>
        <translation>입장: {access} · 정원: {capacity}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="243"/>
        <source>Interpretation: {languages}</source>
        <translation>통역: {languages}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="246"/>
        <source>Speakers: {speakers}</source>
        <translation>발표자: {speakers}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="251"/>
        <source>This session is open to everyone: its invitation list does not restrict the door.</source>
        <translation>누구나 입장할 수 있는 세션입니다. 초청 명단으로 입장을 제한하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="265"/>
        <source>Invitation list ({count})</source>
        <translation>초청 명단 ({count}명)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="296"/>
        <source>✔ {person} invited to {session}.</source>
        <translation>✔ {person}님을 {session}에 초청했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="298"/>
        <source>{person} is already on the list of {session}.</source>
        <translation>{person}님은 이미 {session} 초청 명단에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="314"/>
        <source>{person} removed from the list of {session}.</source>
        <translation>{person}님을 {session} 초청 명단에서 뺐습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="337"/>
        <source>All days</source>
        <translation>모든 날짜</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="339"/>
        <source>All rooms</source>
        <translation>모든 회의실</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="342"/>
        <source>&amp;Day</source>
        <translation>날짜(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="343"/>
        <source>&amp;Room</source>
        <translation>회의실(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="344"/>
        <source>Day</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="345"/>
        <source>Room</source>
        <translation>회의실</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="347"/>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="348"/>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="361"/>
        <source>Invitation list</source>
        <translation>초청 명단</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="349"/>
        <source>Remove from list</source>
        <translation>명단에서 빼기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="350"/>
        <source>Remove the chosen person from the list</source>
        <translation>선택한 사람을 명단에서 빼기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="351"/>
        <source>Import a list…</source>
        <translation>명단 가져오기…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="352"/>
        <source>Import invitation lists from a file</source>
        <translation>파일에서 초청 명단 가져오기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="353"/>
        <source>Invite someone</source>
        <translation>초청하기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="354"/>
        <source>Name or registration</source>
        <translation>이름 또는 등록 번호</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="355"/>
        <source>Find a person to invite</source>
        <translation>초청할 사람 찾기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="356"/>
        <source>People found</source>
        <translation>찾은 사람</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="357"/>
        <source>Invite</source>
        <translation>초청</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/programme_view.py" line="358"/>
        <source>Invite the chosen person</source>
        <translation>선택한 사람 초청</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="128"/>
        <source>Import the programme first: there are no days yet.</source>
        <translation>먼저 프로그램을 가져오세요. 아직 날짜가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="131"/>
        <source>Save the day report</source>
        <translation>일일 보고서 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="131"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="140"/>
        <source>Save the export</source>
        <translation>내보내기 저장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="142"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>엑셀 통합 문서 (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="165"/>
        <source>Making the day report…</source>
        <translation>일일 보고서를 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="181"/>
        <source>Writing the export…</source>
        <translation>내보내기 파일을 쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="211"/>
        <source>✔ Day report written: {pages} page(s), {path}</source>
        <translation>✔ 일일 보고서 저장: {pages}쪽, {path}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="215"/>
        <source>✔ {rows} row(s) written to {path}</source>
        <translation>✔ {rows}행을 {path}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="227"/>
        <source>Cancelled: no file was written.</source>
        <translation>취소됨: 파일을 쓰지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="253"/>
        <source>Day report (PDF)</source>
        <translation>일일 보고서 (PDF)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="256"/>
        <source>Arrivals over time, attendance per session, capacity peaks, no-shows, and badges printed against registrations, in English and Korean.</source>
        <translation>시간대별 도착, 세션별 참석, 정원 대비 최대 인원, 미참석, 등록 대비 명찰 출력을 영어와 한국어로 담습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="260"/>
        <source>&amp;Day</source>
        <translation>날짜(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="261"/>
        <source>Day of the report</source>
        <translation>보고서 날짜</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="262"/>
        <source>Make the day report…</source>
        <translation>일일 보고서 만들기…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="263"/>
        <source>Make the day report as a PDF</source>
        <translation>일일 보고서를 PDF로 만들기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="264"/>
        <source>Exports (CSV or Excel)</source>
        <translation>내보내기 (CSV 또는 엑셀)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="267"/>
        <source>Cells that a spreadsheet would run as formulas are written as text. Exports hold names: delete them when the retention period ends.</source>
        <translation>스프레드시트가 수식으로 실행할 수 있는 셀은 글자로 저장합니다. 내보낸 파일에는 이름이 있으니 보관 기한이 끝나면 삭제하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="271"/>
        <source>Export attendance…</source>
        <translation>참석 기록 내보내기…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="272"/>
        <source>Export who entered which session</source>
        <translation>누가 어느 세션에 입장했는지 내보내기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="273"/>
        <source>Export the audit log…</source>
        <translation>감사 기록 내보내기…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="274"/>
        <source>Export door overrides and code reissues</source>
        <translation>예외 입장과 코드 재발급 기록 내보내기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="275"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="276"/>
        <source>Cancel writing the file</source>
        <translation>파일 쓰기 취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="277"/>
        <source>Open the file</source>
        <translation>파일 열기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="278"/>
        <source>Open the file just written</source>
        <translation>방금 쓴 파일 열기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/reports_view.py" line="279"/>
        <source>Progress</source>
        <translation>진행 상황</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="279"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="280"/>
        <source>Local name</source>
        <translation>현지어 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="281"/>
        <source>Registration</source>
        <translation>등록 번호</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="282"/>
        <source>Organisation</source>
        <translation>소속</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="283"/>
        <source>Category</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="284"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="285"/>
        <source>Checked in</source>
        <translation>체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="286"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="312"/>
        <source>✔ Checked in</source>
        <translation>✔ 체크인함</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="314"/>
        <source>Not yet</source>
        <translation>아직 안 함</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="318"/>
        <source>v{version}</source>
        <translation>{version}번째</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_model.py" line="320"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="142"/>
        <source>Loading the roster…</source>
        <translation>명단을 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="198"/>
        <source>{shown} of {total} people</source>
        <translation>{total}명 중 {shown}명</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="257"/>
        <source>Search: name, registration or organisation</source>
        <translation>검색: 이름, 등록 번호 또는 소속</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="258"/>
        <source>Search the roster</source>
        <translation>명단 검색</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="259"/>
        <source>All categories</source>
        <translation>모든 구분</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="262"/>
        <source>Category filter</source>
        <translation>구분 필터</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="263"/>
        <source>Any status</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="264"/>
        <source>Registered</source>
        <translation>등록됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="265"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="266"/>
        <source>Status filter</source>
        <translation>상태 필터</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="267"/>
        <source>Checked in: any</source>
        <translation>체크인: 전체</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="268"/>
        <source>Checked in</source>
        <translation>체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="269"/>
        <source>Not checked in</source>
        <translation>체크인 안 함</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="270"/>
        <source>Check-in filter</source>
        <translation>체크인 필터</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="271"/>
        <source>Register a walk-in…</source>
        <translation>현장 등록…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="272"/>
        <source>Register a walk-in at the desk</source>
        <translation>안내 데스크에서 현장 등록</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="273"/>
        <source>Reload</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="274"/>
        <source>Reload the roster</source>
        <translation>명단 새로 고침</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/roster_view.py" line="275"/>
        <source>Roster</source>
        <translation>명단</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="119"/>
        <source>Enter a family name or a given name.</source>
        <translation>성이나 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="121"/>
        <source>This is not an e-mail address.</source>
        <translation>이메일 주소가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="130"/>
        <source>Register a walk-in</source>
        <translation>현장 등록</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="132"/>
        <source>&amp;Family name</source>
        <translation>성(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="133"/>
        <source>&amp;Given name</source>
        <translation>이름(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="134"/>
        <source>Name in &amp;local script</source>
        <translation>현지어 이름(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="135"/>
        <source>&amp;Organisation</source>
        <translation>소속(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="136"/>
        <source>&amp;Title</source>
        <translation>직함(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="137"/>
        <source>C&amp;ountry</source>
        <translation>국가(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="142"/>
        <source>&amp;Category</source>
        <translation>구분(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="143"/>
        <source>Category</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="146"/>
        <source>&amp;E-mail (stored only as a hash)</source>
        <translation>이메일(&amp;E) (해시로만 저장)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="147"/>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="148"/>
        <source>Kiosk &amp;language</source>
        <translation>키오스크 언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="149"/>
        <source>Kiosk language</source>
        <translation>키오스크 언어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="150"/>
        <source>Not set</source>
        <translation>정하지 않음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="151"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="152"/>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="153"/>
        <source>Leave organisation and country off the badge</source>
        <translation>명찰에 소속과 국가를 인쇄하지 않음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="155"/>
        <source>Print the badge now</source>
        <translation>지금 명찰 인쇄</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="158"/>
        <source>Register, issue and print</source>
        <translation>등록, 발급, 인쇄</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/organiser/walkin_view.py" line="162"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
</TS>

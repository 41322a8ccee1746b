<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>DirectionSwitch</name>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="84"/>
        <source>Scanning direction</source>
        <translation>스캔 방향</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="85"/>
        <source>Use the arrow keys to switch between entry and exit</source>
        <translation>화살표 키로 입장과 퇴장을 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="86"/>
        <source>Count people coming in</source>
        <translation>들어오는 사람을 셉니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="87"/>
        <source>Count people leaving the room</source>
        <translation>회의실을 나가는 사람을 셉니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="92"/>
        <source>➜ Entry</source>
        <translation>➜ 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="93"/>
        <source>⬅ Exit</source>
        <translation>⬅ 퇴장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="97"/>
        <source>selected</source>
        <translation>선택됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="98"/>
        <source>not selected</source>
        <translation>선택 안 됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="99"/>
        <source>Entry scanning</source>
        <translation>입장 스캔</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="100"/>
        <source>Exit scanning</source>
        <translation>퇴장 스캔</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="102"/>
        <source>Scans count people coming in ({state})</source>
        <translation>스캔하면 들어오는 사람으로 셉니다 ({state})</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/direction_view.py" line="107"/>
        <source>Scans count people leaving the room ({state})</source>
        <translation>스캔하면 회의실을 나가는 사람으로 셉니다 ({state})</translation>
    </message>
</context>
<context>
    <name>DoorHeader</name>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="158"/>
        <source>&amp;Room</source>
        <translation>회의실(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="159"/>
        <source>&amp;Session</source>
        <translation>세션(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="160"/>
        <source>Room this door serves</source>
        <translation>이 출입구의 회의실</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="162"/>
        <source>Choosing a room picks its session running now or next</source>
        <translation>회의실을 고르면 지금 진행 중이거나 다음에 시작하는 세션이 선택됩니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="164"/>
        <source>Session this door serves</source>
        <translation>이 출입구의 세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="166"/>
        <source>Scans are judged for this session until you change it</source>
        <translation>바꾸기 전까지 모든 스캔은 이 세션을 기준으로 판정됩니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="173"/>
        <source>{language} (change language)</source>
        <translation>{language} (언어 변경)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="176"/>
        <source>Switch the screen between Korean and English</source>
        <translation>화면 언어를 한국어와 영어 사이에서 바꿉니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="186"/>
        <source>Door of room {room}: no session</source>
        <translation>{room} 회의실 출입구: 세션 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="188"/>
        <source>There is no session in this room.</source>
        <translation>이 회의실에는 세션이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="191"/>
        <source>Door of room {room}: {title}</source>
        <translation>{room} 회의실 출입구: {title}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="196"/>
        <source>Invited guests, speakers and staff only</source>
        <translation>초청자, 연사, 스태프만 입장</translation>
    </message>
    <message>
        <source>For {tickets} ticket holders</source>
        <translation>{tickets} 티켓 소지자 전용</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="198"/>
        <source>Open to all participants</source>
        <translation>모든 참가자 입장 가능</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="200"/>
        <source>no capacity limit</source>
        <translation>정원 제한 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/header_view.py" line="202"/>
        <source>capacity {capacity}</source>
        <translation>정원 {capacity}명</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="231"/>
        <source>Admit anyway…</source>
        <translation>예외 입장…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="237"/>
        <source>Admit anyway: {name}…</source>
        <translation>예외 입장: {name}…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="232"/>
        <source>Admit anyway</source>
        <translation>예외 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="238"/>
        <source>Admit anyway: {name}</source>
        <translation>예외 입장: {name}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="241"/>
        <source>After a refusal for the invitation list, a full room or the time, staff may admit the person with a written reason</source>
        <translation>초청 명단, 정원 초과, 입장 시간 때문에 거절된 경우 스태프가 사유를 적고 입장시킬 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="297"/>
        <source>Last sync: never</source>
        <translation>마지막 동기화: 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="302"/>
        <source>Last sync: {time}</source>
        <translation>마지막 동기화: {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="304"/>
        <source>{count} waiting to be sent</source>
        <translation>전송 대기 {count}건</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="330"/>
        <source>Door screen</source>
        <translation>출입구 화면</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/screen_view.py" line="331"/>
        <source>Staff tools</source>
        <translation>스태프 도구</translation>
    </message>
</context>
<context>
    <name>DoorVerdict</name>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="63"/>
        <source>ADMIT</source>
        <translation>입장 가능</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="65"/>
        <source>WELCOME BACK</source>
        <translation>재입장 환영</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="67"/>
        <source>EXIT RECORDED</source>
        <translation>퇴장 기록됨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="69"/>
        <source>NOT ADMITTED</source>
        <translation>입장 불가</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="70"/>
        <source>Ready to scan</source>
        <translation>스캔 대기 중</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="76"/>
        <source>Admitted anyway</source>
        <translation>예외 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="78"/>
        <source>Admitted</source>
        <translation>입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="79"/>
        <source>Welcome back</source>
        <translation>재입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="80"/>
        <source>Exit</source>
        <translation>퇴장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="81"/>
        <source>Unknown code</source>
        <translation>미등록 코드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="82"/>
        <source>Invalid code</source>
        <translation>잘못된 코드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="83"/>
        <source>Replaced badge</source>
        <translation>교체된 명찰</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="84"/>
        <source>Cancelled</source>
        <translation>취소된 등록</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="85"/>
        <source>Not invited</source>
        <translation>초청 명단 외</translation>
    </message>
    <message>
        <source>No ticket for this</source>
        <translation>해당 티켓 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="86"/>
        <source>Room full</source>
        <translation>정원 초과</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="87"/>
        <source>Too early</source>
        <translation>입장 시간 전</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="88"/>
        <source>Session over</source>
        <translation>세션 종료</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="89"/>
        <source>No session</source>
        <translation>세션 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="132"/>
        <source>Admitted anyway by staff: {reason}</source>
        <translation>스태프 예외 입장: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="149"/>
        <source>Exit scanning: scan the badges of people leaving the room.</source>
        <translation>퇴장 스캔: 회의실을 나가는 분의 명찰을 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="153"/>
        <source>Entry: scan a badge or a phone screen.</source>
        <translation>입장: 명찰이나 휴대전화 화면을 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="172"/>
        <source>NOT RECORDED</source>
        <translation>기록되지 않음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/presentation.py" line="174"/>
        <source>This scan could not be saved. Please scan again or call the organisers.</source>
        <translation>이 스캔을 저장하지 못했습니다. 다시 스캔하거나 주최 측에 연락해 주세요.</translation>
    </message>
    <message>
        <source>ALREADY INSIDE</source>
        <translation>이미 입장함</translation>
    </message>
    <message>
        <source>NOT READ</source>
        <translation>읽지 못함</translation>
    </message>
    <message>
        <source>The scanner ended the code with Tab instead of Enter, so nothing was checked in. Scan again; if this repeats, set the scanner to end each code with Enter.</source>
        <translation>스캐너가 코드 끝에 엔터(Enter) 대신 탭(Tab)을 보내서 아무것도 체크인되지 않았습니다. 다시 스캔해 주세요. 계속 그러면 스캐너가 코드마다 엔터(Enter)로 끝나도록 설정해 주세요.</translation>
    </message>
    <message>
        <source>The code arrived without its closing Enter, so nothing was checked in. Scan again; if this repeats, set the scanner to end each code with Enter.</source>
        <translation>코드 끝의 엔터(Enter)가 오지 않아서 아무것도 체크인되지 않았습니다. 다시 스캔해 주세요. 계속 그러면 스캐너가 코드마다 엔터(Enter)로 끝나도록 설정해 주세요.</translation>
    </message>
    <message>
        <source>That was too short to be a badge code, so nothing was checked in and the door did not change. To serve another room or session, click its box.</source>
        <translation>명찰 코드로 보기에는 너무 짧아서 아무것도 체크인되지 않았고 출입구 설정도 바뀌지 않았습니다. 다른 회의실이나 세션으로 바꾸려면 해당 상자를 누르세요.</translation>
    </message>
    <message>
        <source>Already inside</source>
        <translation>이미 입장함</translation>
    </message>
    <message>
        <source>Already inside since {time}: check that the badge is theirs.</source>
        <translation>{time}부터 이미 입장해 있습니다. 본인의 명찰인지 확인해 주세요.</translation>
    </message>
</context>
<context>
    <name>LookupView</name>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="121"/>
        <source>Type at least two letters of a name, then press Enter.</source>
        <translation>이름을 두 글자 이상 입력한 뒤 엔터 키를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="123"/>
        <source>Nobody found. Check the spelling or try the other name.</source>
        <translation>찾는 분이 없습니다. 철자를 확인하거나 다른 이름으로 찾아 보세요.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/gui/door/lookup_view.py" line="125"/>
        <source>%n people found: choose one and press Enter.</source>
        <translation>
            <numerusform>%n명을 찾았습니다. 한 분을 고르고 엔터 키를 누르세요.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="134"/>
        <source>Find by &amp;name (staff)</source>
        <translation>이름으로 찾기(&amp;N) (스태프용)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="135"/>
        <source>Family or given name</source>
        <translation>성 또는 이름</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="137"/>
        <source>Find by name (staff)</source>
        <translation>이름으로 찾기 (스태프용)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="139"/>
        <source>For someone without a badge: type a name and press Enter</source>
        <translation>명찰이 없는 분을 위한 기능: 이름을 입력하고 엔터 키를 누르세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="141"/>
        <source>Search</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="142"/>
        <source>Search by name</source>
        <translation>이름으로 찾기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="143"/>
        <source>People found</source>
        <translation>찾은 사람</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="145"/>
        <source>Choose a person with the arrow keys and press Enter to check them in</source>
        <translation>화살표 키로 한 분을 고르고 엔터 키를 누르면 체크인합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="147"/>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="148"/>
        <source>Check in at this door</source>
        <translation>이 출입구에서 체크인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/lookup_view.py" line="150"/>
        <source>Judges the chosen person for this door&apos;s session, as a scan would</source>
        <translation>선택한 분을 스캔과 같은 기준으로 이 출입구의 세션에 대해 판정합니다</translation>
    </message>
    <message>
        <source>Type at least two letters of a name: people found appear here.</source>
        <translation>이름을 두 글자 이상 입력하세요. 찾은 분이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>For someone without a badge: type a name; the list follows as you type</source>
        <translation>명찰이 없는 분: 이름을 입력하면 입력하는 대로 목록이 바뀝니다</translation>
    </message>
</context>
<context>
    <name>OccupancyView</name>
    <message>
        <location filename="../../kiosk/gui/door/occupancy_view.py" line="61"/>
        <source>People inside</source>
        <translation>입장 인원</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/occupancy_view.py" line="64"/>
        <source>{inside} inside · no limit</source>
        <translation>{inside}명 입장 · 제한 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/occupancy_view.py" line="65"/>
        <source>{inside} people inside; this room has no capacity limit</source>
        <translation>현재 {inside}명 입장; 이 회의실은 정원 제한이 없습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/occupancy_view.py" line="71"/>
        <source>{inside} people inside of a capacity of {capacity}</source>
        <translation>정원 {capacity}명 중 {inside}명 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/occupancy_view.py" line="75"/>
        <source>■ Room full: admissions stop until someone leaves</source>
        <translation>■ 정원 초과: 누군가 나갈 때까지 입장이 멈춥니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/occupancy_view.py" line="77"/>
        <source>▲ Nearly full: {left} places left</source>
        <translation>▲ 거의 가득 참: {left}자리 남음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/occupancy_view.py" line="82"/>
        <source>Occupancy</source>
        <translation>입장 인원 현황</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="81"/>
        <location filename="../../kiosk/gui/door/override_view.py" line="92"/>
        <location filename="../../kiosk/gui/door/override_view.py" line="93"/>
        <source>Admit anyway</source>
        <translation>예외 입장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="83"/>
        <source>{name} was not admitted: {refusal}
Admit this person anyway?</source>
        <translation>{name} 님은 입장이 거절되었습니다: {refusal}
그래도 입장시키겠습니까?</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="87"/>
        <source>&amp;Reason (required, recorded in the log)</source>
        <translation>사유(&amp;R) (필수, 기록에 남습니다)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="88"/>
        <source>e.g. speaker&apos;s guest, approved by the organisers</source>
        <translation>예: 연사의 동행인, 주최 측 승인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="89"/>
        <source>Reason for admitting anyway</source>
        <translation>예외 입장 사유</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="90"/>
        <source>Required. It is recorded with the admission.</source>
        <translation>필수 항목입니다. 입장 기록과 함께 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="91"/>
        <source>The admission and its reason are recorded in the log.</source>
        <translation>입장과 그 사유는 기록에 남습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="94"/>
        <source>Available once a reason is written</source>
        <translation>사유를 입력하면 누를 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="95"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/override_view.py" line="96"/>
        <source>Cancel: do not admit</source>
        <translation>취소: 입장시키지 않음</translation>
    </message>
</context>
<context>
    <name>PersonMatchModel</name>
    <message>
        <location filename="../../kiosk/gui/door/lookup_model.py" line="63"/>
        <source>cancelled</source>
        <translation>등록 취소됨</translation>
    </message>
</context>
<context>
    <name>RecentScansView</name>
    <message>
        <location filename="../../kiosk/gui/door/recent_view.py" line="39"/>
        <location filename="../../kiosk/gui/door/recent_view.py" line="40"/>
        <source>Last ten scans</source>
        <translation>최근 스캔 10건</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/door/recent_view.py" line="42"/>
        <source>Newest first: time, name and what the door said</source>
        <translation>최신 순: 시간, 이름, 출입구 판정</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../kiosk/gui/door/verdict_view.py" line="127"/>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
</context>
</TS>

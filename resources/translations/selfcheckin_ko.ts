<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="71" />
        <source>Is this you?</source>
        <translation>본인이 맞습니까?</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="78" />
        <source>If this is you, your check-in is recorded and your badge is printed.</source>
        <translation>본인이 맞으면 체크인이 기록되고 명찰이 인쇄됩니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="80" />
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="83" />
        <source>Yes, print my badge</source>
        <translation>네, 명찰을 인쇄해 주세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="84" />
        <source>Confirms that this is you, checks you in and prints your badge</source>
        <translation>본인임을 확인하고 체크인한 뒤 명찰을 인쇄합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="86" />
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="89" />
        <source>This is not me</source>
        <translation>본인이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/confirm_view.py" line="90" />
        <source>Goes back to the start; nothing is recorded</source>
        <translation>처음 화면으로 돌아갑니다. 아무것도 기록되지 않습니다</translation>
    </message>
</context>
<context>
    <name>FindYourselfPage</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="202" />
        <source>Find your registration</source>
        <translation>등록 정보 찾기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="205" />
        <source>Give two facts from your registration. The kiosk shows only the registration that matches both.</source>
        <translation>등록하신 정보 두 가지를 입력해 주세요. 두 가지가 모두 맞는 등록만 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="212" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="232" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="235" />
        <source>Registration number</source>
        <translation>등록번호</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="216" />
        <source>Use my registration number</source>
        <translation>등록번호로 찾기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="217" />
        <source>Find me by my registration number and family name</source>
        <translation>등록번호와 성으로 찾습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="219" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="244" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="247" />
        <source>E-mail address</source>
        <translation>이메일 주소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="222" />
        <source>Use my e-mail address</source>
        <translation>이메일 주소로 찾기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="223" />
        <source>Find me by my family name and the e-mail address I registered with</source>
        <translation>성과 등록하신 이메일 주소로 찾습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="225" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="228" />
        <source>Family name</source>
        <translation>성</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="229" />
        <source>Your family name as registered, in Latin letters or Hangul</source>
        <translation>등록하신 성 (로마자 또는 한글)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="236" />
        <source>The registration number from your confirmation e-mail</source>
        <translation>확인 이메일에 있는 등록번호</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="248" />
        <source>The e-mail address you registered with</source>
        <translation>등록하신 이메일 주소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="253" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="270" />
        <source>Find me</source>
        <translation>찾기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="255" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="258" />
        <source>Hide keyboard</source>
        <translation>키보드 닫기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="259" />
        <source>Hides the keys on the screen</source>
        <translation>화면의 자판을 닫습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="262" />
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="265" />
        <source>Keyboard</source>
        <translation>키보드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="266" />
        <source>Shows keys on the screen to type your details with</source>
        <translation>화면에 자판을 보여 줍니다. 자판으로 정보를 입력할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="271" />
        <source>Look for the registration with these two facts</source>
        <translation>입력한 두 가지 정보로 등록을 찾습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="283" />
        <source>We could not find a registration with these details. Please check them, or ask the staff. You can try again in {seconds} seconds.</source>
        <translation>입력하신 정보와 일치하는 등록을 찾을 수 없습니다. 다시 확인하시거나 스태프에게 문의해 주세요. {seconds}초 후에 다시 시도할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="288" />
        <source>We could not find a registration with these details. Please check or ask the staff.</source>
        <translation>입력하신 정보와 일치하는 등록을 찾을 수 없습니다. 다시 확인하시거나 스태프에게 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/find_view.py" line="292" />
        <source>Please fill in both fields.</source>
        <translation>두 칸을 모두 입력해 주세요.</translation>
    </message>
    <message>
        <source>Type your registration number with the number keys and press Enter, then choose your family name. Or type your family name too.</source>
        <translation>숫자 키로 등록 번호를 입력하고 엔터 키를 누른 다음, 성을 고르세요. 성을 직접 입력하셔도 됩니다.</translation>
    </message>
    <message>
        <source>Which is your family name?</source>
        <translation>본인의 성(姓)을 고르세요</translation>
    </message>
    <message>
        <source>Choose this if it is your family name</source>
        <translation>본인의 성이면 이것을 고르세요</translation>
    </message>
    <message>
        <source>Family name choice {number}</source>
        <translation>성 선택지 {number}</translation>
    </message>
</context>
<context>
    <name>IdleWarningBar</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="186" />
        <source>Are you still there?</source>
        <translation>아직 이용 중이신가요?</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="189" />
        <source>To protect your privacy, the kiosk goes back to the start in {seconds} seconds.</source>
        <translation>개인정보 보호를 위해 {seconds}초 후 처음 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="192" />
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="195" />
        <source>More time</source>
        <translation>시간 연장</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="196" />
        <source>Keeps this screen for you</source>
        <translation>이 화면을 계속 사용합니다</translation>
    </message>
</context>
<context>
    <name>KioskSpeech</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/widgets.py" line="201" />
        <source>{choice}, on</source>
        <translation>{choice}, 켜짐</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/widgets.py" line="213" />
        <source>Choices: {choices}.</source>
        <translation>선택할 수 있는 항목: {choices}.</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="85" />
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="88" />
        <source>Home</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="89" />
        <source>Back to the first screen; what was shown about you is cleared</source>
        <translation>첫 화면으로 돌아갑니다. 화면에 표시된 내 정보는 지워집니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="91" />
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="94" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="95" />
        <source>Stops and clears everything, for the next person</source>
        <translation>모두 멈추고 지웁니다. 다음 분을 위해 초기화됩니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="97" />
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="100" />
        <source>Call staff</source>
        <translation>직원 호출</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="101" />
        <source>Asks a staff member to come and help you</source>
        <translation>직원이 와서 도와드리도록 요청합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="104" />
        <source>Voice</source>
        <translation>음성 안내</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="107" />
        <source>Voice guidance</source>
        <translation>음성 안내</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="108" />
        <source>Speaks every screen aloud; on a keypad, press 0</source>
        <translation>모든 화면을 소리 내어 읽어 줍니다. 키패드에서는 0을 누르세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="114" />
        <source>{language}: change language</source>
        <translation>{language}: 언어 바꾸기</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation type="vanished">언어 바꾸기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="115" />
        <source>Shows the kiosk in English</source>
        <translation>키오스크를 영어로 표시합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="117" />
        <source>Shows the kiosk in Korean</source>
        <translation>키오스크를 한국어로 표시합니다</translation>
    </message>
</context>
<context>
    <name>PrintingPage</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="102" />
        <source>Your badge could not be printed</source>
        <translation>명찰을 인쇄하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="103" />
        <source>You are checked in.</source>
        <translation>체크인되었습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="107" />
        <source>Please ask the staff at the information desk. When the printer is ready again, press Retry.</source>
        <translation>안내 데스크의 스태프에게 문의해 주세요. 프린터가 준비되면 ‘다시 시도’를 눌러 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="112" />
        <source>For the staff: {detail}</source>
        <translation>스태프 참고: {detail}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="115" />
        <source>Printing your badge…</source>
        <translation>명찰을 인쇄하고 있습니다…</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="117" />
        <source>You are checked in. Please wait by the printer; this takes a moment.</source>
        <translation>체크인되었습니다. 프린터 옆에서 잠시 기다려 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="124" />
        <source>Printing progress</source>
        <translation>인쇄 진행 상황</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="125" />
        <source>{percent} percent done</source>
        <translation>{percent}퍼센트 완료</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="127" />
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="129" />
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="129" />
        <source>Tries to print your badge again</source>
        <translation>명찰 인쇄를 다시 시도합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="131" />
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="134" />
        <source>Continue without badge</source>
        <translation>명찰 없이 계속</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="135" />
        <source>Shows your sessions today; the information desk prints your badge</source>
        <translation>오늘의 세션을 보여 드립니다. 명찰은 안내 데스크에서 인쇄해 드립니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="140" />
        <source>The badge printer is paused.</source>
        <translation>명찰 프린터가 일시 정지되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="141" />
        <source>The badge printer is out of paper.</source>
        <translation>명찰 프린터에 용지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="142" />
        <source>The badge printer has a paper jam.</source>
        <translation>명찰 프린터에 용지가 걸렸습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="143" />
        <source>The badge printer is switched off or not connected.</source>
        <translation>명찰 프린터가 꺼져 있거나 연결되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="144" />
        <source>The badge printer is not taking print jobs.</source>
        <translation>명찰 프린터가 인쇄 작업을 받지 않고 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="145" />
        <source>The badge printer reports an error.</source>
        <translation>명찰 프린터에 오류가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="146" />
        <source>The badge printer of this kiosk cannot be found.</source>
        <translation>이 키오스크의 명찰 프린터를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="148" />
        <source>The printing service of this kiosk is not running.</source>
        <translation>이 키오스크의 인쇄 서비스가 실행되고 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="150" />
        <source>The printer did not finish the badge.</source>
        <translation>프린터가 명찰 인쇄를 마치지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/printing_view.py" line="153" />
        <source>Something went wrong while printing.</source>
        <translation>인쇄 중에 문제가 생겼습니다.</translation>
    </message>
</context>
<context>
    <name>RefusalPage</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/refusal_view.py" line="74" />
        <source>Information</source>
        <translation>안내</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/refusal_view.py" line="75" />
        <source>We cannot check you in here</source>
        <translation>여기에서는 체크인할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/refusal_view.py" line="85" />
        <location filename="../../kiosk/gui/selfcheckin/refusal_view.py" line="88" />
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/refusal_view.py" line="89" />
        <source>Ends your visit at the kiosk; the staff at the information desk can help</source>
        <translation>키오스크 이용을 마칩니다. 안내 데스크의 스태프가 도와드립니다</translation>
    </message>
</context>
<context>
    <name>SelfCheckinScreen</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/screen_view.py" line="236" />
        <source>on</source>
        <translation>켜짐</translation>
    </message>
</context>
<context>
    <name>StaffCalledBanner</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="143" />
        <source>A staff member has been called. Please wait here.</source>
        <translation>직원을 호출했습니다. 이곳에서 잠시 기다려 주세요.</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="294" />
        <source>Last sync: never</source>
        <translation>마지막 동기화: 없음</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="296" />
        <source>Last sync: {time}</source>
        <translation>마지막 동기화: {time}</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="298" />
        <source>{count} waiting to be sent</source>
        <translation>보낼 기록 {count}건 대기 중</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="92" />
        <source>Your badge is printed. Please take it from the printer.</source>
        <translation>명찰이 인쇄되었습니다. 프린터에서 가져가 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="97" />
        <source>This kiosk has no badge printer. Please collect your badge at the information desk.</source>
        <translation>이 키오스크에는 명찰 프린터가 없습니다. 안내 데스크에서 명찰을 받아 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="104" />
        <source>Your badge was printed before. If you need a new one, please ask at the information desk.</source>
        <translation>명찰이 이미 인쇄되었습니다. 새 명찰이 필요하시면 안내 데스크에 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="110" />
        <source>Your badge was not printed. Please collect it at the information desk.</source>
        <translation>명찰이 인쇄되지 않았습니다. 안내 데스크에서 받아 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="125" />
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="131" />
        <source>Your sessions today</source>
        <translation>오늘의 세션</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="127" />
        <source>You have no sessions today.</source>
        <translation>오늘 참석하실 세션이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="132" />
        <source>Time, room, title and interpretation of each session</source>
        <translation>각 세션의 시간, 장소, 제목, 통역 안내</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="134" />
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="137" />
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_view.py" line="138" />
        <source>Ends your visit; the kiosk goes back to the start for the next person</source>
        <translation>이용을 마칩니다. 다음 분을 위해 처음 화면으로 돌아갑니다</translation>
    </message>
</context>
<context>
    <name>TodaySessionsModel</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="26" />
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="27" />
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="28" />
        <source>Japanese</source>
        <translation>일본어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="29" />
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="30" />
        <source>Spanish</source>
        <translation>스페인어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="31" />
        <source>French</source>
        <translation>프랑스어</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="113" />
        <source>Room {room}</source>
        <translation>{room}호</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="126" />
        <source>Interpretation: {languages} — please take a receiver at the desk</source>
        <translation>통역: {languages} — 안내 데스크에서 수신기를 받아 주세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/today_model.py" line="131" />
        <source>Interpretation: {languages} — receivers at the desk</source>
        <translation>통역: {languages} — 수신기는 안내 데스크에 있습니다</translation>
    </message>
</context>
<context>
    <name>VoiceBar</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="249" />
        <source>Repeat</source>
        <translation>다시 듣기</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="249" />
        <source>Says this screen again</source>
        <translation>이 화면의 안내를 다시 읽어 줍니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="251" />
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="251" />
        <source>Goes on speaking</source>
        <translation>안내를 이어서 읽어 줍니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="253" />
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="253" />
        <source>Pauses the voice</source>
        <translation>음성 안내를 잠시 멈춥니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="255" />
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="255" />
        <source>Stops speaking</source>
        <translation>음성 안내를 멈춥니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="256" />
        <source>Slower</source>
        <translation>천천히</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="256" />
        <source>Speaks more slowly</source>
        <translation>더 느리게 읽어 줍니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="257" />
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="257" />
        <source>Speaks faster</source>
        <translation>더 빠르게 읽어 줍니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="258" />
        <source>Quieter</source>
        <translation>소리 작게</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="258" />
        <source>Speaks more quietly</source>
        <translation>소리를 줄입니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="259" />
        <source>Louder</source>
        <translation>소리 크게</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="259" />
        <source>Speaks louder</source>
        <translation>소리를 키웁니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/chrome_view.py" line="262" />
        <source>Voice guidance is not working at this kiosk. Please call staff.</source>
        <translation>이 키오스크에서는 음성 안내를 사용할 수 없습니다. 직원을 호출해 주세요.</translation>
    </message>
    <message>
        <source>Voice off</source>
        <translation type="vanished">음성 끄기</translation>
    </message>
    <message>
        <source>Turns voice guidance off</source>
        <translation type="vanished">음성 안내를 끕니다</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="116" />
        <source>On the keypad: arrows or 2, 4, 6 and 8 move, 5 or Enter chooses, 0 turns the voice on or off, star repeats, plus and minus change the volume, 9 and 3 the speed, the dot key cancels, 1 calls staff.</source>
        <translation>키패드 사용법: 화살표나 2, 4, 6, 8은 이동, 5나 엔터는 선택, 0은 음성 안내 켜기와 끄기, 별표는 다시 듣기, 더하기와 빼기는 소리 크기, 9와 3은 말 빠르기, 점 키는 취소, 1은 직원 호출입니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="127" />
        <source>Welcome</source>
        <translation>환영합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="130" />
        <source>Hold the QR code from your confirmation e-mail (on your phone or on paper) under the scanner.</source>
        <translation>확인 이메일의 QR 코드(휴대전화 화면 또는 종이)를 스캐너 아래에 대 주세요.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="134" />
        <source>QR code</source>
        <translation>QR 코드</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="136" />
        <source>No code with you? Find your registration with two facts instead.</source>
        <translation>코드가 없으신가요? 등록 정보 두 가지로 찾을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="144" />
        <source>Use this language (in use now)</source>
        <translation>이 언어를 사용합니다 (현재 사용 중)</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="146" />
        <source>Show the kiosk in this language</source>
        <translation>키오스크를 이 언어로 표시합니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="149" />
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="152" />
        <source>Large text</source>
        <translation>큰 글씨</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="153" />
        <source>Makes all text on the kiosk half as large again</source>
        <translation>키오스크의 모든 글씨를 1.5배로 키웁니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="157" />
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="161" />
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="162" />
        <source>White and yellow text on black</source>
        <translation>검은 바탕에 흰색과 노란색 글씨</translation>
    </message>
    <message>
        <source>Voice guidance</source>
        <translation type="vanished">음성 안내</translation>
    </message>
    <message>
        <source>Speaks every screen aloud; on a keypad, press 0</source>
        <translation type="vanished">모든 화면을 소리 내어 읽어 줍니다. 키패드에서는 0을 누르세요</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="164" />
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="167" />
        <source>I have no code</source>
        <translation>코드가 없습니다</translation>
    </message>
    <message>
        <location filename="../../kiosk/gui/selfcheckin/welcome_view.py" line="168" />
        <source>Find your registration by your family name and one more fact</source>
        <translation>성과 정보 하나를 더 입력해 등록을 찾습니다</translation>
    </message>
</context>
<context>
    <name>ScanNoticeBanner</name>
    <message>
        <source>That was not a badge code. Please scan the QR code on your badge or confirmation, or choose “I have no code”.</source>
        <translation>명찰 코드가 아닙니다. 명찰이나 확인 메일의 QR 코드를 스캔하시거나 “코드가 없습니다”를 고르세요.</translation>
    </message>
    <message>
        <source>The code was not read completely. Please scan it again, or ask the staff.</source>
        <translation>코드를 끝까지 읽지 못했습니다. 다시 스캔하시거나 스태프에게 문의해 주세요.</translation>
    </message>
</context>
</TS>
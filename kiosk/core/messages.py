"""What a verdict says to the person at the door, in Korean and English.

The same polite words for everyone; no names or categories inside the message itself.
"""

from __future__ import annotations

from kiosk.core.model import Reason

MESSAGES: dict[Reason, dict[str, str]] = {
    Reason.ADMITTED: {
        "en": "Welcome. Please come in.",
        "ko": "환영합니다. 입장해 주세요.",
    },
    Reason.READMITTED: {
        "en": "Welcome back. Please come in.",
        "ko": "다시 오신 것을 환영합니다. 입장해 주세요.",
    },
    Reason.EXIT_RECORDED: {
        "en": "Thank you. Your exit has been recorded.",
        "ko": "감사합니다. 퇴장이 기록되었습니다.",
    },
    Reason.UNKNOWN_CODE: {
        "en": "We could not find this registration. Please visit the information desk.",
        "ko": "등록 정보를 찾을 수 없습니다. 안내 데스크로 가 주시기 바랍니다.",
    },
    Reason.INVALID_CODE: {
        "en": "This code could not be read as a valid badge. Please visit the information desk.",
        "ko": "유효한 명찰 코드로 확인되지 않습니다. 안내 데스크로 가 주시기 바랍니다.",
    },
    Reason.REVOKED: {
        "en": "This badge has been replaced by a newer one. Please visit the information desk.",
        "ko": "이 명찰은 새 명찰로 교체되었습니다. 안내 데스크로 가 주시기 바랍니다.",
    },
    Reason.CANCELLED: {
        "en": "This registration has been cancelled. Please visit the information desk.",
        "ko": "취소된 등록입니다. 안내 데스크로 가 주시기 바랍니다.",
    },
    Reason.NOT_INVITED: {
        "en": "We are sorry: this session is open to invited guests and staff only. "
        "Please visit the information desk.",
        "ko": "죄송합니다. 이 세션은 초청받은 분과 스태프만 입장하실 수 있습니다. "
        "안내 데스크로 가 주시기 바랍니다.",
    },
    # {tickets}: the ticket types the session admits (Workshop), never anything personal.
    Reason.TICKET_REQUIRED: {
        "en": "We are sorry: this session is open to {tickets} ticket holders, invited guests "
        "and staff only. Please visit the information desk.",
        "ko": "죄송합니다. 이 세션은 {tickets} 티켓 소지자와 초청받은 분, 스태프만 입장하실 수 "
        "있습니다. 안내 데스크로 가 주시기 바랍니다.",
    },
    Reason.ROOM_FULL: {
        "en": "We are sorry: the room is full. Please wait a moment or ask the staff.",
        "ko": "죄송합니다. 회의실이 가득 찼습니다. 잠시 기다리시거나 스태프에게 문의해 주세요.",
    },
    Reason.TOO_EARLY: {
        "en": "The doors are not open yet. Please come back a little before the session starts.",
        "ko": "아직 입장 시간이 아닙니다. 세션 시작 조금 전에 다시 와 주세요.",
    },
    Reason.SESSION_OVER: {
        "en": "This session has ended. Please visit the information desk for today's programme.",
        "ko": "이 세션은 종료되었습니다. 오늘의 일정은 안내 데스크에 문의해 주세요.",
    },
    Reason.UNKNOWN_SESSION: {
        "en": "This door is not set to a known session. Please ask the staff.",
        "ko": "이 출입구에 설정된 세션을 찾을 수 없습니다. 스태프에게 문의해 주세요.",
    },
    Reason.PASS_BACK: {
        "en": "This badge is already inside this session. Please ask the staff.",
        "ko": "이 명찰은 이미 이 세션에 입장한 것으로 기록되어 있습니다. 스태프에게 문의해 주세요.",
    },
}


# At a self check-in kiosk the admissions speak of arrival, not of a door.
ARRIVAL_MESSAGES: dict[Reason, dict[str, str]] = {
    Reason.ADMITTED: {
        "en": "Welcome. You are checked in.",
        "ko": "환영합니다. 체크인되었습니다.",
    },
    Reason.READMITTED: {
        "en": "Welcome back. You are already checked in.",
        "ko": "다시 오신 것을 환영합니다. 이미 체크인되어 있습니다.",
    },
}


def ticket_types_text(ticket_types: tuple[str, ...]) -> str:
    """The ticket types a session admits, as a message names them ("Workshop, Masterclass")."""
    return ", ".join(ticket_types)


def message_for(
    reason: Reason, *, arrival: bool = False, ticket_types: tuple[str, ...] = ()
) -> dict[str, str]:
    """The bilingual message for a reason (at a door, or on arrival), as a fresh dict;
    `ticket_types` are the session's, for a refusal that names them."""
    if arrival and reason in ARRIVAL_MESSAGES:
        return dict(ARRIVAL_MESSAGES[reason])
    if reason is Reason.TICKET_REQUIRED:
        tickets = ticket_types_text(ticket_types)
        return {lang: text.format(tickets=tickets) for lang, text in MESSAGES[reason].items()}
    return dict(MESSAGES[reason])

"""Kind of article: meeting report, policy lecture (a meeting built around a lecture), or other."""
from __future__ import annotations

import re

_SALUTATION = re.compile(r"^(?:各位[^\n：:]{0,20}|同志们|尊敬的[^\n：:]{0,30}|大家(?:上午|下午|晚上)?好)[，,：:！!]")
_SPEECH_TITLE = re.compile(r"(?:的讲话|讲话稿|讲话全文|致辞|发言稿|的发言)(?:[（(].*[)）])?$")
_COMPANY = re.compile(r"(?:集团|有限公司|股份|公司|企业)")
_GOVERNMENT = re.compile(r"(?:政府|党委|市委|县委|省委|区委|镇委|镇|县|市|省|区|局|厅|部|办|委员会|政协|人大|中心|林局)")
_LECTURE_EVENT = re.compile(r"(?:讲座|报告会|辅导|党课|授课|讲课|宣讲|培训)")
_MEETING = re.compile(r"(?:会议|大会|座谈|推进会|研讨|讲座|报告会|论坛|推介会|会上|主持)")


def detect_kind(text: str, title: str | None, body_start: int, event_name: str | None,
                convened_by: str | None, lecturer_invited: bool) -> tuple[str, str | None]:
    """(kind, reason when other). `lecturer_invited`: someone was invited to lecture (邀请…作…讲座)."""
    head = (title or "").strip()
    body = text[body_start:].lstrip()
    if _SALUTATION.match(body) or _SPEECH_TITLE.search(head):
        return "other", "a speech transcript, not a report of a meeting"
    actor = convened_by or head[:12]
    if _COMPANY.search(actor or "") and not _GOVERNMENT.search(_COMPANY.split(actor)[0] if actor else ""):
        return "other", "a company's internal meeting, not a government meeting"
    if event_name is None and not _MEETING.search(head + body[:300]):
        return "other", "no meeting is reported"
    if (event_name and _LECTURE_EVENT.search(event_name)) or lecturer_invited:
        return "policy_lecture", None
    return "meeting_report", None

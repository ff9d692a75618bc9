"""A small story the team wrote: a call, a summit planned and shelved, a visit, a summit held.

Each article is a few sentences of our own; the events are what a correct
readout of them holds. Tests ingest them in various orders.
"""

from __future__ import annotations

from tests.resolve.reports import Ev, report

PHONE = "phone"

CALL_DAY_ONE = report(
    "Vladimir Putin and Donald Trump spoke by phone on Thursday for more than two hours. "
    "The two leaders agreed to meet in Budapest within weeks.",
    "2025-10-16",
    [
        Ev("CONSULT", ["Vladimir Putin", "Donald Trump"], "spoke", mode=PHONE, date="2025-10-16"),
        Ev(
            "CONSULT",
            ["Vladimir Putin", "Donald Trump"],
            "meet",
            status="planned",
            mode="third-party",
            place="Budapest",
        ),
    ],
    source="call-day-one.txt",
)

CALL_NEXT_DAY = report(
    "A day after his telephone call with Vladimir Putin, Donald Trump said a summit in "
    "Budapest could be held in the second half of October.",
    "2025-10-17",
    [
        Ev("CONSULT", ["Donald Trump", "Vladimir Putin"], "call", mode=PHONE, date="2025-10-16"),
        Ev(
            "CONSULT",
            ["Donald Trump", "Vladimir Putin"],
            "summit",
            status="planned",
            place="Budapest",
            date="2025-10",
        ),
    ],
    source="call-next-day.txt",
)

CALL_OTHER_DATE = report(
    "Kremlin officials said Vladimir Putin held a long phone conversation with Donald Trump "
    "on Friday evening, Moscow time.",
    "2025-10-18",
    [
        Ev(
            "CONSULT",
            ["Vladimir Putin", "Donald Trump"],
            "conversation",
            mode=PHONE,
            date="2025-10-17",
        )
    ],
    source="call-other-date.txt",
)

WHITE_HOUSE_VISIT = report(
    "Volodymyr Zelensky met Donald Trump at the White House in Washington on Friday and asked "
    "for long-range missiles.",
    "2025-10-17",
    [
        Ev(
            "CONSULT",
            ["Volodymyr Zelensky", "Donald Trump"],
            "met",
            mode="visit",
            date="2025-10-17",
            place="Washington",
        ),
        Ev("REQUEST", ["Volodymyr Zelensky"], "asked", recipients=["Donald Trump"]),
    ],
    source="white-house-visit.txt",
)

SUMMIT_ON_HOLD = report(
    "The summit between Donald Trump and Vladimir Putin in Budapest has been put on hold, "
    "a White House official said on Tuesday.",
    "2025-10-22",
    [
        Ev(
            "CONSULT",
            ["Donald Trump", "Vladimir Putin"],
            "summit",
            status="postponed",
            place="Budapest",
        )
    ],
    source="summit-on-hold.txt",
)

SUMMIT_RECAP = report(
    "Weeks after Donald Trump and Vladimir Putin had planned a summit in Budapest, Hungarian "
    "officials were still waiting for a date.",
    "2025-11-07",
    [
        Ev(
            "CONSULT",
            ["Donald Trump", "Vladimir Putin"],
            "summit",
            status="planned",
            place="Budapest",
        )
    ],
    source="summit-recap.txt",
)

ALASKA_PLANNED = report(
    "Donald Trump will meet Vladimir Putin in Anchorage on Friday, the White House said.",
    "2025-08-13",
    [
        Ev(
            "CONSULT",
            ["Donald Trump", "Vladimir Putin"],
            "meet",
            status="planned",
            date="2025-08-15",
            place="Anchorage",
        )
    ],
    source="alaska-planned.txt",
)

ALASKA_HELD = report(
    "Vladimir Putin and Donald Trump met for nearly three hours at a military base in "
    "Anchorage on Friday but reached no agreement.",
    "2025-08-16",
    [
        Ev(
            "CONSULT",
            ["Vladimir Putin", "Donald Trump"],
            "met",
            date="2025-08-15",
            place="Anchorage",
        )
    ],
    source="alaska-held.txt",
)

ALASKA_LATER = report(
    "Since their meeting in Alaska in August, Vladimir Putin and Donald Trump have not agreed "
    "on a ceasefire.",
    "2025-10-02",
    [Ev("CONSULT", ["Vladimir Putin", "Donald Trump"], "meeting", date="2025-08")],
    source="alaska-later.txt",
)

STORY = [
    ALASKA_PLANNED,
    ALASKA_HELD,
    ALASKA_LATER,
    CALL_DAY_ONE,
    CALL_NEXT_DAY,
    WHITE_HOUSE_VISIT,
    CALL_OTHER_DATE,
    SUMMIT_ON_HOLD,
    SUMMIT_RECAP,
]

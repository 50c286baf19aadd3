"""The directory of verksamheter as Open Referral HSDS 3.0 services.

HSDS wants a UUID for every object. Ours are derived (UUID 5) from the site's
address and the editor's ids, so they stay the same from build to build and
differ between municipalities. Huvudman and kind of verksamhet travel as
attributes with taxonomy terms, since HSDS has no field for them.

Opening hours become weekly schedules, one for each group of days and each range of
times, in Swedish local time. HSDS's `timezone` is a fixed offset from UTC, which Swedish
summer time would make wrong half the year, so the notes say it instead; a schedule's
description keeps the number and the hours as the editor wrote them.
"""

import datetime
import uuid

from .kommun import Kommun
from .verksamheter import Phone, Verksamhet
from .verksamhetstyper import TYPER

TAXONOMY_KIND = "samverkanstrappan-verksamhetstyp"
TAXONOMY_HUVUDMAN = "samverkanstrappan-huvudman"
HUVUDMAN_TEXT = {
    "kommun": "Kommunen ansvarar.",
    "region": "Regionen ansvarar.",
    "stat": "En statlig myndighet ansvarar.",
    "ideell": "En ideell organisation ansvarar.",
}


def _id(kommun: Kommun, *parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, kommun.webbadress + "#" + "/".join(parts)))


def _term(kommun: Kommun, taxonomy: str, code: str, name: str, description: str, link_id: str) -> dict:
    term_id = _id(kommun, taxonomy, code)
    return {
        "id": _id(kommun, "attribute", link_id, taxonomy),
        "link_id": link_id,
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "value": code,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": taxonomy,
            "language": "sv",
        },
    }


RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # RFC 5545, Monday first like our days
LOCAL_TIME = "Tiderna är svensk tid."
SCHOOL_DAYS = "Bara skoldagar, under terminerna."


def _clock(time: datetime.time, closes: bool = False) -> str:
    # An end at midnight (16–24) closes the same day, at its last minute: a closing time
    # before the opening time is kept for hours that run past midnight (16–08).
    return "23:59" if closes and time == datetime.time(0) else time.strftime("%H:%M")


def _schedules(kommun: Kommun, item: Verksamhet, service_id: str, n: int, phone: Phone) -> list[dict]:
    """One weekly schedule for each group of days and each range of times of a phone."""
    schedules = []
    for g, group in enumerate(phone.oppettider.groups):
        ranges = group.intervals or ((datetime.time(0), datetime.time(0)),)
        for i, (opens, closes) in enumerate(ranges):
            schedules.append(
                {
                    "id": _id(kommun, "schedule", item.id, str(n), str(g), str(i)),
                    "service_id": service_id,
                    "description": f"{phone.nummer}: {phone.oppettider.text}",
                    "freq": "WEEKLY",
                    "byday": ",".join(RRULE_DAYS[day] for day in group.days),
                    "opens_at": _clock(opens),
                    "closes_at": _clock(closes, closes=True),
                    "notes": f"{SCHOOL_DAYS} {LOCAL_TIME}" if group.school_days else LOCAL_TIME,
                }
            )
    return schedules


def service(kommun: Kommun, item: Verksamhet) -> dict:
    """One verksamhet as an HSDS 3.0 compiled service."""
    service_id = _id(kommun, "service", item.id)
    organisation = item.organisation
    organisation_id = _id(kommun, "organization", organisation.id)
    checked = datetime.datetime.combine(item.kontrollerad, datetime.time(), datetime.UTC)
    result = {
        "id": service_id,
        "organization_id": organisation_id,
        "name": item.namn,
        "description": item.beskrivning,
        "application_process": item.kontakt,
        "status": "active",
        "assured_date": item.kontrollerad.isoformat(),
        "last_modified": checked.isoformat().replace("+00:00", "Z"),
        "phones": [
            {
                "id": _id(kommun, "phone", item.id, str(n)),
                "service_id": service_id,
                "number": phone.nummer,
                "type": "voice",
                "description": phone.beskrivning or phone.oppettider.text,
            }
            for n, phone in enumerate(item.telefon)
        ],
        "schedules": [
            schedule
            for n, phone in enumerate(item.telefon)
            for schedule in _schedules(kommun, item, service_id, n, phone)
        ],
        "languages": [
            {"id": _id(kommun, "language", item.id, name), "service_id": service_id, "name": name}
            for name in item.sprak
        ],
        "organization": {
            "id": organisation_id,
            "name": organisation.namn,
            "description": HUVUDMAN_TEXT[organisation.huvudman],
        },
        "attributes": [
            _term(kommun, TAXONOMY_KIND, item.typ, TYPER[item.typ], TYPER[item.typ], service_id),
            _term(
                kommun,
                TAXONOMY_HUVUDMAN,
                organisation.huvudman,
                organisation.huvudman,
                HUVUDMAN_TEXT[organisation.huvudman],
                service_id,
            ),
        ],
    }
    if organisation.webb:
        result["organization"]["website"] = organisation.webb
    if item.webb:
        result["url"] = item.webb
    if item.epost:
        result["email"] = item.epost
    if item.adress:
        location_id = _id(kommun, "location", item.id)
        result["service_at_locations"] = [
            {
                "id": _id(kommun, "service_at_location", item.id),
                "service_id": service_id,
                "location_id": location_id,
                "location": {
                    "id": location_id,
                    "location_type": "physical",
                    "name": item.namn,
                    "addresses": [
                        {
                            "id": _id(kommun, "address", item.id),
                            "location_id": location_id,
                            "address_1": item.adress["gata"],
                            "city": item.adress["ort"],
                            "state_province": kommun.region,
                            "postal_code": item.adress["postnummer"],
                            "country": "SE",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ]
    return result


def services(kommun: Kommun, items) -> list[dict]:
    """Every verksamhet, by id, as HSDS services."""
    return [service(kommun, item) for item in sorted(items, key=lambda item: item.id)]

"""Volunteers and students for the directory's tests."""

from careerscout.directory.models import VolunteerProfile, save_profile
from careerscout.tests.factories import make_user

GOOD_MESSAGE = (
    "Hi Maya,\n\nI found your profile in our alumni directory. I am a final-year psychology "
    "student exploring UX research, and I would love to hear how you got into it. Would you "
    "have 20 minutes for a call in the next few weeks?\n\nThank you,\nSam"
)
JOB_ASK = (
    "Hi Maya,\n\nI found your profile in our alumni directory. Are you hiring? I attached my "
    "CV and would love a referral for a job at your company. Could we talk for 20 minutes?\n\nSam"
)


# A profile as the API's PUT takes it.
PROFILE = {
    "title": "Senior UX Researcher",
    "organization": "Globex",
    "careers": ["UX research"],
    "topics": ["a typical day"],
    "languages": ["English"],
    "time_zone": "Europe/Berlin",
    "capacity_per_month": 3,
}


def make_volunteer(username: str = "", **fields) -> VolunteerProfile:
    user = make_user(username, is_volunteer=True, email=f"{username or 'v'}@alumni.example.edu")
    defaults = {**PROFILE, "display_name": user.name, "published": True}
    return save_profile(user, **{**defaults, **fields})


def make_student(username: str = "", **fields):
    return make_user(username, email=f"{username or 's'}@example.edu", **fields)


__all__ = [
    "GOOD_MESSAGE",
    "JOB_ASK",
    "PROFILE",
    "VolunteerProfile",
    "make_student",
    "make_volunteer",
]

# People's contacts and notes are deliberately not in the admin: an administrator of a shared
# installation must not be able to read an explorer's data (see docs/decisions.md).

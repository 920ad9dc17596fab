"""Signals for the apps above: this app cannot call them, so it says what happened."""

from django.dispatch import Signal

# The notes of a conversation already held were saved through the API (`conversation=`):
# insights turns them into items again, as the live page does when saving after the call.
notes_edited_after_call = Signal()

"""An e-mail backend for the fault tests: the file backend, stopping for good at one message.

A worker process sending with it hangs at the FAULT_BLOCK_AT-th message, before or after
writing it (FAULT_BLOCK_WHEN), and leaves a file `blocked` next to the mail directory, so that a
test can kill the worker at a known point instead of hoping to hit one.
"""

import os
import time
from collections.abc import Sequence
from pathlib import Path

from django.core.mail import EmailMessage
from django.core.mail.backends.filebased import EmailBackend

# Messages this process sent. Counting files would not do: the file backend names a file after
# the second and the backend's id(), so two messages can share one file.
_sent_here = 0


class BlockingFileBackend(EmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        block_at = int(os.environ.get("FAULT_BLOCK_AT", "0"))
        after = os.environ.get("FAULT_BLOCK_WHEN", "before") == "after"
        marker = Path(self.file_path).parent / "blocked"
        # Only the first worker blocks; the one started after the kill runs through.
        due = bool(block_at) and not marker.exists()
        global _sent_here
        _sent_here += 1
        position = _sent_here
        if due and not after and position == block_at:
            self._block(marker)
        sent = super().send_messages(email_messages)
        if due and after and position == block_at:
            self._block(marker)
        return sent

    def _block(self, marker: Path) -> None:
        marker.touch()
        time.sleep(3600)

"""Real file heads for the upload tests, made in memory: what a browser would send."""

from django.core.files.uploadedfile import SimpleUploadedFile

# An ISO base media file (MP4): the `ftyp` box with brand isom, then an empty `mdat`.
MP4 = (
    b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
    + b"\x00\x00\x00\x08free"
    + b"\x00\x00\x04\x08mdat"
    + b"\x00" * 1024
)
# QuickTime (.mov): an `ftyp` box too, but a brand browsers do not play everywhere.
QUICKTIME = b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  " + b"\x00" * 512
# The EBML header of a WebM file (DocType "webm").
WEBM = (
    b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
    b"\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02" + b"\x00" * 512
)
MATROSKA = (
    b"\x1a\x45\xdf\xa3\xa3\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
    b"\x42\x82\x88matroska\x42\x87\x81\x04\x42\x85\x81\x02" + b"\x00" * 512
)
WEBVTT = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelkom bij ons netwerk.\n\n"
    "00:00:04.000 --> 00:00:08.000\n<v Fatima>We kijken samen naar één kring.\n"
).encode()
SRT = b"1\n00:00:00,000 --> 00:00:04,000\nWelkom bij ons netwerk.\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def upload(name: str, data: bytes, content_type: str = "video/mp4") -> SimpleUploadedFile:
    """An upload whose name and browser-sent type may lie about its content."""
    return SimpleUploadedFile(name, data, content_type=content_type)

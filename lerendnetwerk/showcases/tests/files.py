"""Real files for the upload tests, made in memory: what a browser would send."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
# The start of a Windows program (MZ header and DOS stub).
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + (b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 200)
)


def png_bytes(size: tuple[int, int] = (40, 30), colour: str = "orange") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    """A photo as a phone takes it: EXIF with the camera and the place (Utrecht, Overvecht)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefoon"
    exif[ExifTags.Base.Model] = "Model X"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 6.0, 50.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (5.0, 7.0, 10.0)
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(
        out, format="JPEG", exif=exif, comment=b"prive opmerking"
    )
    return out.getvalue()


def zip_bytes(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


def docx_bytes(main: str = DOCX_MAIN) -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": CONTENT_TYPES_XML.format(main=main),
            "word/document.xml": "<w:document/>",
        }
    )


def upload(name: str, data: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    """An upload whose name and browser-sent type may lie about its content."""
    return SimpleUploadedFile(name, data, content_type=content_type)

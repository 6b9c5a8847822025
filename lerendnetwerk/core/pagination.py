"""Long lists in pages of a fixed size, so that a page's work does not grow with the data."""

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest

# The query parameter is part of the address people see, so it is Dutch like the paths.
PARAMETER = "pagina"


def paginate[M: Model](request: HttpRequest, items: QuerySet[M], per_page: int) -> Page[M]:
    """The requested page of `items`; the first for a missing or bad number, the last past
    the end. Two queries for a queryset: its count and the page."""
    return Paginator(items, per_page).get_page(request.GET.get(PARAMETER))

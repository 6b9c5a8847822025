from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

# A database that is away gives a 503 page with Retry-After instead of a 500 (core/views.py).
handler500 = "lerendnetwerk.core.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
]
urlpatterns += i18n_patterns(
    path("beheer/", admin.site.urls),
    path("", include("lerendnetwerk.core.urls")),
    # Early among the apps at the root: a person's own page, a network's home page and the
    # status page are the most visited, and a path is matched against each app's patterns in
    # turn. After networks, whose "netwerken/nieuw/" the network page's pattern would match.
    path("", include("lerendnetwerk.networks.urls")),
    path("", include("lerendnetwerk.pages.urls")),
    path("account/", include("lerendnetwerk.accounts.urls")),
    path("handreiking/", include("lerendnetwerk.catalogue.urls")),
    path("", include("lerendnetwerk.meetings.urls")),
    path("", include("lerendnetwerk.themes.urls")),
    path("", include("lerendnetwerk.barometer.urls")),
    path("", include("lerendnetwerk.groups.urls")),
    path("", include("lerendnetwerk.journal.urls")),
    path("", include("lerendnetwerk.signals.urls")),
    path("", include("lerendnetwerk.evaluation.urls")),
    path("", include("lerendnetwerk.transfer.urls")),
    path("", include("lerendnetwerk.showcases.urls")),
    path("", include("lerendnetwerk.resources.urls")),
    path("", include("lerendnetwerk.knowledge.urls")),
    path("", include("lerendnetwerk.reports.urls")),
    path("", include("lerendnetwerk.public.urls")),
    path("", include("lerendnetwerk.search.urls")),
    path("", include("lerendnetwerk.notifications.urls")),
    path("mijn-gegevens/", include("lerendnetwerk.privacy.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

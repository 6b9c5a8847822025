"""Coordinators keep their region's questionnaire in the admin site.

A version that a round uses is read-only, for everyone: answered questions never change. To
change it, a coordinator makes a new version (a draft copy with the same keys), edits that, and
publishes it. Answers and participations are not in the admin at all.
"""

from typing import TYPE_CHECKING, Any, TypedDict

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.regions.models import Region

from . import services
from .models import Question, Questionnaire

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class _RoundTotal(TypedDict):
    round_total: int


def _in_use(questionnaire: Questionnaire | None) -> bool:
    return questionnaire is not None and questionnaire.rounds.exists()


class QuestionInline(admin.TabularInline[Question, Questionnaire]):
    model = Question
    extra = 0
    fields = ["order", "key", "kind", "dimension", "text"]

    def _may_edit(self, request: HttpRequest, obj: Questionnaire | None) -> bool:
        return not _in_use(obj) and request.user.has_perm("barometer.change_questionnaire", obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_edit(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_edit(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_edit(request, obj)


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin[Questionnaire]):
    list_display = ["title", "region", "version", "is_published", "round_count"]
    list_filter = ["region", "is_published"]
    fields = ["title", "introduction", "region", "version", "is_published", "created_on"]
    readonly_fields = ["region", "version", "is_published", "created_on"]
    inlines = [QuestionInline]
    actions = ["make_new_version", "publish"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Questionnaire]:
        queryset = (
            super()
            .get_queryset(request)
            .select_related("region")
            .annotate(round_total=Count("rounds"))
        )
        if request.user.is_superuser:
            return queryset
        return queryset.filter(
            Q(region__isnull=True) | Q(region__in=coordinator_region_ids(request.user))
        )

    @admin.display(description=_("rounds"))
    def round_count(self, obj: "WithAnnotations[Questionnaire, _RoundTotal]") -> int:
        return obj.round_total

    # New versions are copies (the action below); nobody starts an empty one.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm("barometer.view_questionnaire", obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if _in_use(obj):
            return False
        return request.user.has_perm("barometer.change_questionnaire", obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if _in_use(obj):
            return False
        return request.user.has_perm("barometer.delete_questionnaire", obj)

    def _regions_for(self, request: HttpRequest, questionnaire: Questionnaire) -> list[Region]:
        if questionnaire.region is not None:
            return [questionnaire.region]
        return list(Region.objects.filter(pk__in=coordinator_region_ids(request.user)))

    @admin.action(description=_("Make a new version to edit (a copy of the current one)"))
    def make_new_version(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        regions = {region.pk: region for q in queryset for region in self._regions_for(request, q)}
        allowed = coordinator_region_ids(request.user)
        made = 0
        for region in regions.values():
            if region.pk not in allowed and not request.user.is_superuser:
                continue
            try:
                services.questionnaire_new_version(region=region)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                made += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d new draft version made. Edit its questions, then publish it.",
                "%(count)d new draft versions made. Edit their questions, then publish them.",
                made,
            )
            % {"count": made},
        )

    @admin.action(description=_("Publish: use for new rounds"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Questionnaire]) -> None:
        for questionnaire in queryset:
            if not request.user.has_perm("barometer.change_questionnaire", questionnaire):
                continue
            try:
                services.questionnaire_publish(questionnaire=questionnaire)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, _("%(name)s is published.") % {"name": questionnaire})

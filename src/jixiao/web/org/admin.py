"""The administrator's pages (Django admin, in Chinese): organisations, users and who works
where in which role. Evaluations are changed only through the app, never here."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from jixiao.web.org.models import Membership, Organisation

admin.site.site_header = admin.site.site_title = "jixiao 绩效自评 · 管理"
admin.site.index_title = "用户、组织与登录记录"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__username", "user__first_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


class PeopleAdmin(UserAdmin):
    inlines = [MembershipInline]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), PeopleAdmin)

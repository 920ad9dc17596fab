from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import ApiToken, User


@admin.register(User)
class CareerScoutUserAdmin(UserAdmin):
    fieldsets = [
        *UserAdmin.fieldsets,
        ("Preferences", {"fields": ["name", "time_zone", "working_days"]}),
        ("Roles", {"fields": ["is_explorer", "is_adviser", "is_volunteer"]}),
    ]
    list_display = [
        "username",
        "name",
        "email",
        "is_staff",
        "is_adviser",
        "is_volunteer",
        "last_login",
    ]
    list_filter = [*UserAdmin.list_filter, "is_adviser", "is_volunteer"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "last_used_at"]
    readonly_fields = ["key_hash", "hint", "created_at", "last_used_at"]

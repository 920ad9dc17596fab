"""The digest log moves from outreach to today, where the digest is sent from.

Only Django's idea of where the model lives changes here; the table keeps its rows and is
renamed in the next migration.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("outreach", "0002_add_confirmation_kind"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DigestLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                        ("item_count", models.PositiveIntegerField(default=0)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "outreach_digestlog",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("user", "day"), name="one_digest_per_day"
                            )
                        ],
                    },
                ),
            ],
        ),
    ]

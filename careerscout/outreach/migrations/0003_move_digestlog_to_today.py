from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0002_add_confirmation_kind"),
        ("today", "0001_move_digestlog_from_outreach"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="DigestLog")],
        ),
    ]

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("today", "0001_move_digestlog_from_outreach"),
        ("outreach", "0003_move_digestlog_to_today"),
    ]

    operations = [
        migrations.AlterModelTable(name="digestlog", table=None),
    ]

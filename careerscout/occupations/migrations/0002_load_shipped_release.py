from django.db import migrations


def load(apps, schema_editor):
    from careerscout.occupations.loading import load_shipped

    load_shipped(apps)


def unload(apps, schema_editor):
    apps.get_model("occupations", "Occupation").objects.all().delete()
    apps.get_model("occupations", "Release").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("occupations", "0001_initial_occupations")]

    operations = [migrations.RunPython(load, unload, elidable=False)]

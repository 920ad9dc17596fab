from django import forms

from careerscout.lib.dates import validate_sensible_date

from .models import Criterion, Item, Reflection, SkillRating

RATING_CHOICES = [("", "Not now"), *[(n, f"{n} of 5") for n in range(1, 6)]]


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["surprised", "attracted", "worried", "fit"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


class RatingsForm(forms.Form):
    """One 1–5 choice per (career, criterion), plus the items the ratings rest on."""

    def __init__(self, *args, careers, criteria, current, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for career in careers:
            for criterion in criteria:
                name = f"rating-{career.pk}-{criterion.pk}"
                now = current.get((career.pk, criterion.pk))
                self.fields[name] = forms.TypedChoiceField(
                    label=f"{career.title}: {criterion.name}",
                    choices=RATING_CHOICES,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=now.value if now else "",
                )
                self.rows.append((career, criterion, name))
        self.fields["evidence"] = forms.ModelMultipleChoiceField(
            queryset=items,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label="What these ratings rest on",
            label_suffix="",
        )

    def chosen(self):
        for career, criterion, name in self.rows:
            value = self.cleaned_data.get(name)
            if value:
                yield career, criterion, value


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "weight", "description"]
        widgets = {"weight": forms.Select(choices=[(n, f"{n} of 5") for n in range(1, 6)])}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        if self.instance.pk is None:
            # A new criterion goes after the others.
            self.instance.position = Criterion.objects.for_user(user).count()

    def clean_name(self):
        name = self.cleaned_data["name"]
        same = Criterion.objects.for_user(self.instance.user).filter(name__iexact=name)
        if same.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"You already have “{name}”.")
        return name


SKILL_LEVELS = [
    (1, "1: none yet"),
    (2, "2: a little"),
    (3, "3: some"),
    (4, "4: good"),
    (5, "5: strong"),
]


class SkillRatingForm(forms.ModelForm):
    class Meta:
        model = SkillRating
        fields = ["name", "level"]
        labels = {"name": "Skill", "level": "Your level"}
        widgets = {"level": forms.Select(choices=SKILL_LEVELS)}


class ActionForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["text", "due", "career"]
        labels = {"text": "What to do", "due": "By when"}
        widgets = {"due": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from careerscout.careers.models import Career

        self.fields["career"].queryset = Career.objects.for_user(user)
        self.fields["career"].required = False
        self.fields["career"].empty_label = "None in particular"
        self.fields["due"].validators.append(validate_sensible_date)
        self.instance.user = user
        self.instance.kind = Item.Kind.ACTION

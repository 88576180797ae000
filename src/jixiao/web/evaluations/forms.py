"""The forms of every page but the editor: the queue's filters, the spot check, workflow
actions, restoring a version, importing a file. Each value from a request is checked here,
and a bad one gets a Chinese message beside its field instead of reaching the database."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from jixiao.web.evaluations.fields import GRADES, NumberField, TextField, YearField
from jixiao.web.evaluations.importing import ImportRefused, check_upload
from jixiao.web.evaluations.limits import SHARE
from jixiao.web.evaluations.models import Status
from jixiao.web.evaluations.selectors import SORTABLE
from jixiao.web.org.models import Organisation
from jixiao.web.org.scope import units_for

SORTS = [(key, key) for name in sorted(SORTABLE) for key in (name, f"-{name}")]


class QueueFilter(forms.Form):
    status = forms.ChoiceField(label="状态", choices=[("", "全部"), *Status.choices], required=False)
    year = YearField(label="年度", required=False)
    grade = forms.ChoiceField(label="等级", choices=[("", "全部"), *((g, g) for g in GRADES)], required=False)
    department = forms.ModelChoiceField(label="部门", queryset=Organisation.objects.none(), required=False,
                                        empty_label="全部")
    sort = forms.ChoiceField(label="排序", choices=[("", "按风险"), *SORTS], required=False)

    def __init__(self, departments: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments

    def filters(self) -> dict[str, Any]:
        """The valid filters; an invalid one is left out (its message shows beside it)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class SpotCheckForm(forms.Form):
    share = NumberField(SHARE, label="比例", required=False)
    seed = TextField(label="种子", max_length=64, required=False)


class ActForm(forms.Form):
    action = forms.CharField(max_length=20)
    comment = TextField(label="意见", max_length=5000, required=False, multiline=True)
    finding = forms.RegexField(r"^JX\d{3}$", max_length=10, required=False,
                               error_messages={"invalid": "审核意见代码无效"})
    field = forms.CharField(required=False)  # one of the labels given (each under 100 characters)

    def __init__(self, fields: list[str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_fields = fields

    def clean_field(self) -> str:
        value = self.cleaned_data["field"]
        if value and value not in self.allowed_fields:
            raise forms.ValidationError("没有这个栏目")
        return value


class RestoreForm(forms.Form):
    number = forms.IntegerField(min_value=1, max_value=1_000_000)
    version = forms.IntegerField(min_value=1, max_value=1_000_000)


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=None, label="单位", empty_label="（请选择）")
    file = forms.FileField(label="自评报告或数据文件")
    year = YearField(label="年度", required=False, help_text="报告中没有写明年度时填写")
    confirm_unit = forms.BooleanField(label="确认导入到所选单位（报告所述单位与所选不同时勾选）", required=False)

    def __init__(self, user: object, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = units_for(user, ("filer",))
        self.fields["unit"].queryset = units
        if len(units[:2]) == 1:  # the only unit the user files for is the one chosen
            self.fields["unit"].initial = units[0]

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except ImportRefused as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload

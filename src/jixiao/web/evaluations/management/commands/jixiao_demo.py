"""Demo data: a bureau, two departments, the five sample reports' units, and one user
per role (names and passwords printed)."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from jixiao.ingest import read_evaluation
from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import EvaluationRecord
from jixiao.web.org.models import Membership, Organisation

PASSWORD = "jixiao-demo"


class Command(BaseCommand):
    help = "载入演示数据：示例报告和各角色的演示用户"

    def add_arguments(self, parser: object) -> None:
        parser.add_argument("--reports", default="examples/reports", help="示例报告所在文件夹")  # type: ignore[attr-defined]

    def handle(self, *args: object, **options: object) -> None:
        reports = Path(str(options["reports"]))
        if EvaluationRecord.objects.exists():
            self.stdout.write("已有数据，未载入演示数据。")
            return
        bureau = Organisation.objects.create(name="演示市财政局", kind="bureau")
        departments = {name: Organisation.objects.create(name=name, kind="department", parent=bureau)
                       for name in ("湖南省示例主管部门", "甘肃省示例主管部门")}
        users = [self._user("bureau", "财政局审核员", bureau, "reviewer"), self._user("admin", "管理员", bureau, "admin")]
        for index, sample in enumerate(sorted(reports.glob("*.txt")), start=1):
            ev = read_evaluation(sample)
            parent = departments["甘肃省示例主管部门" if "陇南" in ev.unit.name else "湖南省示例主管部门"]
            unit = Organisation.objects.create(name=ev.unit.name or f"示例单位{index}", kind="unit", parent=parent)
            filer = self._user(f"filer{index}", f"{unit.name}填报人", unit, "filer")
            users.append(filer)
            services.create(unit, ev, filer, source_name=sample.name)
        users.append(self._user("reviewer", "主管部门审核员", departments["湖南省示例主管部门"], "reviewer"))
        self.stdout.write("演示用户（密码均为 %s）：" % PASSWORD)
        for user in users:
            self.stdout.write(f"  {user.username:10} {user.first_name}")

    def _user(self, username: str, name: str, organisation: Organisation, role: str) -> object:
        admin = role == "admin"  # the administrator manages users and organisations in /admin/
        user = get_user_model().objects.create_user(username, password=PASSWORD, first_name=name, is_staff=admin,
                                                    is_superuser=admin)
        Membership.objects.create(user=user, organisation=organisation, role=role)
        return user

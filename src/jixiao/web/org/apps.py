from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig


class OrgConfig(AppConfig):
    default = True  # this module holds a second AppConfig (django-axes's, below)
    name = "jixiao.web.org"
    label = "org"
    verbose_name = "组织与人员"


class SignInLogConfig(AxesAppConfig):
    """django-axes under a Chinese heading in the admin (its labels: web/locale)."""

    verbose_name = "登录记录"

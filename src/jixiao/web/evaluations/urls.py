from django.urls import path

from jixiao.web.evaluations import views

urlpatterns = [
    path("", views.queue, name="queue"),
    path("import/", views.import_report, name="import"),
    path("spotcheck/", views.spot_check, name="spotcheck"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("session/", views.session_alive, name="session"),
    path("e/<int:pk>/", views.detail, name="detail"),
    path("e/<int:pk>/report/", views.report, name="report"),
    path("e/<int:pk>/act/", views.act, name="act"),
    path("e/<int:pk>/edit/", views.edit, name="edit"),
    path("e/<int:pk>/preview/", views.preview, name="preview"),
    path("e/<int:pk>/copy/", views.copy_next_year, name="copy"),
    path("e/<int:pk>/versions/", views.versions, name="versions"),
    path("e/<int:pk>/v/<int:number>/", views.version, name="version"),
    path("e/<int:pk>/restore/", views.restore, name="restore"),
    path("e/<int:pk>/export/<str:to>/", views.export, name="export"),
]

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "uitnodiging/<uidb64>/<token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("uitnodigen/", views.invite, name="invite"),
    path("profiel/", views.profile, name="profile"),
    path("profiel/e-mailadres/", views.email_change, name="email_change"),
    path("e-mailadres-bevestigen/<str:token>/", views.email_confirm, name="email_confirm"),
    path("wachtwoord-wijzigen/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "uitnodigingen/rol/<int:pk>/",
        views.role_invitation_answer,
        name="role_invitation_answer",
    ),
    path("tweede-stap/", views.otp_verify, name="otp_verify"),
    path("tweede-stap/instellen/", views.otp_setup, name="otp_setup"),
]

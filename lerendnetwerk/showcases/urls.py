from django.urls import URLPattern

app_name = "showcases"

urlpatterns: list[URLPattern] = []

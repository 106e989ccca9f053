"""Recognition's pages: thanks, contributor pages, featured items, the directory, attestations."""

from palabre.recognition.views import attestations, contributors, featured, presenters, thanks

app_name = "recognition"

urlpatterns = [
    *thanks.urlpatterns,
    *contributors.urlpatterns,
    *featured.urlpatterns,
    *attestations.urlpatterns,
    *presenters.urlpatterns,
]

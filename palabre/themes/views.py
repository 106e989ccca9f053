"""Browse the thesaurus of themes."""

from django.shortcuts import get_object_or_404, render

from palabre.themes.models import Theme


def index(request):
    themes = list(Theme.objects.all())
    roots = [t for t in themes if t.parent_id is None]
    children: dict[int, list[Theme]] = {}
    for theme in themes:
        if theme.parent_id:
            children.setdefault(theme.parent_id, []).append(theme)
    tree = [(root, children.get(root.pk, [])) for root in roots]
    return render(request, "themes/index.html", {"tree": tree})


def detail(request, slug: str):
    theme = get_object_or_404(Theme.objects.select_related("parent"), slug=slug)
    return render(
        request,
        "themes/detail.html",
        {"theme": theme, "children": theme.children.all()},
    )

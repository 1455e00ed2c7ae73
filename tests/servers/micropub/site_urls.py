"""The test site: a home page advertising its Micropub endpoint (as a
`<link rel="micropub">` with a relative address), a page advertising it
only in an HTTP `Link` header, one naming none, each entry as an h-entry page, the uploaded
media, and django-indieweb's endpoints under /indieweb/."""
from html import escape

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import include, path, re_path
from django.views.static import serve

from site_handler import Entries


def home(request):
    return HttpResponse(
        '<!doctype html><html><head><title>Byline test site</title>'
        '<link rel="micropub" href="/indieweb/micropub/">'
        '<link rel="token_endpoint" href="/indieweb/token/">'
        "</head><body><h1>Byline test site</h1></body></html>"
    )


def linked(request):
    response = HttpResponse("<!doctype html><title>Linked</title><p>The endpoint is in the header.</p>")
    response["Link"] = '<http://127.0.0.1/elsewhere>; rel="alternate", </indieweb/micropub/>; rel="micropub"'
    return response


def about(request):
    return HttpResponse("<!doctype html><title>About</title><p>A page that names no endpoint.</p>")


def entry(request, number):
    found = Entries._entries.get(f"/entries/{number}/")
    if found is None:
        raise Http404()
    name = escape(str(found.get_property("name", "")))
    content = found.get_property("content", "")
    html = content.get("html", "") if isinstance(content, dict) else escape(str(content))
    return HttpResponse(
        f'<!doctype html><article class="h-entry"><h1 class="p-name">{name}</h1>'
        f'<div class="e-content">{html}</div></article>'
    )


urlpatterns = [
    path("", home),
    path("linked/", linked),
    path("about/", about),
    path("entries/<int:number>/", entry),
    path("indieweb/", include("indieweb.urls")),
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

"""Where the test site keeps its entries: in memory, for the life of the
server process (one test). django-indieweb makes a handler per request, so
the entries live on the class. Entries are named by absolute address, as
the server gives them out, and looked up by path."""
from urllib.parse import urlsplit

from django.conf import settings
from indieweb.handlers import InMemoryMicropubHandler, MicropubEntry


def _path(url):
    return urlsplit(url).path


class Entries(InMemoryMicropubHandler):
    _entries = {}
    _deleted = {}
    _counter = [0]

    def __init__(self):
        self.entries = self._entries
        self.deleted_entries = self._deleted

    @property
    def counter(self):
        return self._counter[0]

    @counter.setter
    def counter(self, value):
        self._counter[0] = value

    def create_entry(self, properties, user):
        self.counter += 1
        path = f"/entries/{self.counter}/"
        props = {k: (v if isinstance(v, list) else [v]) for k, v in properties.items()}
        entry = MicropubEntry(url=settings.BASE + path, properties=props)
        self.entries[path] = entry
        return entry

    def update_entry(self, url, updates, user):
        return super().update_entry(_path(url), updates, user)

    def delete_entry(self, url, user):
        return super().delete_entry(_path(url), user)

    def undelete_entry(self, url, user):
        return super().undelete_entry(_path(url), user)

    def get_entry(self, url, user):
        return self.entries.get(_path(url))

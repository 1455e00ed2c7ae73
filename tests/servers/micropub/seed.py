"""Makes the template database: migrated, one user, one bearer token with
the scopes Byline uses. Run once by ../micropub.sh; the harness copies the
database for each test."""
import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from indieweb.models import Token  # noqa: E402

user = get_user_model().objects.create_user("writer", "writer@example.com", "writerpass")
Token(owner=user, me="http://127.0.0.1/", client_id="https://byline.test/",
      scope="create update delete media draft", key="byline-test-token").save()
# A token for a client that may only create: updates are refused (403).
Token(owner=user, me="http://127.0.0.1/", client_id="https://byline.test/",
      scope="create", key="byline-create-only").save()

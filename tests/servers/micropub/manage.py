"""Byline's Micropub test site (django-indieweb); see ../micropub.sh."""
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_settings")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from django.core.management import execute_from_command_line  # noqa: E402

execute_from_command_line(sys.argv)

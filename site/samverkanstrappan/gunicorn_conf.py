"""gunicorn's settings for server mode (`-c python:samverkanstrappan.gunicorn_conf`).

The access log keeps the method, the path without its query string, the status, the size
and the time taken: never the query (search words), the address or the browser of a reader."""

import os

bind = os.environ.get("SAMVERKANSTRAPPAN_ADRESS", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# gunicorn's own line "Server: gunicorn" names no version.
# The app (content and index) is loaded once, before the workers are forked: they share it,
# and a worker never forks processes of its own while it serves.
preload_app = True
# gunicorn 24 and later open a control socket in the home folder, the same path for every
# server on the machine; nothing here uses it.
control_socket_disable = True

import gc
import subprocess
import sys
from argparse import ArgumentTypeError
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections
from gunicorn.app.base import BaseApplication

from careerscout.management.database import ensure_migrated

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise ArgumentTypeError(f"“{value}” is not a port number") from None
    if not 1 <= port <= 65535:
        raise ArgumentTypeError("the port must be between 1 and 65535")
    return port


def bind_address(host: str, port: int) -> str:
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return f"{host}:{port}"


class CareerScoutServer(BaseApplication):
    """Gunicorn configured in code, so `careerscout serve` needs no config file."""

    def __init__(self, options: dict[str, Any]):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        """Called once in the main process (`preload_app`), before the workers fork.

        Everything made here is shared by the workers rather than built by each: the title
        index (1.5 s and 60,000 objects) is ready for their first request, and `gc.freeze()`
        keeps the collector from walking these long-lived objects again. Without it, a full
        collection in a worker took about 100 ms, in the middle of whichever request set it off.
        """
        from careerscout.occupations.matching import loaded_index
        from careerscout.wsgi import application

        loaded_index()  # built here when the occupation tables are loaded, else on first use
        connections.close_all()  # forked workers must not share this process's connection
        gc.freeze()
        return application


class Command(BaseCommand):
    help = "Apply any pending migrations, then serve Career Scout with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Default: %(default)s.")
        parser.add_argument("--port", type=port_number, default=8000, help="Default: %(default)s.")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the background worker alongside; run `careerscout worker` "
            "yourself (for example on a shared deployment).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=4,
            help="Processes answering requests, each with 2 threads (default: %(default)s).",
        )

    def handle(self, *args, **options) -> None:
        applied = ensure_migrated()
        if applied:
            self.stdout.write(f"Updated the database ({applied} migrations).")
        # Forked workers must not share the parent's database connection.
        connections.close_all()

        host, port = options["host"], options["port"]
        if host.strip("[]") not in LOOPBACK and host not in settings.ALLOWED_HOSTS:
            self.stderr.write(
                f"Note: set ALLOWED_HOSTS to the name people type in their browser to reach "
                f"this server (now: {', '.join(settings.ALLOWED_HOSTS)})."
            )
        shown_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
        self.stdout.write(
            f"Career Scout is at http://{bind_address(shown_host, port)}/ — Ctrl+C stops it."
        )
        self.stdout.flush()
        # One machine, one command: reminders and long imports need the worker running too.
        worker = None
        if not options["no_worker"]:
            worker = subprocess.Popen([sys.executable, "-m", "careerscout", "worker"])
        try:
            self.serve(host, port, options)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=30)

    def serve(self, host: str, port: int, options: dict[str, Any]) -> None:
        CareerScoutServer(
            {
                "bind": [bind_address(host, port)],
                "workers": max(1, options["workers"]),
                # Threads keep a slow request (an import, an export) from blocking the others.
                # Few per process: threads of one process take turns holding Python's lock, so
                # on 2 cores 4 processes × 2 threads answered a busy day's requests faster (p99
                # 75 ms) than 2 × 4 (150 ms), with the same 8 at once (docs/performance.md).
                "worker_class": "gthread",
                "threads": 2,
                "preload_app": True,
                # Browsers and proxies reuse a connection for the next request a few seconds
                # later; gunicorn's default of 2 s closes it just before.
                "keepalive": 5,
                "accesslog": "-",
                "errorlog": "-",
                # One local installation needs no runtime control socket in $HOME.
                "control_socket_disable": True,
                "proc_name": "careerscout",
            }
        ).run()

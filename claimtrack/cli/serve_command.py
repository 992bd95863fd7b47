"""`claimtrack serve`: the web app and API behind waitress, a production WSGI server."""

from __future__ import annotations

import os

import click

from claimtrack.cli.database import resolve_database_path
from claimtrack.cli.options import database_option
from claimtrack.store.database import DATABASE_ENV

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000

host_option = click.option("--host", default=DEFAULT_HOST, show_default=True, help="Interface.")
port_option = click.option(
    "--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535)
)
threads_option = click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))


def serve_app(db_path: str | None, host: str, port: int, threads: int = 4) -> None:
    """Build the app on the chosen database and serve it with waitress until interrupted."""
    import waitress

    from claimtrack.app import create_app

    database = resolve_database_path(db_path)
    # create_app() reads the database from the environment (and instance/config.py)
    os.environ[DATABASE_ENV] = str(database)
    app = create_app()
    try:
        server = waitress.create_server(app, host=host, port=port, threads=threads)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    click.echo(f"claimtrack on http://{host}:{port}/ (database {database}); Ctrl+C stops", err=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@click.command("serve")
@host_option
@port_option
@threads_option
@database_option
def serve_cmd(host: str, port: int, threads: int, db_path: str | None) -> None:
    """Serve the claimtrack web UI and JSON API."""
    serve_app(db_path, host, port, threads)

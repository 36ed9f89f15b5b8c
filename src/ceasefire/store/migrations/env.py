"""Alembic environment: runs on the connection handed over by Store.migrate()."""

from alembic import context

from ceasefire.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")


def run() -> None:
    if connection is None:  # e.g. `alembic revision --autogenerate` from the command line
        from ceasefire.store.database import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    context.run_migrations()


run()

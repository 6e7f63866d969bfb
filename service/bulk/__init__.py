"""Bulk extraction over whole archives on Apache Spark: ``python -m service bulk INPUT OUTPUT``.

The job reads JSONL or Parquet documents (``inputs``), runs the engine's
:class:`~service.engine.Extractor` on them in Arrow batches inside Spark's
Python workers, the pipeline loaded once per worker process (``extraction``),
writes the ``quotes``, ``speakers`` and ``errors`` Parquet tables
(``tables``) and a run summary (``summary``) to a staging directory, and
publishes it as OUTPUT in one step (``publish``). ``job`` runs these in order;
``command`` is the command line.

Nothing here imports pyspark at module level except the modules that only the
job uses, so ``python -m service extract`` works without Spark installed.
"""

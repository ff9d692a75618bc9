"""Scale: the same pure ``article → readout`` function on worker processes or a Dask cluster.

- :mod:`communique.scale.pool`: forked worker processes on this machine, supervised
  (a worker that dies or hangs is replaced and its article retried once).
- :mod:`communique.scale.cluster`: batches of articles mapped over a Dask cluster.

Both return results in input order, so that the one writer (the ingest job)
stores them in a fixed order whatever the workers do; both stop an article
that runs past the ``max_seconds`` setting (:mod:`communique.ingest.limits`).
"""

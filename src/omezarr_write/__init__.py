"""omezarr_write: the writer of OME-Zarr images, labels and plates (Dask pyramids into zarr).

It builds on the validated models of :mod:`omezarr_models` and never the other way round.
"""

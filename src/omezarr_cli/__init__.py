"""The ``omezarr`` command line: a thin layer over omezarr_models and omezarr_write."""

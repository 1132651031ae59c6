"""Models generated from schemas/ (see omezarr_models.codegen): do not edit."""

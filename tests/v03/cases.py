"""Test documents for OME-Zarr 0.3 and the way each rule case is judged.

Every document here is written for these tests (none is copied from elsewhere). The base
documents (:data:`IMAGE`, :data:`LABEL_IMAGE`, :data:`PLATE`, ...) are valid even with
``strict=True``; the section modules change one thing in them and list the result as a
:class:`Case` in their ``CASES``. A case is checked by :func:`check`, which judges the document
as 0.3 explicitly (``validate_attributes(doc, version="0.3")``: many 0.3 documents carry no
version, and version detection has tests of its own in ``test_versions.py``):

* ``valid``: no issue at all, with or without ``strict``;
* ``must``: an error of ``code`` at the JSON pointer ``pointer``, with or without ``strict``;
* ``should``: a warning of ``code`` at ``pointer`` (the report stays valid) without ``strict``,
  and an error of the same code at the same place with ``strict=True``.

In every case the issues reported must be exactly the expected one plus those listed in
``also``, each once: a document made to break one rule must not set off unrelated rules.

``rule`` says who states the rule: ``"schema"`` when our JSON Schemas (``schemas/0.3``) can
express it (then the reference implementation ``jsonschema`` must reach the same verdict, see
``tests/test_early_oracle.py``), ``"hand"`` for the hand-written rules of ``omezarr_models.rules``.

What 0.3 states differs from 0.4 in many places (axes as a list of names from t, c, z, y, x, no
coordinateTransformations, an "omero" block without requirements, SHOULD rules only for
multiscales and acquisitions, plates without alphanumeric names, row/column indices or well
paths tied to the rows and columns). The section modules have a ``valid`` case for each 0.4
rule that 0.3 does not have.
"""

from __future__ import annotations

from typing import Any

from tests.early_cases import (  # noqa: F401 - re-exported for the section modules
    Case,
    change,
    drop,
    keys,
    make_all_cases,
    make_check,
    merge,
    must,
    params,
    should,
    valid,
)

VERSION = "0.3"

# JSON pointers into the base documents.
MS = "/multiscales/0"
AXES = f"{MS}/axes"
DS = f"{MS}/datasets"
OMERO = "/omero"
CH0 = f"{OMERO}/channels/0"
WIN0 = f"{CH0}/window"
IL = "/image-label"
PLATE_PTR = "/plate"
ACQ_PTR = f"{PLATE_PTR}/acquisitions"
WELL_PTR = "/well"


#: The modules that hold rule cases (``CASES``), gathered by :func:`all_cases`.
SECTION_MODULES = (
    "test_multiscales",
    "test_omero",
    "test_labels",
    "test_plate",
    "test_well",
    "test_versions",
    "test_types",
)


# --------------------------------------------------------------------------------------------
# Builders


def multiscale(
    axes: tuple[str, ...] = ("y", "x"), paths: tuple[str, ...] = ("0", "1"), **extra: Any
) -> dict[str, Any]:
    """A multiscale with every SHOULD key, the axes named and one dataset per path."""
    out: dict[str, Any] = {
        "version": VERSION,
        "name": "tissue section",
        "type": "gaussian",
        "metadata": {"method": "a gaussian pyramid", "sigma": 1.5},
        "axes": list(axes),
        "datasets": [{"path": p} for p in paths],
    }
    out.update(extra)
    return out


def image(
    axes: tuple[str, ...] = ("y", "x"), paths: tuple[str, ...] = ("0", "1"), **extra: Any
) -> dict[str, Any]:
    """An image document with one multiscale (see :func:`multiscale`)."""
    return {"multiscales": [multiscale(axes, paths, **extra)]}


#: A 5D image (t, c, z, y, x) with three levels, omero rendering metadata for its two channels and
#: a key of its own.
IMAGE: dict[str, Any] = {
    "multiscales": [
        {
            "version": "0.3",
            "name": "embryo",
            "type": "local_mean",
            "metadata": {"method": "mean over 2x2 blocks", "order": 1, "kwargs": {"cval": 0}},
            "axes": ["t", "c", "z", "y", "x"],
            "datasets": [{"path": "0"}, {"path": "1"}, {"path": "2"}],
        }
    ],
    "omero": {
        "id": 7,
        "name": "embryo.czi",
        "version": "0.3",
        "channels": [
            {
                "active": True,
                "coefficient": 1,
                "color": "00FF00",
                "family": "linear",
                "inverted": False,
                "label": "GFP",
                "window": {"min": 0, "max": 4095, "start": 100, "end": 2000},
            },
            {
                "active": False,
                "coefficient": 1.0,
                "color": "ff00ff",
                "family": "linear",
                "inverted": False,
                "label": "DAPI",
                "window": {"min": 0.0, "max": 1.0, "start": 0.05, "end": 0.9},
            },
        ],
        "rdefs": {"defaultT": 0, "defaultZ": 12, "model": "color"},
    },
    "creator": {"name": "a test", "version": "1"},
}

#: A label image: a multiscale and its image-label metadata.
LABEL_IMAGE: dict[str, Any] = {
    "multiscales": [multiscale(name="nuclei")],
    "image-label": {
        "version": "0.3",
        "colors": [
            {"label-value": 1, "rgba": [255, 0, 0, 255]},
            {"label-value": 2, "rgba": [0, 0, 255, 128]},
            {"label-value": 0},
        ],
        "properties": [
            {"label-value": 1, "cell type": "neuron", "area (pixels)": 315},
            {"label-value": 2, "area (pixels)": 120},
        ],
        "source": {"image": "../../"},
    },
}

#: A labels group listing two label images.
LABELS: dict[str, Any] = {"labels": ["nuclei", "cells/membranes"]}

#: A plate of 2 rows and 3 columns with 3 of its 6 wells and two acquisitions.
PLATE: dict[str, Any] = {
    "plate": {
        "version": "0.3",
        "name": "screen 12, plate 3",
        "field_count": 3,
        "acquisitions": [
            {
                "id": 0,
                "name": "first pass",
                "maximumfieldcount": 2,
                "description": "before treatment",
                "starttime": 1700000000,
                "endtime": 1700003600,
            },
            {"id": 5, "name": "second pass", "maximumfieldcount": 1},
        ],
        "rows": [{"name": "A"}, {"name": "B"}],
        "columns": [{"name": "1"}, {"name": "2"}, {"name": "3"}],
        "wells": [{"path": "A/1"}, {"path": "A/3"}, {"path": "B/2"}],
    }
}

#: A well with three fields of view from two acquisitions.
WELL: dict[str, Any] = {
    "well": {
        "version": "0.3",
        "images": [
            {"path": "0", "acquisition": 0},
            {"path": "1", "acquisition": 0},
            {"path": "2", "acquisition": 5},
        ],
    }
}


# --------------------------------------------------------------------------------------------
# Changing documents by JSON pointer


check = make_check(VERSION)
all_cases = make_all_cases("tests.v03", SECTION_MODULES)

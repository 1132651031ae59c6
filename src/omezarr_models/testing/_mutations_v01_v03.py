"""One-rule mutations of OME-Zarr 0.1, 0.2 and 0.3 documents.

The texts before 0.4 state fewer rules than 0.4 (no axis objects or transformations, plates and
wells without alphanumeric names, indices or unique field paths, SHOULD rules only for
multiscales and acquisitions, and the acquisition of a well's fields a SHOULD). Where a rule
reads as in 0.4, the mutation of :mod:`omezarr_models.testing._mutations` serves these versions
too (its ``versions`` say so); this module holds the mutations of the rules that differ. Every
mutation of 0.1 to 0.3 returns the JSON pointer where the validator reports its code (the
document itself, ``""``, for a version it cannot use).

The codes drawn per version, over all kinds (``must``: a MUST rule, an error; ``should``: a
SHOULD rule, drawn with ``strict=True``; ``none``: the text has no such rule):

======================================  ======  ======  ======
code                                    0.1     0.2     0.3
======================================  ======  ======  ======
multiscales-empty                       must    must    must
multiscale-datasets-missing             must    must    must
datasets-empty                          must    must    must
dataset-path-missing                    must    must    must
dataset-path-invalid                    must    must    must
dataset-paths-not-unique                must    must    must
multiscale-name-missing                 none    should  should
multiscale-version-missing              none    should  should
multiscale-type-missing                 none    should  should
multiscale-metadata-missing             none    should  should
multiscale-axes-missing                 none    none    must
axes-count                              none    none    must
axis-names-not-unique                   none    none    must
axes-order                              none    none    must
invalid-value                           none    none    must
label-values-not-unique                 must    must    must
label-value-missing                     must    must    must
label-rgba-invalid                      must    must    must
labels-path-invalid                     must    must    must
labels-invalid                          must    must    must
plate-rows-missing                      must    must    must
plate-columns-missing                   must    must    must
plate-wells-missing                     must    must    must
row-name-missing                        must    must    must
column-name-missing                     must    must    must
well-path-missing                       must    must    must
acquisition-id-missing                  must    must    must
acquisition-ids-not-unique              must    must    must
acquisition-name-missing                should  should  should
acquisition-maximumfieldcount-missing   should  should  should
well-images-missing                     must    must    must
well-image-path-missing                 must    must    must
well-image-acquisition-missing          should  should  should
wrong-type                              must    must    must
version-invalid                         must    must    must
version-unknown                         must    must    must
version-mismatch                        must    must    must
no-ome-metadata                         must    must    must
======================================  ======  ======  ======

``invalid-value`` is an axis name not of t, c, z, y, x; ``wrong-type`` a value of a type the
text does not give it, in every kind (an integral float where it wants an integer, too).

Not drawn, as no single document can break them: the rules on the hierarchy (levels ordered
from largest to smallest, a label image with as many levels as its image, 0.3's
``_ARRAY_DIMENSIONS``, wells and fields that exist) and on the kind of a group in context
(``multiscales-missing``, ``image-label-missing``, ``plate-missing``, ``well-missing``,
``labels-missing``, ``label-image-multiscales-missing``), which the whole-dataset validation
checks.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from hypothesis import strategies as st

from omezarr_models.testing._common import EARLY, meta_of
from omezarr_models.testing._mutations import (
    _IMAGES,
    Apply,
    Document,
    Mutation,
    _a_channel,
    _a_dataset,
    _a_field,
    _a_multiscale,
    _a_well,
    _an_acquisition,
    _an_omero,
    _label_value_entry,
    _m,
    _pick,
    _plate,
    _plate_integral_float,
    _well,
    _well_image_acquisition_missing,
    locate,
)

_V02_V03 = frozenset({"0.2", "0.3"})
_V03 = frozenset({"0.3"})
_KINDS = frozenset({"image", "label-image", "labels", "plate", "well"})

# Values of the wrong JSON type where the schema wants a string, an object, an integer, a number.
_NOT_STRINGS = (0, 1.5, True, None, ["0"], {"path": "0"})
_NOT_OBJECTS = ("gaussian", 1, True, None, ["sigma"])
_NOT_INTEGERS = ("1", 1.5, True, None, [1])
_NOT_NUMBERS = ("0", True, None, [0], {"value": 0})


# ------------------------------------------------------------------------------------------
# Multiscales and 0.3 axes


def _multiscale_wrong_type(draw: st.DrawFn, doc: Document, version: str) -> str:
    """A dataset path or multiscale name that is no string (from 0.2: a type that is no string,
    metadata that is no object)."""
    keys = ("path", "name") if version == "0.1" else ("path", "name", "type", "metadata")
    key = draw(st.sampled_from(keys))
    if key == "path":
        ds = _a_dataset(draw, doc, version)
        ds["path"] = draw(st.sampled_from(_NOT_STRINGS))
        return f"{locate(doc, ds)}/path"
    ms = _a_multiscale(draw, doc, version)
    ms[key] = draw(st.sampled_from(_NOT_OBJECTS if key == "metadata" else _NOT_STRINGS))
    return f"{locate(doc, ms)}/{key}"


def _axes_count(draw: st.DrawFn, doc: Document, version: str) -> str:
    ms = _a_multiscale(draw, doc, version)
    ms["axes"] = list(draw(st.sampled_from((("x",), ("y",), ("t", "c", "z", "y", "x", "x")))))
    return f"{locate(doc, ms)}/axes"


def _axis_names_not_unique(draw: st.DrawFn, doc: Document, version: str) -> str:
    axes = _a_multiscale(draw, doc, version)["axes"]
    i, j = draw(st.lists(st.integers(0, len(axes) - 1), min_size=2, max_size=2, unique=True))
    axes[j] = axes[i]
    return f"{locate(doc, axes)}/{max(i, j)}"  # the second of the two is the repeat


def _axis_name_invalid(draw: st.DrawFn, doc: Document, version: str) -> str:
    axes = _a_multiscale(draw, doc, version)["axes"]
    j = draw(st.integers(0, len(axes) - 1))
    axes[j] = draw(st.sampled_from(("X", "w", "time", "channel", "", "t ", 0, None)))
    return f"{locate(doc, axes)}/{j}"


def _axes_order(draw: st.DrawFn, doc: Document, version: str) -> str:
    ms = _a_multiscale(draw, doc, version)
    axes = ms["axes"]
    ms["axes"] = draw(st.permutations(axes).filter(lambda names: names != axes))
    return f"{locate(doc, ms)}/axes"


# ------------------------------------------------------------------------------------------
# Omero and image-label


def _omero_wrong_type(draw: st.DrawFn, doc: Document, version: str) -> str:
    """A key of the omero block (its example gives the types) of another type."""
    target = draw(st.sampled_from(("channels", "name", "color", "active", "window")))
    omero = _an_omero(doc, version)
    if target in ("channels", "name"):
        omero[target] = draw(
            st.sampled_from(("DAPI", {}, 1) if target == "channels" else _NOT_STRINGS)
        )
        return f"{locate(doc, omero)}/{target}"
    channel = _a_channel(draw, doc, version)
    if target == "window":
        window = channel.setdefault("window", {})
        key = draw(st.sampled_from(("min", "max", "start", "end")))
        window[key] = draw(st.sampled_from(_NOT_NUMBERS))
        return f"{locate(doc, window)}/{key}"
    channel[target] = draw(st.sampled_from(_NOT_STRINGS if target == "color" else ("yes", 1, None)))
    return f"{locate(doc, channel)}/{target}"


def _image_label_wrong_type(draw: st.DrawFn, doc: Document, version: str) -> str:
    """A label value that is no integer, colours that are no list, a source that is no object."""
    target = draw(st.sampled_from(("label-value", "colors", "source")))
    image_label = meta_of(doc, version)["image-label"]
    if target == "label-value":
        entry = _label_value_entry(draw, doc, version)
        entry["label-value"] = draw(st.sampled_from(_NOT_INTEGERS))
        return f"{locate(doc, entry)}/label-value"
    image_label[target] = draw(st.sampled_from(("../../", 1, True, None)))
    return f"{locate(doc, image_label)}/{target}"


# ------------------------------------------------------------------------------------------
# Plates and wells


def _unnamed_item(key: str) -> Apply:
    """A row or column object that is not empty but has no name."""

    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        items = _plate(doc, version)[key]
        if not items:
            items.append({"name": "A"})
        item: dict[str, Any] = _pick(draw, items)
        item.pop("name", None)
        item["description"] = draw(st.sampled_from(("no name", "")))
        return locate(doc, item)

    return apply


def _plate_wrong_type(draw: st.DrawFn, doc: Document, version: str) -> str:
    """A plate's name, field count, rows, an acquisition's time or a well's path of a type the
    text does not give it."""
    target = draw(st.sampled_from(("name", "field_count", "rows", "starttime", "path")))
    plate = _plate(doc, version)
    if target == "starttime":
        acquisition = _an_acquisition(draw, doc, version)
        acquisition["starttime"] = draw(st.sampled_from((1.5, None, True, [1])))
        return f"{locate(doc, acquisition)}/starttime"
    if target == "path":
        well = _a_well(draw, doc, version)
        well["path"] = draw(st.sampled_from(_NOT_STRINGS))
        return f"{locate(doc, well)}/path"
    bad = {"name": _NOT_STRINGS, "field_count": _NOT_INTEGERS, "rows": ("A", {"name": "A"}, 1)}
    plate[target] = draw(st.sampled_from(bad[target]))
    return f"{locate(doc, plate)}/{target}"


def _well_wrong_type(draw: st.DrawFn, doc: Document, version: str) -> str:
    """A field's path or acquisition, or the well's images, of another type."""
    target = draw(st.sampled_from(("path", "acquisition", "images")))
    if target == "images":
        well = _well(doc, version)
        well["images"] = draw(st.sampled_from(({}, "0", 0)))
        return f"{locate(doc, well)}/images"
    field = _a_field(draw, doc, version)
    field[target] = draw(st.sampled_from(_NOT_STRINGS if target == "path" else _NOT_INTEGERS))
    return f"{locate(doc, field)}/{target}"


# ------------------------------------------------------------------------------------------
# The catalogue


#: A mutation of 0.1 to 0.3 (unless ``versions`` says otherwise).
_early = partial(_m, versions=EARLY)


MUTATIONS_V01_V03: tuple[Mutation, ...] = (
    _early("a multiscale key of the wrong type", "wrong-type", _IMAGES, _multiscale_wrong_type),
    # 0.3 axes
    _early("1 or 6 axis names", "axes-count", _IMAGES, _axes_count, versions=_V03),
    _early(
        "repeat an axis name",
        "axis-names-not-unique",
        _IMAGES,
        _axis_names_not_unique,
        versions=_V03,
    ),
    _early(
        "an axis name not of tczyx", "invalid-value", _IMAGES, _axis_name_invalid, versions=_V03
    ),
    _early("axis names out of order", "axes-order", _IMAGES, _axes_order, versions=_V03),
    # omero and image-label
    _early("an omero key of the wrong type", "wrong-type", _IMAGES, _omero_wrong_type),
    _early(
        "an image-label key of the wrong type", "wrong-type", "label-image", _image_label_wrong_type
    ),
    # plates
    *(
        _early(f"a {what} object without name", f"{what}-name-missing", "plate", _unnamed_item(key))
        for key, what in (("rows", "row"), ("columns", "column"))
    ),
    _early(
        "an integral float count or acquisition key",
        "wrong-type",
        "plate",
        _plate_integral_float("field_count", "acquisition"),
    ),
    _early("a plate key of the wrong type", "wrong-type", "plate", _plate_wrong_type),
    # wells
    _early("a well key of the wrong type", "wrong-type", "well", _well_wrong_type),
    _early(
        "a field without acquisition among several (a SHOULD before 0.4)",
        "well-image-acquisition-missing",
        "well",
        _well_image_acquisition_missing,
        should=True,
    ),
)

__all__ = ["MUTATIONS_V01_V03"]

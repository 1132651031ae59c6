"""The catalogue of issue codes: every code the validator can report, with what it means.

Codes are stable identifiers (kebab-case): tools may match on them. The schema annotations
(``x-codes`` / ``x-code``) and the hand-written rules only use codes listed here; a test checks it.
"""

from __future__ import annotations

from typing import Final

#: code -> one-sentence meaning. Used as the message where the schema engine's own is unhelpful,
#: and by the generated rule index.
CODES: Final[dict[str, str]] = {
    # --- documents and versions
    "attributes-not-object": "the attributes must be a JSON object",
    "no-ome-metadata": "the document holds no OME-Zarr metadata key",
    "version-unknown": "the version is not one this validator knows",
    "version-invalid": "the version must be a string",
    "version-missing": "no version was found; the document was judged as the version named in the message",
    "version-mismatch": "the versions within one document (or hierarchy) must agree",
    "ome-missing": "OME-Zarr 0.5+ metadata must be stored under the 'ome' key of the attributes",
    "ome-not-object": "the 'ome' attribute must be a JSON object",
    "ome-version-missing": "the 'ome' object must contain 'version'",
    "ome-key-outside-namespace": "an OME-Zarr key outside the 'ome' namespace is ignored by 0.5+ readers",
    "zarr-format-mismatch": "the zarr format must match the version: v2 up to 0.4, v3 from 0.5",
    "wrong-type": "the value has the wrong JSON type",
    "invalid-value": "the value is not one of those allowed",
    "missing-field": "a required key is missing",
    "schema-violation": "the value breaks a rule of the schema",
    # --- axes
    "axis-name-missing": "every axis must have a 'name'",
    "axis-names-not-unique": "axis names must be unique",
    "axis-type-missing": "every axis should have a 'type'",
    "axis-unit-missing": "space and time axes should have a 'unit'",
    "axis-unit-unknown": "the unit should be one of the UDUNITS-2 units listed by the spec for the axis type",
    "axes-count": "a multiscale image must have between 2 and 5 axes",
    "space-axes-count": "there must be 2 or 3 axes of type 'space'",
    "time-axes-count": "there may be at most one axis of type 'time'",
    "channel-axes-count": "there may be at most one axis of type 'channel' or of a custom/null type",
    "axes-order": "axes must be ordered time, then channel or custom, then space",
    "space-axes-not-zyx": "three spatial axes x, y, z should be ordered z, y, x",
    # --- multiscales and transformations
    "multiscales-missing": "an image must have 'multiscales'",
    "multiscales-empty": "'multiscales' must list at least one multiscale image",
    "multiscale-axes-missing": "every multiscale must have 'axes'",
    "multiscale-datasets-missing": "every multiscale must have 'datasets'",
    "multiscale-name-missing": "every multiscale should have a 'name'",
    "multiscale-version-missing": "every multiscale should have a 'version'",
    "multiscale-type-missing": "every multiscale should have a 'type' (the downscaling method)",
    "multiscale-metadata-missing": "every multiscale should have 'metadata' about the downscaling method",
    "datasets-empty": "'datasets' must list at least one resolution level",
    "dataset-path-missing": "every dataset must have a 'path'",
    "dataset-paths-not-unique": "the dataset paths of a multiscale must be unique",
    "dataset-transformations-missing": "every dataset must have 'coordinateTransformations'",
    "transformation-type-missing": "every transformation must have a 'type'",
    "transformation-type-unknown": "the transformation type is not one the spec defines",
    "transformation-type-not-allowed": "multiscales allow only 'scale' and 'translation' transformations",
    "transformation-parameters-missing": "a transformation needs its vector or a 'path' to it",
    "transformation-parameters-ambiguous": "a transformation must give its vector or a 'path', not both",
    "scale-count": "transformations must contain exactly one 'scale'",
    "translation-count": "transformations may contain at most one 'translation'",
    "translation-before-scale": "'translation' must come after 'scale'",
    "scale-length-mismatch": "the scale vector must have one entry per axis",
    "translation-length-mismatch": "the translation vector must have one entry per axis",
    # --- omero
    "omero-channels-missing": "'omero' must contain 'channels'",
    "channel-color-missing": "every omero channel must have a 'color'",
    "channel-color-invalid": "a channel colour must be 6 hexadecimal digits (RGB)",
    "channel-window-missing": "every omero channel must have a 'window'",
    "window-field-missing": "a window must have 'min', 'max', 'start' and 'end'",
    # --- labels
    "labels-missing": "a labels group must have 'labels'",
    "labels-invalid": "'labels' must be a list of paths (strings)",
    "image-label-missing": "a label image must have 'image-label'",
    "label-image-multiscales-missing": "a label image must also have 'multiscales'",
    "label-colors-missing": "'image-label' should have 'colors'",
    "image-label-version-missing": "'image-label' should have a 'version'",
    "label-value-missing": "every colour and property entry must have a 'label-value'",
    "label-values-not-unique": "the label values of 'colors' must be unique",
    "label-rgba-invalid": "'rgba' must be four integers between 0 and 255",
    # --- plate
    "plate-missing": "a plate group must have 'plate'",
    "plate-columns-missing": "a plate must have 'columns'",
    "plate-rows-missing": "a plate must have 'rows'",
    "plate-wells-missing": "a plate must have 'wells'",
    "plate-columns-empty": "every column of the physical plate must be defined",
    "plate-rows-empty": "every row of the physical plate must be defined",
    "plate-name-missing": "a plate should have a 'name'",
    "plate-field-count-missing": "a plate should have 'field_count'",
    "plate-version-missing": "a plate should have a 'version'",
    "field-count-invalid": "'field_count' must be a positive integer",
    "column-name-missing": "every column must have a 'name'",
    "column-name-invalid": "a column name must contain only alphanumeric characters",
    "column-names-not-unique": "column names must be unique",
    "column-names-case-collision": "column names should not differ only in case",
    "row-name-missing": "every row must have a 'name'",
    "row-name-invalid": "a row name must contain only alphanumeric characters",
    "row-names-not-unique": "row names must be unique",
    "row-names-case-collision": "row names should not differ only in case",
    "acquisition-id-missing": "every acquisition must have an 'id'",
    "acquisition-id-invalid": "an acquisition id must be an integer >= 0",
    "acquisition-ids-not-unique": "acquisition ids must be unique within the plate",
    "acquisition-name-missing": "every acquisition should have a 'name'",
    "acquisition-maximumfieldcount-missing": "every acquisition should have 'maximumfieldcount'",
    "maximumfieldcount-invalid": "'maximumfieldcount' must be a positive integer",
    "well-path-missing": "every plate well must have a 'path'",
    "well-row-index-missing": "every plate well must have a 'rowIndex'",
    "well-column-index-missing": "every plate well must have a 'columnIndex'",
    "well-path-invalid": "a well path must be a row name, '/', and a column name",
    "well-path-row-unknown": "the row of a well path must be one of the plate's rows",
    "well-path-column-unknown": "the column of a well path must be one of the plate's columns",
    "well-index-out-of-range": "rowIndex/columnIndex must be valid 0-based indices into rows/columns",
    "well-index-mismatch": "rowIndex, columnIndex and path must refer to the same row and column",
    "well-paths-not-unique": "the wells of a plate must be unique",
    # --- well
    "well-missing": "a well group must have 'well'",
    "well-images-missing": "a well must have 'images'",
    "well-image-path-missing": "every field of view must have a 'path'",
    "well-image-path-invalid": "a field of view path must contain only alphanumeric characters",
    "well-image-acquisition-missing": "when the plate had several acquisitions, every field must name its acquisition",
    "well-image-paths-not-unique": "the field of view paths of a well must be unique",
    "well-version-missing": "a well should have a 'version'",
    # --- bioformats2raw
    "bf2raw-layout-missing": "a bioformats2raw collection must have 'bioformats2raw.layout'",
    "bf2raw-layout-invalid": "'bioformats2raw.layout' must be 3",
    "series-missing": "the OME group of a bioformats2raw collection lists its images in 'series'",
    "series-invalid": "'series' must be a list of paths (strings)",
}


def describe(code: str) -> str:
    """Return the meaning of ``code`` (the code itself if unknown)."""
    return CODES.get(code, code)

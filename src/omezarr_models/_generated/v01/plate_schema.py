# Generated from schemas/0.1 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v01 import Base, DocumentBase, PlateMetadataBase
from pydantic import ConfigDict


class Acquisition(Base):
    """
    One acquisition of the plate, to which fields of view can refer (0.1 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    id: int
    """
    MUST: an identifier, unique within the plate, to which fields of view refer; an integer as in the example (0.1 §plate-md).
    """
    name: str | None = None
    """
    SHOULD be present: the name of the acquisition (0.1 §plate-md).
    """
    maximumfieldcount: int | None = None
    """
    SHOULD be present: the maximum number of fields of view for the acquisition; an integer as in the example (0.1 §plate-md).
    """
    description: str | None = None
    """
    MAY: a description of the acquisition (0.1 §plate-md).
    """
    starttime: int | str | None = None
    """
    MAY: the start timestamp of the acquisition, "using an epoch string" says the text, an integer in its example: either is accepted. (The text spells the key "startime" once, its example "starttime".) (0.1 §plate-md)
    """
    endtime: int | str | None = None
    """
    MAY: the end timestamp of the acquisition, an epoch string or integer (see starttime) (0.1 §plate-md).
    """


class Column(Base):
    """
    One column of the plate, defining the properties of the column at its index in the list; if not empty, it MUST contain a "name" (0.1 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: str | None = None
    """
    The column name (0.1 §plate-md).
    """


class Row(Base):
    """
    One row of the plate, defining the properties of the row at its index in the list; if not empty, it MUST contain a "name" (0.1 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: str | None = None
    """
    The row name (0.1 §plate-md).
    """


class PlateWell(Base):
    """
    One well of the plate (0.1 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: str
    """
    MUST: the path to the well subgroup (0.1 §plate-md).
    """


class PlateMetadata(PlateMetadataBase):
    """
    The plate layout. Of its keys the text marks only "acquisitions" as optional: columns, rows and wells define the plate and are required; name, field_count and version carry no MUST or SHOULD (0.1 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    acquisitions: list[Acquisition] | None = None
    """
    An optional list of the acquisitions of the plate (0.1 §plate-md).
    """
    columns: list[Column]
    """
    The columns of the plate; a column's index is its position in the list (0.1 §plate-md).
    """
    field_count: int | None = None
    """
    An integer, the maximum number of fields per view across all wells (0.1 §plate-md).
    """
    name: str | None = None
    """
    A string, the name of the plate (0.1 §plate-md).
    """
    rows: list[Row]
    """
    The rows of the plate; a row's index is its position in the list (0.1 §plate-md).
    """
    version: str | None = None
    """
    A string, the version of the specification (0.1 §plate-md).
    """
    wells: list[PlateWell]
    """
    The wells of the plate (0.1 §plate-md).
    """


class Plate(DocumentBase):
    """
    The attributes of a high-content screening plate group, which MUST implement the plate specification: the "plate" key (0.1 §plate-md, §hcs-layout).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    plate: PlateMetadata

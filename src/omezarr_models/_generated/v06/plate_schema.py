# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Literal
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import Base, DocumentBase, PlateMetadataBase


class Acquisition(Base):
    """
    One acquisition of the plate (0.6rc0 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    id: Annotated[int, Field(ge=0)]
    """
    MUST: an integer identifier >= 0, unique within the plate (0.6rc0 §plate-md).
    """
    name: str | None = None
    """
    SHOULD be present: the name of the acquisition (0.6rc0 §plate-md).
    """
    maximumfieldcount: Annotated[int | None, Field(ge=1)] = None
    """
    SHOULD be present: a positive integer, the maximum number of fields of view of the acquisition (0.6rc0 §plate-md).
    """
    description: str | None = None
    """
    MAY: a description of the acquisition (0.6rc0 §plate-md).
    """
    starttime: int | None = None
    """
    MAY: the start of the acquisition as an integer epoch timestamp (0.6rc0 §plate-md).
    """
    endtime: int | None = None
    """
    MAY: the end of the acquisition as an integer epoch timestamp (0.6rc0 §plate-md).
    """


class Column(Base):
    """
    One column of the plate (0.6rc0 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: Annotated[str, Field(pattern="^[A-Za-z0-9]+$")]
    """
    MUST: the column name, alphanumeric, case-sensitive, unique among the columns (0.6rc0 §plate-md).
    """


class Row(Base):
    """
    One row of the plate (0.6rc0 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: Annotated[str, Field(pattern="^[A-Za-z0-9]+$")]
    """
    MUST: the row name, alphanumeric, case-sensitive, unique among the rows (0.6rc0 §plate-md).
    """


class PlateWell(Base):
    """
    One well of the plate: its path and its row and column indices (0.6rc0 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    path: Annotated[str, Field(pattern="^[A-Za-z0-9]+/[A-Za-z0-9]+$")]
    """
    MUST: a row name, "/" and a column name, in that order, with no further leading or trailing directories (0.6rc0 §plate-md).
    """
    rowIndex: Annotated[int, Field(ge=0)]
    """
    MUST: the 0-based index of the well's row in the rows list (0.6rc0 §plate-md).
    """
    columnIndex: Annotated[int, Field(ge=0)]
    """
    MUST: the 0-based index of the well's column in the columns list (0.6rc0 §plate-md).
    """


class PlateMetadata(PlateMetadataBase):
    """
    The plate layout: rows, columns, wells and acquisitions (0.6rc0 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    acquisitions: list[Acquisition] | None = None
    """
    MAY: the acquisitions of the plate, to which fields of view can refer (0.6rc0 §plate-md).
    """
    columns: Annotated[list[Column], Field(min_length=1)]
    """
    MUST: every column of the physical plate, even those without wells; the index of a column is its position in this list (0.6rc0 §plate-md).
    """
    field_count: Annotated[int | None, Field(ge=1)] = None
    """
    SHOULD be present: a positive integer, the maximum number of fields per view across all wells (0.6rc0 §plate-md).
    """
    name: str | None = None
    """
    SHOULD be present: the name of the plate (0.6rc0 §plate-md).
    """
    rows: Annotated[list[Row], Field(min_length=1)]
    """
    MUST: every row of the physical plate, even those without wells; the index of a row is its position in this list (0.6rc0 §plate-md).
    """
    version: str | None = None
    """
    Superseded by the "version" of the OME-Zarr Metadata (0.6rc0 §metadata); when present it must agree with it.
    """
    wells: list[PlateWell]
    """
    MUST: the wells of the plate (0.6rc0 §plate-md).
    """


class Plate(DocumentBase):
    """
    The OME-Zarr Metadata (the "ome" object in zarr.json attributes) of a high-content screening plate group: the "plate" key (0.6rc0 §plate-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.6rc0 §metadata).
    """
    plate: PlateMetadata
    bioformats2raw_layout: Annotated[
        Literal[3] | None, Field(alias="bioformats2raw.layout", title="Bioformats2RawLayout")
    ] = None
    """
    MUST have the value 3 (0.6rc0 §bf2raw-details).
    """

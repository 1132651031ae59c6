"""Rules on plates and wells (high-content screening) that a JSON Schema cannot state."""

from __future__ import annotations

from typing import Any

from omezarr_models.rules.collector import EARLY, Collector, check_integers

_ACQ_INTS = ("id", "maximumfieldcount", "starttime", "endtime")


def _names(items: Any, ptr: str, what: str, c: Collector) -> list[str | None] | None:
    """Return the names of a rows/columns list (None where invalid); report duplicates."""
    if not isinstance(items, list):
        return None
    names: list[str | None] = []
    seen: dict[str, int] = {}
    folded: dict[str, str] = {}
    for k, item in enumerate(items):
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str):
            names.append(None)
            continue
        names.append(name)
        if name in seen:
            c.must(
                f"{ptr}/{k}/name",
                f"{what}-names-not-unique",
                f"{what} name {name!r} is a duplicate of {what} {seen[name]}",
                "plate-md",
            )
            continue
        seen[name] = k
        other = folded.get(name.casefold())
        if other is not None:
            c.should(
                f"{ptr}/{k}/name",
                f"{what}-names-case-collision",
                f"{what} names {other!r} and {name!r} differ only in case, "
                "which collides on case-insensitive filesystems",
                "plate-md",
            )
        else:
            folded[name.casefold()] = name
    return names


def check_plate(plate: Any, ptr: str, c: Collector) -> None:
    """Unique names and ids; well paths, indices and names that agree (§plate-md)."""
    if not isinstance(plate, dict):
        return
    check_integers(plate, ("field_count",), ptr, c, "plate-md")
    if c.version in EARLY:
        # Before 0.4 the text asks only for unique acquisition ids: names, well paths and
        # indices are unconstrained (a well path may even hold more directories).
        _check_acquisitions(plate.get("acquisitions"), ptr, c)
        return
    rows = _names(plate.get("rows"), f"{ptr}/rows", "row", c)
    columns = _names(plate.get("columns"), f"{ptr}/columns", "column", c)
    _check_acquisitions(plate.get("acquisitions"), ptr, c)
    wells = plate.get("wells")
    if isinstance(wells, list):
        paths: set[str] = set()
        for k, well in enumerate(wells):
            if isinstance(well, dict):
                _check_plate_well(well, f"{ptr}/wells/{k}", rows, columns, paths, c)


def _check_acquisitions(acquisitions: Any, ptr: str, c: Collector) -> None:
    """Integer fields and unique ids of a plate's acquisitions."""
    if not isinstance(acquisitions, list):
        return
    ids: set[int] = set()
    for k, acq in enumerate(acquisitions):
        if not isinstance(acq, dict):
            continue
        check_integers(acq, _ACQ_INTS, f"{ptr}/acquisitions/{k}", c, "plate-md")
        acq_id = acq.get("id")
        if isinstance(acq_id, int) and not isinstance(acq_id, bool):
            if acq_id in ids:
                c.must(
                    f"{ptr}/acquisitions/{k}/id",
                    "acquisition-ids-not-unique",
                    f"acquisition id {acq_id} is used more than once",
                    "plate-md",
                )
            ids.add(acq_id)


def _index(well: dict[str, Any], key: str) -> int | None:
    value = well.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _check_plate_well(
    well: dict[str, Any],
    ptr: str,
    rows: list[str | None] | None,
    columns: list[str | None] | None,
    paths: set[str],
    c: Collector,
) -> None:
    check_integers(well, ("rowIndex", "columnIndex"), ptr, c, "plate-md")
    path = well.get("path")
    row_name = col_name = None
    if isinstance(path, str):
        if path in paths:
            c.must(
                f"{ptr}/path",
                "well-paths-not-unique",
                f"well {path!r} is listed more than once",
                "plate-md",
            )
        paths.add(path)
        parts = path.split("/")
        if len(parts) == 2 and all(parts):
            row_name, col_name = parts
            if rows is not None and row_name not in rows:
                c.must(
                    f"{ptr}/path",
                    "well-path-row-unknown",
                    f"well path {path!r} names row {row_name!r}, which is not in the plate's rows",
                    "plate-md",
                )
                row_name = None
            if columns is not None and col_name not in columns:
                c.must(
                    f"{ptr}/path",
                    "well-path-column-unknown",
                    f"well path {path!r} names column {col_name!r}, which is not in the plate's columns",
                    "plate-md",
                )
                col_name = None
    for key, names, name, what in (
        ("rowIndex", rows, row_name, "row"),
        ("columnIndex", columns, col_name, "column"),
    ):
        index = _index(well, key)
        if index is None or names is None or index < 0:
            continue
        if index >= len(names):
            c.must(
                f"{ptr}/{key}",
                "well-index-out-of-range",
                f"{key} {index} is out of range: the plate has {len(names)} {what}s",
                "plate-md",
            )
        elif name is not None and names[index] is not None and names[index] != name:
            c.must(
                f"{ptr}/{key}",
                "well-index-mismatch",
                f"{key} {index} is {what} {names[index]!r} but the path {path!r} names {what} {name!r}",
                "plate-md",
            )


def check_well(well: Any, ptr: str, c: Collector) -> None:
    """Unique field-of-view paths; integer acquisition ids (§well-md)."""
    if not isinstance(well, dict):
        return
    images = well.get("images")
    if not isinstance(images, list):
        return
    seen: set[str] = set()
    acquisitions: set[Any] = set()
    without: list[int] = []
    for k, image in enumerate(images):
        if type(image) is not dict:
            continue
        acquisition = image.get("acquisition")
        if acquisition is None and "acquisition" not in image:
            without.append(k)
        elif type(acquisition) is int:
            acquisitions.add(acquisition)
        elif type(acquisition) is float:
            check_integers(image, ("acquisition",), f"{ptr}/images/{k}", c, "well-md")
        path = image.get("path")
        if isinstance(path, str) and c.version not in EARLY:  # unique paths: from 0.4
            if path in seen:
                c.must(
                    f"{ptr}/images/{k}/path",
                    "well-image-paths-not-unique",
                    f"field of view path {path!r} is listed more than once",
                    "well-md",
                )
            seen.add(path)
    if len(acquisitions) > 1:
        # The fields themselves show several acquisitions, so each must name its own; with the
        # plate at hand, the dataset-level check also covers a single named acquisition.
        report = c.should if c.version in EARLY else c.must  # a SHOULD until 0.4
        for k in without:
            report(
                f"{ptr}/images/{k}",
                "well-image-acquisition-missing",
                f"the well's fields come from {len(acquisitions)} acquisitions, "
                "so this field must name its 'acquisition'",
                "well-md",
            )

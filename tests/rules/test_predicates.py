"""The quick predicates in front of the reporting rules never hide an issue."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from omezarr_models.rules import Collector
from omezarr_models.rules.multiscales import check_multiscale, is_plain_multiscale

# Small alphabets so that duplicates, odd orders and wrong lengths come up often.
names = st.sampled_from(["x", "y", "z", "c", "t", "q"])
axis_types = st.sampled_from(["space", "time", "channel", "custom", None, 3])
vector = st.lists(st.integers(0, 3) | st.floats(0.1, 2.0), min_size=0, max_size=6)


@st.composite
def axes(draw: st.DrawFn) -> list[Any]:
    out: list[Any] = []
    for _ in range(draw(st.integers(0, 6))):
        axis: dict[str, Any] = {"name": draw(names | st.just(7))}
        kind = draw(axis_types)
        if kind is not None:
            axis["type"] = kind
        out.append(axis if draw(st.integers(0, 20)) else "not-an-axis")
    return out


@st.composite
def transformation(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(["scale", "translation", "identity", "rotation"]))
    t: dict[str, Any] = {"type": kind}
    if kind in ("scale", "translation") and draw(st.booleans()):
        t[kind] = draw(vector)
    elif kind in ("scale", "translation"):
        t["path"] = "p"
    return t


@st.composite
def plain_multiscales(draw: st.DrawFn) -> dict[str, Any]:
    """A multiscale the predicate should pass: valid axes in order, [scale(, translation)]."""
    n_space = draw(st.integers(2, 3))
    axes: list[dict[str, Any]] = []
    if draw(st.booleans()):
        axes.append({"name": "t", "type": "time"})
    if draw(st.booleans()):
        axes.append({"name": "c", "type": draw(st.sampled_from(["channel", "custom"]))})
    axes += [{"name": n, "type": "space"} for n in ["z", "y", "x"][3 - n_space :]]
    n = len(axes)
    datasets = []
    for level in range(draw(st.integers(1, 3))):
        cts: list[dict[str, Any]] = [{"type": "scale", "scale": [1.0] * n}]
        if draw(st.booleans()):
            cts.append({"type": "translation", "translation": [0.0] * n})
        datasets.append({"path": str(level), "coordinateTransformations": cts})
    return {"axes": axes, "datasets": datasets}


def _perturb(ms: dict[str, Any], how: str, data: st.DataObject) -> None:
    axes, datasets = ms["axes"], ms["datasets"]
    pick = data.draw(st.integers(0, 10**6))
    ds = datasets[pick % len(datasets)]
    cts = ds["coordinateTransformations"]
    if how == "duplicate-axis-name":
        axes[pick % len(axes)]["name"] = axes[(pick + 1) % len(axes)]["name"]
    elif how == "swap-axes":
        i = pick % len(axes)
        axes[i], axes[-1] = axes[-1], axes[i]
    elif how == "xzy":
        names = [a["name"] for a in axes]
        if "x" in names and "z" in names:
            axes[names.index("x")]["name"], axes[names.index("z")]["name"] = "z", "x"
    elif how == "duplicate-path":
        ds["path"] = datasets[0]["path"]
    elif how == "short-vector":
        t = cts[pick % len(cts)]
        if t["type"] in t:  # not given by "path"
            t[t["type"]].pop()
    elif how == "translation-first":
        cts.reverse()
    elif how == "extra-translation":
        cts.append({"type": "translation", "translation": [0.0] * len(axes)})
    elif how == "identity":
        cts.append({"type": "identity"})
    elif how == "multiscale-level":
        ms["coordinateTransformations"] = [{"type": "scale", "scale": [1.0] * (len(axes) + 1)}]
    elif how == "path-vector":
        cts[0] = {"type": "scale", "path": "p"}
    elif how == "drop-axis":
        axes.pop()


PERTURBATIONS = [
    "duplicate-axis-name",
    "swap-axes",
    "xzy",
    "duplicate-path",
    "short-vector",
    "translation-first",
    "extra-translation",
    "identity",
    "multiscale-level",
    "path-vector",
    "drop-axis",
]


@given(plain_multiscales(), st.lists(st.sampled_from(PERTURBATIONS), max_size=2), st.data())
def test_near_plain_multiscales(
    ms: dict[str, Any], perturbations: list[str], data: st.DataObject
) -> None:
    for how in perturbations:
        _perturb(ms, how, data)
    c = Collector("0.4")
    check_multiscale(ms, "/multiscales/0", c)
    if is_plain_multiscale(ms):
        assert c.issues == [], c.issues
    elif not perturbations:
        raise AssertionError("an unperturbed plain multiscale must pass the predicate")


@st.composite
def multiscales(draw: st.DrawFn) -> dict[str, Any]:
    datasets = [
        {
            "path": draw(st.sampled_from(["0", "1", "2"])),
            "coordinateTransformations": draw(st.lists(transformation(), max_size=3)),
        }
        for _ in range(draw(st.integers(0, 4)))
    ]
    ms: dict[str, Any] = {"axes": draw(axes()), "datasets": datasets}
    if draw(st.booleans()):
        ms["coordinateTransformations"] = draw(st.lists(transformation(), max_size=3))
    return ms


@given(multiscales())
def test_plain_multiscale_has_nothing_to_report(ms: dict[str, Any]) -> None:
    c = Collector("0.4")
    check_multiscale(ms, "/multiscales/0", c)
    if is_plain_multiscale(ms):
        assert c.issues == [], c.issues


def test_the_usual_multiscale_is_plain() -> None:
    ms = {
        "axes": [
            {"name": "t", "type": "time"},
            {"name": "c", "type": "channel"},
            {"name": "z", "type": "space"},
            {"name": "y", "type": "space"},
            {"name": "x", "type": "space"},
        ],
        "datasets": [
            {"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1] * 5}]},
            {
                "path": "1",
                "coordinateTransformations": [
                    {"type": "scale", "scale": [1] * 5},
                    {"type": "translation", "translation": [0] * 5},
                ],
            },
        ],
    }
    assert is_plain_multiscale(ms)
    ms["axes"][2]["name"], ms["axes"][4]["name"] = "x", "z"
    assert not is_plain_multiscale(ms)  # xyz order: the reporting path warns

"""The geocode and reverse subcommands: JSON contract, text output, errors."""

from __future__ import annotations

import json

import pytest
from geopy.distance import geodesic

from geoviz.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_geocode_json_contract(capsys):
    code, out, _ = run(capsys, "geocode", "Khasan", "--json")
    assert code == 0
    rows = json.loads(out)
    assert set(rows[0]) >= {"name", "lat", "lon", "kind", "country", "admin1", "population", "source", "id"}
    assert geodesic((rows[0]["lat"], rows[0]["lon"]), (42.424, 130.652)).km < 2


@pytest.mark.parametrize("name, lat, lon, km", [
    ("Vostochny Cosmodrome", 51.884, 128.334, 5), ("Vladivostok", 43.106, 131.874, 5)])
def test_geocode_seed_places(capsys, name, lat, lon, km):
    _, out, _ = run(capsys, "geocode", name, "--json")
    r = json.loads(out)[0]
    assert geodesic((r["lat"], r["lon"]), (lat, lon)).km < km


def test_geocode_limit(capsys):
    _, out, _ = run(capsys, "geocode", "Springfield", "--limit", "3", "--json")
    assert len(json.loads(out)) == 3


def test_geocode_table(capsys):
    code, out, _ = run(capsys, "geocode", "Vladivostok")
    assert code == 0 and "Vladivostok" in out and "43.10562" in out


def test_geocode_nothing_found_exits_1(capsys):
    code, out, _ = run(capsys, "geocode", "Qwxzjkvbnm")
    assert code == 1 and "no place" in out


def test_reverse(capsys):
    code, out, _ = run(capsys, "reverse", "42.42", "130.65")
    assert code == 0 and out.startswith("Russia, Primorsky Krai")
    _, out, _ = run(capsys, "reverse", "42.42", "130.65", "--json")
    d = json.loads(out)
    assert d["country"] == "RU" and d["admin1_formal"] == "Primorsky Krai" and d["nearest"]["name"] == "Khasan"


def test_reverse_bad_latitude_is_one_line_error(capsys):
    code, _, err = run(capsys, "reverse", "123", "0")
    assert code == 2 and err.count("\n") == 1 and "latitude" in err


def test_bad_arguments_exit_nonzero(capsys):
    with pytest.raises(SystemExit) as e:
        main(["reverse", "north", "0"])
    assert e.value.code == 2

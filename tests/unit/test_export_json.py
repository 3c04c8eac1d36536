"""The JSON export: the same data as before, one fact a line, encoded fast."""

from __future__ import annotations

import json

from test_format import make_pack

from tui.export.json import export_json, readable_json


def test_one_fact_a_line_and_the_same_data() -> None:
    pack = make_pack()
    text = export_json(pack, None, "en")
    data = json.loads(text)
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    for fact in pack.facts:
        (line,) = [line for line in lines if line.startswith(f'    {{"id": "{fact.id}"')]
        assert json.loads(line.rstrip(","))["id"] == fact.id
    assert [fact["id"] for fact in data["facts"]] == [fact.id for fact in pack.facts]
    assert lines.count('  "facts": [') == 1 and lines.count('  "series": [') == 1


def test_readable_json_round_trips_awkward_values() -> None:
    data = {
        "empty": [],
        "text": 'line\nbreak \u2028 «ёлочки» "quoted" \\ </script>',
        "list": [{"a": None, "b": 1.5, "c": [1, 2]}, "x"],
        "number": 90000,
    }
    assert json.loads(readable_json(data)) == data
    assert readable_json(data).count("\n") == 9

#!/usr/bin/env python3
"""Checks scenarios/schema/topology.schema.json against the shipped topologies:
every shipped file validates, and a file with a misspelt key does not (the
schema is strict like the loader). Usage: validate_schema.py SOURCE_DIR"""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "scenarios/schema/topology.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = sorted((root / "scenarios/topologies").glob("*.json"))
assert len(files) >= 4, files
for path in files:
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    assert not errors, f"{path.name}: {errors[0].message}"
bad = json.loads(files[0].read_text())
bad["regions"][0]["geograpy"] = "x"
assert list(validator.iter_errors(bad)), "a misspelt key must not validate"
print(f"schema ok on {len(files)} files")

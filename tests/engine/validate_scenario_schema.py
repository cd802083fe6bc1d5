#!/usr/bin/env python3
"""Checks scenarios/schema/scenario.schema.json: it is a valid draft 2020-12
schema, every shipped scenario (scenarios/*.json) validates against it, and
mistakes the loader rejects for their shape are rejected by the schema too.
Usage: validate_scenario_schema.py SOURCE_DIR"""
import copy
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "scenarios/schema/scenario.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

files = sorted((root / "scenarios").glob("*.json"))
if len(files) < 6:
    sys.exit(f"expected at least 6 shipped scenarios, found {[f.name for f in files]}")
failures = []
for path in files:
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    if errors:
        failures.append(f"{path.name}: {errors[0].json_path}: {errors[0].message}")


def rejected(name, edit):
    doc = copy.deepcopy(json.loads((root / "scenarios/reference.json").read_text()))
    edit(doc)
    if not list(validator.iter_errors(doc)):
        failures.append(f"the schema accepts {name}, which the loader rejects")


rejected("a misspelt top-level key", lambda d: d.update(duraton="1h"))
rejected("a missing workloads list", lambda d: d.pop("workloads"))
rejected("an unknown fault type", lambda d: d["faults"][0].update(type="region_outtage"))
rejected("fraction on a region outage", lambda d: d["faults"][0].update(fraction=0.5))
rejected("a gray failure without parameters", lambda d: d["faults"][0].update(type="gray_failure"))
rejected("an empty writes_to list", lambda d: d["workloads"][0].update(writes_to=[]))
rejected("a store listed twice in writes_to",
         lambda d: d["workloads"][0].update(writes_to=["cosmos-eastus2", "cosmos-eastus2"]))
rejected("a custom pattern without routing", lambda d: d["patterns"].append({"name": "mine", "standby_fraction": 1}))
rejected("an unknown preset", lambda d: d["patterns"][0].update(preset="hot-luke"))
rejected("a duration with an unknown unit", lambda d: d.update(duration="4d"))
rejected("a negative duration", lambda d: d["faults"][0].update(duration=-5))
rejected("amplitude on Poisson arrivals", lambda d: d["workloads"][0]["arrivals"].update(amplitude=0.3))
rejected("an unknown distribution", lambda d: d["workloads"][0].update(service_time={"distribution": "gamma", "mean": 2}))
rejected("an unknown router key", lambda d: d["patterns"][0].update(router={"breakr": {}}))
KOFN = json.loads((root / "scenarios/reliability-k-of-n.json").read_text())["reliability"]
rejected("regions_needed 0", lambda d: d.update(reliability=dict(copy.deepcopy(KOFN), regions_needed=0)))
rejected("an unknown component scope",
         lambda d: d.update(reliability={**copy.deepcopy(KOFN),
                                         "components": [dict(KOFN["components"][1], scope="global")]}))
rejected("a by_fault key that is not a fault type", lambda d: d.update(targets={"by_fault": {"zone": {"rto_s": 5}}}))

if failures:
    sys.exit("\n".join(failures))
print(f"scenario schema ok on {len(files)} shipped scenarios and 15 rejected mistakes")

#!/usr/bin/env python3
"""Copies the reference data from ../shared/data into training-data/reference/ and derives the compact
tables embedded in CstmML.Core (the pinned ATT&CK catalog). Run from the repo root:

    python3 eng/refresh-reference-data.py [path/to/shared/data]

Nothing here runs at build or run time; the outputs are committed."""
import csv, os, shutil, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data")
ref = os.path.join(root, "training-data", "reference")
core = os.path.join(root, "src", "CstmML.Core", "Attack", "Data")
os.makedirs(core, exist_ok=True)

if os.path.abspath(src) != os.path.abspath(ref):
    shutil.copytree(src, ref, dirs_exist_ok=True)

attack = os.path.join(ref, "attack")
for name in ["tactics.csv", "techniques.csv", "technique_revocations.csv",
             "attack_v18_to_v19_crosswalk_observed.csv", "groups.csv"]:
    shutil.copyfile(os.path.join(attack, name), os.path.join(core, name))

# Groups, software and campaigns with the techniques they use: the excerpt column is dropped to keep the assembly small.
with open(os.path.join(attack, "entity_technique_uses.csv"), newline="", encoding="utf-8") as f, \
     open(os.path.join(core, "entity_techniques.csv"), "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["entity_type", "entity_id", "entity_name", "technique_id"])
    for row in csv.DictReader(f):
        w.writerow([row["entity_type"], row["entity_id"], row["entity_name"], row["technique_id"]])
print("reference data refreshed")

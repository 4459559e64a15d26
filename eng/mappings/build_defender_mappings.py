#!/usr/bin/env python3
"""Builds the Defender for Cloud mapping tables embedded in CstmML.Ingestion (Sources/Defender/Data/). Run from the
repo root: python3 eng/mappings/build_defender_mappings.py. Nothing here runs at build or run time; outputs are committed.

alert_types.csv   one row per AlertType in training-data/reference/azure/defender_for_resource_manager_alerts.csv
                  (Microsoft's documented tactics, CC BY 4.0) joined with the hand-curated techniques in
                  eng/mappings/defender_curated_techniques.csv (every AlertType must have a curation row).
ctid_alert_names.csv  the CTID alert-level evidence for Azure (Apache-2.0): Defender alert display names -> technique,
                  one row per (name, technique) keeping the strongest CTID score."""
import csv, os, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ref = os.path.join(root, "training-data", "reference")
out = os.path.join(root, "src", "CstmML.Ingestion", "Sources", "Defender", "Data")
os.makedirs(out, exist_ok=True)

def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

tactic_names = {r["name"].lower() for r in rows(os.path.join(ref, "attack", "tactics.csv"))}
curated = {r["alert_type"]: r for r in rows(os.path.join(root, "eng", "mappings", "defender_curated_techniques.csv"))}
errors = []
with open(os.path.join(out, "alert_types.csv"), "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["alert_type", "alert_name", "tactics", "techniques", "confidence"])
    seen = set()
    for r in rows(os.path.join(ref, "azure", "defender_for_resource_manager_alerts.csv")):
        t = r["alert_type"]
        if t in seen:
            continue
        seen.add(t)
        c = curated.get(t)
        if c is None:
            errors.append(f"no curation row for {t}")
            continue
        tactics = [x.strip() for x in r["mitre_tactics"].split(";") if x.strip()]
        errors += [f"{t}: '{x}' is not an ATT&CK tactic" for x in tactics if x.lower() not in tactic_names]
        w.writerow([t, r["alert_name"], ";".join(tactics), c["techniques"], c["confidence"]])
    errors += [f"curation row {t} has no reference alert" for t in curated if t not in seen]

rank = {"minimal": 1, "partial": 2, "significant": 3}
best = {}
for r in rows(os.path.join(ref, "mappings", "ctid_alert_type_to_technique.csv")):
    if r["provider"] != "azure" or r["name_kind"] != "defender_alert_or_detection_name":
        continue
    key = (r["alert_or_finding"].strip(), r["technique_id"].strip())
    if rank.get(r["score_value"], 0) > rank.get(best.get(key, ""), 0):
        best[key] = r["score_value"]
with open(os.path.join(out, "ctid_alert_names.csv"), "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["alert_name", "technique_id", "score_value"])
    for (name, tech), score in sorted(best.items()):
        w.writerow([name, tech, score])

if errors:
    sys.exit("\n".join(errors))
print(f"defender: {len(seen)} alert types, {len(best)} CTID name-technique pairs")

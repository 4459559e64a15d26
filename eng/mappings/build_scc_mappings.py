#!/usr/bin/env python3
"""Builds the Security Command Center mapping tables embedded in CstmML.Ingestion (Sources/Scc/Data/). Run from the
repo root: python3 eng/mappings/build_scc_mappings.py. Nothing here runs at build or run time; outputs are committed.

categories.csv        one row per category in training-data/reference/gcp/scc_threat_finding_categories.csv (Google
                      docs, CC BY 4.0): the tactic named by the category prefix (only when it is an ATT&CK tactic) and
                      the representative technique(s) hand-curated in eng/mappings/scc_curated_techniques.csv.
mitre_attack_enum.csv SCC's MitreAttack.Tactic / MitreAttack.Technique enum names and the ATT&CK ids their API
                      documentation gives (googleapis/google-cloud-python, securitycenter_v2/types/mitre_attack.py,
                      commit 9fabd68cbb673de8cf6d524648fa94549a36984d, Apache-2.0), copied from eng/mappings/scc_mitre_attack_enum.csv."""
import csv, os, shutil, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ref = os.path.join(root, "training-data", "reference")
eng = os.path.join(root, "eng", "mappings")
out = os.path.join(root, "src", "CstmML.Ingestion", "Sources", "Scc", "Data")
os.makedirs(out, exist_ok=True)

def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

tactics = {r["name"].lower(): r["name"] for r in rows(os.path.join(ref, "attack", "tactics.csv"))}
curated = {r["category"]: r for r in rows(os.path.join(eng, "scc_curated_techniques.csv"))}
errors, seen = [], set()
with open(os.path.join(out, "categories.csv"), "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o, lineterminator="\n")
    w.writerow(["category", "tactic", "detection_service", "techniques", "confidence"])
    for r in rows(os.path.join(ref, "gcp", "scc_threat_finding_categories.csv")):
        cat = r["category"]
        if cat in seen:
            continue
        seen.add(cat)
        c = curated.get(cat)
        if c is None:
            errors.append(f"no curation row for '{cat}'")
            continue
        tactic = tactics.get(r["category_tactic_prefix"].strip().lower(), "")
        w.writerow([cat, tactic, r["detection_service"], c["techniques"], c["confidence"]])
errors += [f"curation row '{c}' has no reference category" for c in curated if c not in seen]
shutil.copyfile(os.path.join(eng, "scc_mitre_attack_enum.csv"), os.path.join(out, "mitre_attack_enum.csv"))
if errors:
    sys.exit("\n".join(errors))
print(f"scc: {len(seen)} categories")

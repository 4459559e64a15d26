"""The pinned ATT&CK v18.1 catalog as the C# AttackCatalog sees it, for the mapping generators.

Reads the same embedded CSVs (src/CstmML.Core/Attack/Data) and normalizes ids the same way: live ids stay,
revoked ids follow their replacement, ATT&CK v19 ids go back through the observed crosswalk (the pairing Sigma
re-tagged most often wins), unknown sub-techniques fall back to a known parent. Anything else is an error the
generator must report, never a silent drop.
"""
import csv
import os

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(REPO, "src", "CstmML.Core", "Attack", "Data")


def _rows(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class Catalog:
    def __init__(self):
        self.techniques = {r["technique_id"]: r for r in _rows("techniques.csv")}
        self.revocations = {r["old_technique_id"]: r["replaced_by_id"] or None for r in _rows("technique_revocations.csv")}
        best = {}
        for r in _rows("attack_v18_to_v19_crosswalk_observed.csv"):
            old, new = r["v18_technique_id"], r["v19_technique_id"]
            if not (old.startswith("T") and new.startswith("T")):
                continue
            n = int(r["sigma_rule_retags_observed"])
            if new not in best or n > best[new][1]:
                best[new] = (old, n)
        self.v19 = {k: v[0] for k, v in best.items()}

    def normalize(self, tid):
        """Returns (pinned id or None, note or None)."""
        tid = (tid or "").strip().upper()
        if tid in self.techniques:
            return tid, None
        cur = tid
        for _ in range(8):
            if cur not in self.revocations:
                break
            nxt = self.revocations[cur]
            if nxt is None:
                return None, f"{cur} is deprecated with no replacement"
            cur = nxt
            if cur in self.techniques:
                return cur, f"{tid} revoked; replaced by {cur}"
        if tid in self.v19:
            return self.v19[tid], f"ATT&CK v19 {tid} maps to {self.v19[tid]}"
        if "." in tid:
            parent, note = self.normalize(tid.split(".")[0])
            if parent:
                return parent, f"{tid} unknown; generalized to {parent}"
        return None, f"{tid} is not in ATT&CK 18.1"

    def require(self, tid, where):
        pinned, note = self.normalize(tid)
        if pinned is None:
            raise SystemExit(f"{where}: technique {tid}: {note}")
        return pinned, note


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

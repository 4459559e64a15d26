#!/usr/bin/env python3
"""Builds src/CstmML.Ingestion/Sources/GuardDuty/Data/guardduty_mappings.csv (committed; rerun to rebuild).

Evidence, strongest first (see docs/mappings.md):
  ctid     CTID Security Stack Mappings naming the finding type (score significant 0.8 / partial 0.6 /
           minimal 0.4; rows inherited from a parent technique's comment 0.1 lower).
  curated  sibling: a Runtime/Lambda/Container/ECS finding with no CTID rows inherits the CTID techniques of
           its EC2 twin (same purpose and name), at most 0.5.
  curated  family: hand rules on the finding type (purpose, resource, family, mechanism), 0.5.
  curated  purpose: threat-purpose fallback when nothing above matched, 0.3.
Every active and retired type in finding_types.csv gets a row set; every id is checked against the pinned
catalog (revoked/v19 ids normalized, unknown ids fail the build).

Usage: python3 eng/mappings/build_guardduty_mappings.py
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from attack_pinned import REPO, Catalog, write_csv  # noqa: E402

REF = os.path.join(REPO, "training-data", "reference")
OUT = os.path.join(REPO, "src", "CstmML.Ingestion", "Sources", "GuardDuty", "Data", "guardduty_mappings.csv")

CTID_SCORE = {"significant": 0.8, "partial": 0.6, "minimal": 0.4}
SIBLING_MAX = 0.5
FAMILY_CONF = 0.5
PURPOSE_CONF = 0.3

# Old names CTID still uses for today's types (PROVENANCE.md caveat).
CTID_ALIASES = {
    "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS": "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration",
    "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS": "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration",
}

# (rule id, regex on the finding type, techniques, why). Applied to every type it matches.
FAMILY = [
    ("seq-iam", r"^AttackSequence:IAM/", ["T1078.004"], "compromised credentials used across a sequence of API calls"),
    ("seq-s3", r"^AttackSequence:S3/", ["T1530", "T1485"], "sequence aimed at exfiltrating or destroying S3 data"),
    ("seq-ec2", r"^AttackSequence:EC2/", ["T1059"], "compromised instances: runtime and network signals; native indicators carry the detail"),
    ("seq-container", r"^AttackSequence:(EKS|ECS)/", ["T1610"], "compromised cluster: workloads run by the actor; native indicators carry the detail"),
    ("c2", r"C&CActivity", ["T1071"], "traffic to a known command-and-control host"),
    ("c2-dns", r"C&CActivity.*!DNS$", ["T1071.004"], "C2 domain lookups"),
    ("spambot", r"/Spambot$", ["T1496.002"], "instance used to send spam: bandwidth hijacking"),
    ("ddos-bot", r"/XORDDOS$", ["T1071", "T1498"], "XorDDoS botnet C2"),
    ("instance-launch", r"InstanceLaunchUnusual|ComputeResources$", ["T1578.002", "T1496.001"], "unusual compute launched: create instance, often for mining"),
    ("k8s-secrets", r"^CredentialAccess:Kubernetes/", ["T1552.007"], "secrets read through the Kubernetes API"),
    ("rds-failed-login", r"^CredentialAccess:RDS/.*FailedLogin$", ["T1110"], "failed database logins: brute force"),
    ("rds-brute-success", r"^CredentialAccess:RDS/.*SuccessfulBruteForce$", ["T1110", "T1078"], "brute force that succeeded"),
    ("rds-login", r"^CredentialAccess:RDS/.*SuccessfulLogin$", ["T1078"], "suspicious successful database login with valid credentials"),
    ("crypto", r"^CryptoCurrency:|BitcoinDomainRequest|CryptoMiner", ["T1496.001"], "cryptomining: compute hijacking"),
    ("dns-resolver", r"^DefenseEvasion:EC2/UnusualDNSResolver$", ["T1071.004"], "DNS to an unusual public resolver"),
    ("doh-dot", r"^DefenseEvasion:EC2/UnusualDo[HT]Activity$", ["T1071.004", "T1572"], "DNS tunnelled over HTTPS/TLS"),
    ("log-disable", r"LoggingDisabled$|LoggingConfigurationModified$", ["T1562.008"], "cloud logging disabled or changed"),
    ("k8s-evasion", r"^DefenseEvasion:Kubernetes/", ["T1562"], "Kubernetes API used to impair defences"),
    ("fileless", r"/FilelessExecution$", ["T1620"], "code executed from memory: reflective code loading"),
    ("kmod", r"/KernelModuleLoaded$", ["T1547.006"], "kernel module loaded"),
    ("inject-proc", r"ProcessInjection\.Proc$", ["T1055.009"], "injection through /proc memory"),
    ("inject-ptrace", r"ProcessInjection\.Ptrace$", ["T1055.008"], "injection through ptrace"),
    ("inject-vm", r"ProcessInjection\.VirtualMemoryWrite$", ["T1055"], "injection through process memory writes"),
    ("evasion-cmd", r"^DefenseEvasion:Runtime/SuspiciousCommand$", ["T1562.001", "T1070"], "commands that disable tools or remove traces"),
    ("k8s-perm-check", r"PermissionChecked$", ["T1069"], "permission checks: permission discovery"),
    ("k8s-discovery", r"^Discovery:Kubernetes/(?!AnomalousBehavior.PermissionChecked)", ["T1613"], "Kubernetes resource discovery"),
    ("rds-probe", r"^Discovery:RDS/", ["T1046"], "database endpoint probed"),
    ("runtime-discovery", r"^Discovery:Runtime/SuspiciousCommand$", ["T1082"], "host discovery commands"),
    ("s3-discovery", r"^Discovery:S3/(AnomalousBehavior|BucketEnumeration)", ["T1619"], "bucket and object listing"),
    ("malware-file", r"^Execution:(EC2|ECS|Kubernetes|Container)/(Malicious|Suspicious)File", ["T1204.002"], "malware found on the workload's storage"),
    ("malware-image", r"MaliciousFile!AMI$|^Execution:(ECS|Kubernetes|Container)/MaliciousFile$", ["T1204.003"], "malware inside an image"),
    ("malware-s3", r"^(Object|S3Object):S3/MaliciousFile$|^Execution:S3/MaliciousFile", ["T1105"], "malware stored in S3"),
    ("k8s-exec", r"ExecInPod$|ExecInKubeSystemPod$", ["T1609"], "commands executed in a pod"),
    ("k8s-workload", r"^Execution:Kubernetes/AnomalousBehavior.WorkloadDeployed$", ["T1610"], "workload deployed by the actor"),
    ("malware-exec", r"/MaliciousFileExecuted$", ["T1204.002"], "known malware executed"),
    ("new-binary", r"/NewBinaryExecuted$", ["T1105"], "binary brought into a running container"),
    ("new-library", r"/NewLibraryLoaded$", ["T1129"], "new shared library loaded"),
    ("shell", r"/(ReverseShell|SuspiciousShellCreated)$|^Execution:Runtime/SuspiciousCommand$", ["T1059.004"], "shell and command execution"),
    ("tool", r"/SuspiciousTool$", ["T1059"], "offensive tool executed"),
    ("s3-exfil", r"^Exfiltration:S3/AnomalousBehavior$", ["T1530"], "anomalous S3 reads"),
    ("bad-domain", r"^Impact:(EC2|Runtime)/(Abused|Malicious)DomainRequest", ["T1071"], "lookups of abused or malicious domains"),
    ("s3-delete", r"^Impact:S3/(AnomalousBehavior.Delete|ObjectDelete.Unusual)$", ["T1485"], "S3 data deleted"),
    ("s3-write", r"^Impact:S3/AnomalousBehavior.Write$", ["T1565.001"], "S3 data overwritten"),
    ("s3-perm", r"^Impact:S3/(AnomalousBehavior.Permission|PermissionsModification.Unusual)$", ["T1098"], "S3 resource policies changed"),
    ("k8s-impact", r"^Impact:Kubernetes/", ["T1485"], "Kubernetes API used to tamper with or delete resources"),
    ("initial-access", r"^InitialAccess:IAMUser/", ["T1078.004"], "cloud credentials used for initial access"),
    ("net-perm", r"/NetworkPermissions$", ["T1562.007"], "security groups and network ACLs changed"),
    ("res-perm", r"^Persistence:IAMUser/ResourcePermissions$", ["T1098"], "resource policies changed"),
    ("user-perm", r"^Persistence:IAMUser/UserPermissions$", ["T1098", "T1136.003"], "users, groups and policies changed"),
    ("sensitive-mount", r"ContainerWithSensitiveMount$", ["T1610", "T1611"], "container with a host path mounted"),
    ("k8s-persist", r"^Persistence:Kubernetes/(MaliciousIPCaller|SuccessfulAnonymousAccess|TorIPCaller)", ["T1098.006"], "Kubernetes API used to grant lasting cluster access"),
    ("runtime-persist", r"^Persistence:Runtime/SuspiciousCommand$", ["T1053.003"], "commands that install persistence (cron)"),
    ("root-short", r"ShortTermRootCredentialUsage$", ["T1078.004"], "root credentials used"),
    ("k8s-sa-admin", r"AdminAccessToDefaultServiceAccount$|AnonymousAccessGranted$|RoleBindingCreated$|RoleCreated$", ["T1098.006"], "cluster roles granted"),
    ("k8s-dashboard", r"ExposedDashboard$|KubeflowDashboardExposed$", ["T1133"], "management dashboard exposed to the internet"),
    ("iam-privesc", r"^PrivilegeEscalation:IAMUser/", ["T1078.004", "T1098.003"], "permissions added to a cloud identity"),
    ("privileged-container", r"PrivilegedContainer$", ["T1610", "T1611"], "privileged container launched"),
    ("escape", r"/(CGroupsReleaseAgentModified|ContainerMountsHostDirectory|DockerSocketAccessed|RuncContainerEscape)$", ["T1611"], "container escape"),
    ("root", r"/ElevationToRoot$", ["T1548.001"], "process gained root"),
    ("privesc-cmd", r"^PrivilegeEscalation:Runtime/SuspiciousCommand$", ["T1548"], "privilege-escalation commands"),
    ("userfaultfd", r"/UserfaultfdUsage$", ["T1068"], "userfaultfd, a common kernel exploit primitive"),
    ("recon-res", r"^Recon:IAMUser/ResourcePermissions$", ["T1526"], "resource policy discovery"),
    ("recon-user", r"^Recon:IAMUser/UserPermissions$", ["T1087.004", "T1069.003"], "user and group discovery"),
    ("recon-net", r"^Recon:IAMUser/NetworkPermissions$", ["T1580"], "network configuration discovery"),
    ("instance-creds", r"(Instance|Resource)CredentialExfiltration", ["T1552.005", "T1078.004"], "workload credentials used elsewhere"),
    ("unusual-asn", r"UnusualASNCaller$", ["T1078.004"], "cloud credentials used from an unusual network"),
    ("tor-inbound", r"^UnauthorizedAccess:EC2/TorIPCaller$", ["T1090.003"], "inbound connections from Tor"),
]

# Threat purpose -> techniques, only for a type nothing else maps.
PURPOSE = {
    "AttackSequence": ["T1078.004"], "Backdoor": ["T1071"], "Behavior": ["T1071"], "CredentialAccess": ["T1552"],
    "CryptoCurrency": ["T1496.001"], "DefenseEvasion": ["T1562"], "Discovery": ["T1526"], "Execution": ["T1059"],
    "Exfiltration": ["T1530", "T1537"], "Impact": ["T1485"], "InitialAccess": ["T1078.004"], "Object": ["T1105"],
    "PenTest": ["T1078.004"], "Persistence": ["T1098"], "Policy": ["T1078.004"], "PrivilegeEscalation": ["T1078.004", "T1548"],
    "Recon": ["T1526", "T1580"], "ResourceConsumption": ["T1496.001"], "S3Object": ["T1105"], "Stealth": ["T1562.008"],
    "Trojan": ["T1071"], "UnauthorizedAccess": ["T1078.004"],
}

SIBLING = re.compile(r"^([A-Za-z]+):(Runtime|Lambda|Container|ECS)/(.+)$")


def main():
    cat = Catalog()
    types = list(csv.DictReader(open(os.path.join(REF, "guardduty", "finding_types.csv"), newline="", encoding="utf-8")))
    ctid = {}
    for r in csv.DictReader(open(os.path.join(REF, "mappings", "ctid_alert_type_to_technique.csv"), newline="", encoding="utf-8")):
        if r["provider"] != "aws" or r["name_kind"] != "guardduty_finding_type":
            continue
        conf = CTID_SCORE[r["score_value"]] - (0.1 if r["inherited_from_parent"] == "true" else 0.0)
        ctid.setdefault(r["alert_or_finding"], []).append((r["technique_id"], round(conf, 2), f"ctid:{r['capability_id']}:{r['score_category']}:{r['score_value']}"))

    out, notes = [], []
    for t in types:
        ft = t["finding_type"]
        rows = {}

        def add(tid, source, conf, rule):
            pinned, note = cat.require(tid, f"{ft} ({rule})")
            if note:
                notes.append(f"{ft}: {note}")
            prior = rows.get(pinned)
            if prior is None or conf > prior[1]:
                rows[pinned] = (source, conf, rule)

        for tid, conf, rule in ctid.get(ft, []) + ctid.get(CTID_ALIASES.get(ft, ""), []):
            add(tid, "ctid", conf, rule)
        if not ctid.get(ft) and not ctid.get(CTID_ALIASES.get(ft, "")):
            m = SIBLING.match(ft)
            twin = f"{m.group(1)}:EC2/{m.group(3)}" if m else None
            for tid, conf, _ in ctid.get(twin, []) if twin else []:
                add(tid, "curated", min(conf, SIBLING_MAX), f"sibling:{twin}")
        for rule_id, pattern, techs, _why in FAMILY:
            if re.search(pattern, ft):
                for tid in techs:
                    add(tid, "curated", FAMILY_CONF, f"family:{rule_id}")
        if not rows:
            purpose = t["threat_purpose"]
            if purpose not in PURPOSE:
                raise SystemExit(f"{ft}: no mapping and no fallback for threat purpose '{purpose}'")
            for tid in PURPOSE[purpose]:
                add(tid, "curated", PURPOSE_CONF, f"purpose:{purpose}")
        for tid in sorted(rows):
            source, conf, rule = rows[tid]
            out.append([ft, t["status"], t["default_severity"], tid, source, f"{conf:.2f}", rule])

    write_csv(OUT, ["finding_type", "status", "default_severity", "technique_id", "source", "confidence", "rule"], out)
    mapped = {r[0] for r in out}
    print(f"{len(types)} finding types, {len(mapped)} mapped, {len(out)} rows -> {os.path.relpath(OUT, REPO)}")
    for n in sorted(set(notes)):
        print("  note:", n)


if __name__ == "__main__":
    main()

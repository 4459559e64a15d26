#!/usr/bin/env python3
"""Builds src/CstmML.Ingestion/Sources/CloudTrail/Data/cloudtrail_mappings.csv (committed; rerun to rebuild).

One row per (eventSource, eventName, technique). Evidence (see docs/mappings.md):
  stratus  a Stratus Red Team technique whose detonation produced the call and names it as the detection
           point: 0.8 (0.5 when the Threat Technique Catalog id is AWS-specific, e.g. T1496.A008, and is
           generalized to its ATT&CK parent). Setup and polling calls never take a Stratus mapping.
  sigma    a Sigma rule matching the eventName: by rule level critical 0.8, high 0.7, medium 0.6, else 0.5.
  curated  hand rows below for the calls that matter (0.4-0.9, each with a reason), and ATT&CK v18 analytics
           whose AWS:CloudTrail channel names the call (0.4, rule = analytic id; context-only pairs denied).
The read-only family rules (Describe*/List*/Get* -> discovery) live in code (CloudTrailMappings), 0.3.
When: 'failure' rows (Sigma rules about failed calls) apply only to failed calls, '' to all.
Severity per row: hand rows give it; evidence rows on read verbs are capped at 2; sigma by level (high 6, medium 4, low 3); stratus 5 (2 when generalized); analytics 0 (no say).
Every id is normalized to the pinned ATT&CK 18.1 catalog; an id it cannot place fails the build.

Usage: python3 eng/mappings/build_cloudtrail_mappings.py
"""
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from attack_pinned import REPO, Catalog, write_csv  # noqa: E402

REF = os.path.join(REPO, "training-data", "reference")
OUT = os.path.join(REPO, "src", "CstmML.Ingestion", "Sources", "CloudTrail", "Data", "cloudtrail_mappings.csv")

SIGMA_CONF = {"critical": 0.8, "high": 0.7, "medium": 0.6}
SIGMA_SEV = {"critical": 7, "high": 6, "medium": 4, "low": 3}
STRATUS_CONF, STRATUS_GENERALIZED_CONF, STRATUS_SEV, STRATUS_GENERALIZED_SEV = 0.8, 0.5, 5, 2
ANALYTIC_CONF = 0.4
READ_VERBS = ("Describe", "List", "Get", "Head", "Lookup", "BatchGet", "Search")
READ_SEV_CAP = 2

# Calls a detonation makes to set up or poll; they say nothing about the technique.
STRATUS_NOISE = {"sts:AssumeRole", "sts:GetCallerIdentity", "ec2:DescribeInstances", "ssm:DescribeInstanceInformation",
                 "ssm:GetCommandInvocation"}

# Analytic (eventName, technique) pairs where the call is only context in a behaviour chain, not the technique.
ANALYTIC_DENY = {
    ("AssumeRole", "*"), ("ConsoleLogin", "T1550.004"), ("ConsoleLogin", "T1078.001"), ("GetCallerIdentity", "T1550"),
    ("StartInstances", "*"), ("StopInstances", "*"), ("DescribeInstances", "T1578.002"), ("DescribeInstances", "T1578.003"),
    ("DescribeSnapshots", "T1578.001"), ("ListBuckets", "T1491.002"), ("CopyObject", "T1048"), ("CopyObject", "T1491"),
    ("CopyObject", "T1491.002"), ("CopyObject", "T1074"), ("CopyObject", "T1074.002"), ("CopyObject", "T1619"),
    ("PutObject", "T1491.002"), ("PutObject", "T1213.006"), ("RunInstances", "T1204.003"), ("RunInstances", "T1525"),
    ("RunInstances", "T1535"), ("RunInstances", "T1496"), ("RunInstances", "T1496.001"), ("CreateImage", "T1204"),
    ("TerminateInstances", "T1499.004"), ("InvokeFunction", "T1499.003"), ("InvokeFunction", "T1546"),
    ("AuthorizeSecurityGroupIngress", "T1499.002"), ("CreateBucket", "T1535"), ("ListResources", "T1021.007"),
    ("CreateUser", "T1199"), ("AttachRolePolicy", "T1199"), ("CreateAccessKey", "T1199"), ("UpdateAssumeRolePolicy", "T1199"),
    ("CreateLoginProfile", "T1199"), ("ConsoleLogin", "T1189"), ("Decrypt", "T1555"), ("CreateKeyPair", "T1098.001"),
}

# Hand-curated rows: (eventSource, eventName, technique, confidence, severity, why).
S3, IAM, EC2, STS = "s3.amazonaws.com", "iam.amazonaws.com", "ec2.amazonaws.com", "sts.amazonaws.com"
CURATED = [
    (STS, "GetCallerIdentity", "T1087.004", 0.6, 1, "whoami: cloud account discovery"),
    (STS, "GetCallerIdentity", "T1033", 0.6, 1, "whoami: system owner/user discovery"),
    (S3, "ListBuckets", "T1619", 0.7, 1, "bucket enumeration"),
    (S3, "ListObjects", "T1619", 0.6, 1, "object enumeration"),
    (S3, "ListObjectsV2", "T1619", 0.6, 1, "object enumeration"),
    (S3, "GetObject", "T1530", 0.4, 1, "data read from cloud storage (high volume, mostly benign)"),
    (EC2, "DescribeInstances", "T1580", 0.6, 1, "infrastructure discovery"),
    (EC2, "DescribeInstanceAttribute", "T1552", 0.4, 2, "user data often holds secrets (Stratus ec2-download-user-data)"),
    (EC2, "GetPasswordData", "T1552", 0.6, 4, "Windows administrator password retrieval"),
    ("cloudtrail.amazonaws.com", "StopLogging", "T1562.008", 0.9, 8, "trail stopped"),
    ("cloudtrail.amazonaws.com", "DeleteTrail", "T1562.008", 0.9, 8, "trail deleted"),
    ("cloudtrail.amazonaws.com", "UpdateTrail", "T1562.008", 0.5, 5, "trail changed (may redirect or weaken logging)"),
    ("cloudtrail.amazonaws.com", "PutEventSelectors", "T1562.008", 0.7, 6, "event selectors can filter out all events"),
    ("guardduty.amazonaws.com", "DeleteDetector", "T1562.001", 0.9, 8, "threat detection removed"),
    ("guardduty.amazonaws.com", "UpdateDetector", "T1562.001", 0.5, 5, "detector disabled or changed"),
    ("guardduty.amazonaws.com", "DisassociateFromMasterAccount", "T1562.001", 0.7, 6, "account leaves central monitoring"),
    ("guardduty.amazonaws.com", "DisassociateFromAdministratorAccount", "T1562.001", 0.7, 6, "account leaves central monitoring"),
    ("guardduty.amazonaws.com", "CreateIPSet", "T1562.001", 0.6, 5, "trusted IP list suppresses findings"),
    ("guardduty.amazonaws.com", "CreateFilter", "T1562.001", 0.5, 4, "suppression rule hides findings"),
    ("securityhub.amazonaws.com", "DisableSecurityHub", "T1562.001", 0.8, 7, "posture monitoring disabled"),
    ("config.amazonaws.com", "StopConfigurationRecorder", "T1562.008", 0.8, 7, "configuration history stopped"),
    ("config.amazonaws.com", "DeleteConfigurationRecorder", "T1562.008", 0.8, 7, "configuration history removed"),
    ("config.amazonaws.com", "DeleteDeliveryChannel", "T1562.008", 0.7, 6, "configuration history delivery removed"),
    (EC2, "DeleteFlowLogs", "T1562.008", 0.8, 6, "network flow logging removed"),
    ("logs.amazonaws.com", "DeleteLogGroup", "T1562.008", 0.6, 5, "CloudWatch logs deleted"),
    ("logs.amazonaws.com", "DeleteLogStream", "T1562.008", 0.5, 4, "CloudWatch logs deleted"),
    ("route53resolver.amazonaws.com", "DeleteResolverQueryLogConfig", "T1562.008", 0.8, 6, "DNS query logging removed (Stratus dns-delete-logs)"),
    ("organizations.amazonaws.com", "LeaveOrganization", "T1666", 0.8, 8, "account leaves organization controls"),
    (IAM, "CreateAccessKey", "T1098.001", 0.8, 5, "new long-lived credential"),
    (IAM, "CreateLoginProfile", "T1098", 0.7, 5, "console password added to a user"),
    (IAM, "UpdateLoginProfile", "T1098", 0.7, 5, "console password changed"),
    (IAM, "CreateUser", "T1136.003", 0.8, 5, "cloud account created"),
    (IAM, "AttachUserPolicy", "T1098.003", 0.7, 5, "permissions added to a user"),
    (IAM, "PutUserPolicy", "T1098.003", 0.7, 5, "inline permissions added to a user"),
    (IAM, "AttachRolePolicy", "T1098.003", 0.7, 5, "permissions added to a role"),
    (IAM, "PutRolePolicy", "T1098.003", 0.7, 5, "inline permissions added to a role"),
    (IAM, "AttachGroupPolicy", "T1098.003", 0.6, 5, "permissions added to a group"),
    (IAM, "PutGroupPolicy", "T1098.003", 0.6, 5, "inline permissions added to a group"),
    (IAM, "AddUserToGroup", "T1098.003", 0.5, 4, "user gains the group's permissions"),
    (IAM, "CreatePolicyVersion", "T1098.003", 0.6, 5, "managed policy rewritten"),
    (IAM, "SetDefaultPolicyVersion", "T1098.003", 0.6, 5, "managed policy version switched"),
    (IAM, "UpdateAssumeRolePolicy", "T1098.003", 0.7, 6, "role trust widened (Stratus iam-backdoor-role)"),
    (IAM, "CreateRole", "T1098.003", 0.5, 4, "new role (Stratus iam-create-backdoor-role)"),
    (IAM, "DeactivateMFADevice", "T1556.006", 0.7, 6, "MFA removed"),
    (IAM, "DeleteVirtualMFADevice", "T1556.006", 0.6, 5, "MFA device deleted"),
    (IAM, "DeleteAccountPasswordPolicy", "T1556", 0.5, 5, "password policy removed"),
    (IAM, "CreateSAMLProvider", "T1484.002", 0.7, 6, "new federation trust"),
    (IAM, "UpdateSAMLProvider", "T1484.002", 0.7, 6, "federation trust changed"),
    (IAM, "CreateOpenIDConnectProvider", "T1484.002", 0.6, 5, "new federation trust"),
    (IAM, "GetAccountAuthorizationDetails", "T1087.004", 0.7, 2, "full IAM dump"),
    (IAM, "GetAccountAuthorizationDetails", "T1069.003", 0.7, 2, "full IAM dump"),
    ("secretsmanager.amazonaws.com", "GetSecretValue", "T1555.006", 0.7, 3, "secret read"),
    ("secretsmanager.amazonaws.com", "BatchGetSecretValue", "T1555.006", 0.8, 4, "secrets read in bulk"),
    ("ssm.amazonaws.com", "GetParameter", "T1555.006", 0.4, 2, "parameter (often a SecureString) read"),
    ("ssm.amazonaws.com", "GetParameters", "T1555.006", 0.5, 2, "parameters (often SecureStrings) read"),
    (EC2, "RunInstances", "T1578.002", 0.6, 3, "instance created; GPU types also get T1496.001 in code"),
    (EC2, "CreateSnapshot", "T1578.001", 0.6, 3, "snapshot created"),
    (EC2, "ModifySnapshotAttribute", "T1537", 0.8, 6, "snapshot shared (Stratus ec2-share-ebs-snapshot)"),
    (EC2, "ModifyImageAttribute", "T1537", 0.7, 6, "AMI shared (Stratus ec2-share-ami)"),
    ("rds.amazonaws.com", "ModifyDBSnapshotAttribute", "T1537", 0.8, 6, "DB snapshot shared (Stratus rds-share-snapshot)"),
    ("rds.amazonaws.com", "ModifyDBClusterSnapshotAttribute", "T1537", 0.8, 6, "DB cluster snapshot shared"),
    (S3, "PutBucketPolicy", "T1537", 0.5, 5, "bucket policy can grant another account"),
    (S3, "PutBucketAcl", "T1537", 0.5, 5, "bucket ACL can grant another account"),
    (S3, "DeleteBucket", "T1485", 0.6, 6, "bucket deleted"),
    (S3, "DeleteObject", "T1485", 0.3, 3, "object deleted (mostly benign)"),
    (S3, "DeleteObjects", "T1485", 0.4, 4, "objects deleted in bulk"),
    (S3, "PutBucketLifecycle", "T1485.001", 0.6, 5, "lifecycle rule can expire data"),
    (S3, "PutBucketLifecycleConfiguration", "T1485.001", 0.6, 5, "lifecycle rule can expire data"),
    ("kms.amazonaws.com", "ScheduleKeyDeletion", "T1485", 0.6, 7, "key deletion makes data unrecoverable"),
    ("rds.amazonaws.com", "DeleteDBInstance", "T1485", 0.5, 6, "database deleted"),
    (EC2, "AuthorizeSecurityGroupIngress", "T1562.007", 0.6, 4, "firewall opened (Stratus open-port-22)"),
    (EC2, "ImportKeyPair", "T1098.001", 0.5, 4, "SSH key added"),
    ("ec2-instance-connect.amazonaws.com", "SendSSHPublicKey", "T1021.008", 0.7, 5, "direct VM connection"),
    ("ec2-instance-connect.amazonaws.com", "SendSerialConsoleSSHPublicKey", "T1021.008", 0.7, 5, "direct VM connection over serial console"),
    (EC2, "EnableSerialConsoleAccess", "T1021.008", 0.5, 5, "serial console enabled"),
    ("ssm.amazonaws.com", "StartSession", "T1021.008", 0.6, 4, "direct VM session"),
    ("ssm.amazonaws.com", "SendCommand", "T1651", 0.8, 5, "cloud administration command"),
    ("lambda.amazonaws.com", "UpdateFunctionCode", "T1648", 0.5, 5, "function code replaced (Stratus lambda-overwrite-code)"),
    ("lambda.amazonaws.com", "UpdateFunctionConfiguration", "T1648", 0.5, 4, "function layers or env changed (Stratus lambda-layer-extension)"),
    ("lambda.amazonaws.com", "CreateFunction", "T1648", 0.5, 4, "new function"),
    ("lambda.amazonaws.com", "AddPermission", "T1098", 0.4, 5, "resource policy grants another principal (Stratus lambda-backdoor-function)"),
    ("rolesanywhere.amazonaws.com", "CreateTrustAnchor", "T1098.001", 0.6, 6, "external CA can mint credentials"),
    ("rolesanywhere.amazonaws.com", "CreateProfile", "T1098.001", 0.4, 4, "Roles Anywhere profile"),
    ("signin.amazonaws.com", "ConsoleLogin", "T1078.004", 0.5, 2, "console sign-in with a cloud account"),
    ("bedrock.amazonaws.com", "InvokeModel", "T1496.004", 0.4, 3, "LLM use billed to the account (LLMjacking)"),
    ("bedrock.amazonaws.com", "PutUseCaseForModelAccess", "T1496.004", 0.5, 4, "model access requested (Stratus bedrock-invoke-model)"),
    ("bedrock.amazonaws.com", "PutFoundationModelEntitlement", "T1496.004", 0.5, 4, "model access enabled"),
    ("bedrock.amazonaws.com", "CreateFoundationModelAgreement", "T1496.004", 0.5, 4, "model agreement accepted"),
]

# Sigma rows without an eventSource: the service is unambiguous for these names.
KNOWN_SOURCE = {"ConsoleLogin": "signin.amazonaws.com", "DeleteBucket": S3, "DeleteFlowLogs": EC2}

IDENT = re.compile(r"^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$")  # CamelCase API names, not "APIs" or "SSM"


def analytic_event_names(channel):
    """The eventNames an analytic channel names, e.g. 'CreateTrafficMirrorSession / ModifyTrafficMirrorTarget'."""
    head = channel.split(":", 1)[0] if ":" in channel and IDENT.match(channel.split(":", 1)[0].strip()) else channel
    parts = re.split(r"\s+or\s+|\s*/\s*|\s*\|\s*", head.strip())
    return [p.strip() for p in parts if IDENT.match(p.strip())]


def tactics_agree(cat, tid, stratus_tactics):
    wanted = {x.lower().replace(" ", "-") for x in stratus_tactics}
    return bool(wanted & set(cat.techniques[tid]["tactics"].split(";")))


def main():
    cat = Catalog()
    rows = {}  # (source, name, technique) -> (mapping source, conf, severity, rule)
    notes = []
    sources_of = {}

    def add(es, en, tid, src, conf, sev, rule, when=""):
        if src != "curated" and en.startswith(READ_VERBS):
            sev = min(sev, READ_SEV_CAP)  # a rule's alert level says little about one read call
        pinned, note = cat.require(tid, f"{es}:{en} ({rule})")
        if note:
            notes.append(f"{es}:{en}: {note}")
        key = (es, en, pinned, when)
        prior = rows.get(key)
        if prior is None or conf > prior[1] or (conf == prior[1] and sev > prior[2]):
            rows[key] = (src, conf, max(sev, prior[2]) if prior else sev, rule)
        elif sev > prior[2]:
            rows[key] = (prior[0], prior[1], sev, prior[3])
        sources_of.setdefault(en, set()).add(es)

    for es, en, tid, conf, sev, _why in CURATED:
        add(es, en, tid, "curated", conf, sev, f"curated:{en}")

    with open(os.path.join(REF, "sigma", "sigma_aws_eventname_techniques.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["technique_id"]:
                continue  # tactic-only tag: the curated rows cover the calls that matter
            srcs = [s for s in r["event_source"].split(";") if s] or [KNOWN_SOURCE.get(r["event_name"], "*")]
            for es in srcs:
                # Rules about failed calls (e.g. console brute force) only apply when the call failed.
                when = "failure" if "fail" in r["rule_title"].lower() else ""
                add(es, r["event_name"], r["technique_id"], "sigma", SIGMA_CONF.get(r["level"], 0.5),
                    SIGMA_SEV.get(r["level"], 1), f"sigma:{r['rule_id']}", when)

    stratus = json.load(open(os.path.join(REF, "stratus", "stratus_techniques.json"), encoding="utf-8"))["techniques"]
    detonated = {}
    with open(os.path.join(REF, "stratus", "stratus_detonation_events.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            detonated.setdefault(r["stratus_id"], []).append(f"{r['event_source_prefix']}:{r['event_name']}")
    for t in stratus:
        if t["platform"] != "AWS" or not t["technique_catalog_mappings"]:
            continue
        named = set(t["detection_identifiers"]) or {a.split(":")[-1] for a in t["api_calls_mentioned_in_text"]}
        for call in detonated.get(t["stratus_id"], t["detonation_events"]):
            prefix, name = call.split(":", 1)
            if call in STRATUS_NOISE or name not in named:
                continue
            for m in t["technique_catalog_mappings"]:
                tid = m["id"]
                conf = STRATUS_CONF
                if re.match(r"^T\d{4}\.A\d{3}$", tid):
                    # AWS-specific catalog ids: keep the ATT&CK parent only when it serves the Stratus tactic.
                    tid, conf = tid.split(".")[0], STRATUS_GENERALIZED_CONF
                    if not tactics_agree(cat, tid, t["attack_tactics"]):
                        notes.append(f"{call}: {m['id']} dropped: {tid} does not serve {t['attack_tactics']}")
                        continue
                add(f"{prefix}.amazonaws.com", name, tid, "stratus", conf, STRATUS_SEV if conf == STRATUS_CONF else STRATUS_GENERALIZED_SEV,
                    f"stratus:{t['stratus_id']}")

    with open(os.path.join(REF, "attack", "analytics_cloud_log_sources.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["log_source_name"] != "AWS:CloudTrail":
                continue
            for en in analytic_event_names(r["log_source_channel"]):
                for tid in r["technique_ids"].split(";"):
                    if (en, "*") in ANALYTIC_DENY or (en, tid) in ANALYTIC_DENY:
                        continue
                    known = sorted(sources_of.get(en, {"*"}) - {"*"}) or ["*"]
                    for es in known:
                        add(es, en, tid, "curated", ANALYTIC_CONF, 0, f"analytic:{r['analytic_id']}")

    out = [[es, en, tid, v[0], f"{v[1]:.2f}", v[2], when, v[3]] for (es, en, tid, when), v in sorted(rows.items())]
    write_csv(OUT, ["event_source", "event_name", "technique_id", "source", "confidence", "severity", "when", "rule"], out)
    print(f"{len({(r[0], r[1]) for r in out})} calls, {len(out)} rows -> {os.path.relpath(OUT, REPO)}")
    for n in sorted(set(notes)):
        print("  note:", n)


if __name__ == "__main__":
    main()

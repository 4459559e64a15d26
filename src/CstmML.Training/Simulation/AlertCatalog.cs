namespace CstmML.Training.Simulation;

/// <summary>
/// What the simulator needs to know about each provider alert type it emits: severity, title and shape (GuardDuty types
/// from training-data/reference/guardduty/finding_types.csv; Defender types from azure/defender_for_resource_manager_alerts.csv;
/// SCC categories from gcp/scc_threat_finding_categories.csv, MITRE names from SCC's MitreAttack enum).
/// </summary>
internal static class AlertCatalog
{
    /// <summary>GuardDuty type -> (severity 0-10, shape, API named in the finding).</summary>
    public static IReadOnlyDictionary<string, (double Severity, GuardDutyShape Shape, string Title)> GuardDuty { get; } =
        new Dictionary<string, (double, GuardDutyShape, string)>(StringComparer.Ordinal)
        {
            ["UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"] = (8, GuardDutyShape.ApiCall, "Credentials for instance role used from an external IP address."),
            ["UnauthorizedAccess:IAMUser/MaliciousIPCaller"] = (5, GuardDutyShape.ApiCall, "An API was invoked from a known malicious IP address."),
            ["UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B"] = (5, GuardDutyShape.ApiCall, "Multiple worldwide successful console logins were observed."),
            ["Discovery:IAMUser/AnomalousBehavior"] = (2, GuardDutyShape.ApiCall, "An API commonly used in discovery tactics was invoked in an anomalous way."),
            ["Persistence:IAMUser/AnomalousBehavior"] = (5, GuardDutyShape.ApiCall, "An API commonly used to maintain access was invoked in an anomalous way."),
            ["PrivilegeEscalation:IAMUser/AnomalousBehavior"] = (5, GuardDutyShape.ApiCall, "An API commonly used to obtain high-level permissions was invoked in an anomalous way."),
            ["Impact:IAMUser/AnomalousBehavior"] = (8, GuardDutyShape.ApiCall, "An API commonly used to tamper with data or processes was invoked in an anomalous way."),
            ["Exfiltration:S3/AnomalousBehavior"] = (8, GuardDutyShape.ApiCall, "An IAM entity invoked an S3 API in a suspicious way."),
            ["Stealth:IAMUser/CloudTrailLoggingDisabled"] = (2, GuardDutyShape.ApiCall, "AWS CloudTrail trail was disabled."),
            ["DefenseEvasion:IAMUser/BedrockLoggingDisabled"] = (5, GuardDutyShape.ApiCall, "Amazon Bedrock model invocation logging was disabled."),
            ["PenTest:IAMUser/KaliLinux"] = (5, GuardDutyShape.ApiCall, "An API was invoked from a Kali Linux computer."),
            ["Policy:S3/BucketBlockPublicAccessDisabled"] = (2, GuardDutyShape.ApiCall, "Amazon S3 Block Public Access was disabled for a bucket."),
            ["Stealth:IAMUser/PasswordPolicyChange"] = (2, GuardDutyShape.ApiCall, "Account password policy was weakened."),
            ["CryptoCurrency:EC2/BitcoinTool.B!DNS"] = (8, GuardDutyShape.Dns, "EC2 instance is querying a domain name associated with cryptocurrency activity."),
            ["CryptoCurrency:Runtime/BitcoinTool.B!DNS"] = (8, GuardDutyShape.Dns, "An instance or container is querying a domain associated with cryptocurrency activity."),
            ["Backdoor:EC2/C&CActivity.B!DNS"] = (8, GuardDutyShape.Dns, "EC2 instance is querying a domain name associated with a known command and control server."),
            ["Impact:Runtime/CryptoMinerExecuted"] = (8, GuardDutyShape.Runtime, "A container or an EC2 instance is executing a cryptocurrency miner."),
            ["Execution:Runtime/NewBinaryExecuted"] = (5, GuardDutyShape.Runtime, "A newly created or recently modified binary file has been executed."),
            ["Execution:Runtime/SuspiciousCommand"] = (5, GuardDutyShape.Runtime, "A suspicious command has been executed."),
            ["PrivilegeEscalation:Runtime/DockerSocketAccessed"] = (5, GuardDutyShape.Runtime, "A process inside a container is communicating with the Docker socket."),
            ["UnauthorizedAccess:EC2/SSHBruteForce"] = (2, GuardDutyShape.Network, "EC2 instance has been involved in SSH brute force attacks."),
            ["Recon:EC2/PortProbeUnprotectedPort"] = (2, GuardDutyShape.Network, "Unprotected port on EC2 instance is being probed."),
        };

    /// <summary>Defender AlertType -> (display name, severity, Log Analytics tactics, techniques).</summary>
    public static IReadOnlyDictionary<string, (string Name, string Severity, string Tactics, string[] Techniques)> Defender { get; } =
        new Dictionary<string, (string, string, string, string[])>(StringComparer.Ordinal)
        {
            ["ARM_OperationFromSuspiciousIP"] = ("Azure Resource Manager operation from suspicious IP address", "Medium", "Execution", ["T1078.004"]),
            ["ARM_OperationFromSuspiciousProxyIP"] = ("Azure Resource Manager operation from suspicious proxy IP address", "Medium", "DefenseEvasion", ["T1090"]),
            ["ARM_MicroBurst.AzDomainInfo"] = ("MicroBurst exploitation toolkit used to extract information from your subscriptions", "Low", "", []),
            ["ARM_PowerZure.GetAzureTargets"] = ("PowerZure exploitation toolkit used to enumerate resources", "High", "Collection", []),
            ["ARM_MicroBurst.AzKeyVaultSecretsREST"] = ("MicroBurst exploitation toolkit used to extract secrets from your Azure key vaults", "High", "", []),
            ["ARM_AnomalousServiceOperation.CredentialAccess"] = ("Suspicious invocation of a high-risk 'Credential Access' operation by a service principal detected", "Medium", "CredentialAccess", ["T1528"]),
            ["ARM_UnusedAppPowershellPersistence"] = ("Persistence attempt detected using a PowerShell application", "Medium", "Persistence", ["T1098"]),
            ["ARM_AnomalousOperation.Persistence"] = ("Suspicious invocation of a high-risk 'Persistence' operation detected", "Medium", "Persistence", ["T1098.001"]),
            ["ARM_PrivilegedRoleDefinitionCreation"] = ("Privileged custom role created for your subscription in a suspicious way", "Informational", "PrivilegeEscalation, DefenseEvasion", []),
            ["ARM_AnomalousRBACRoleAssignment"] = ("Suspicious Azure role assignment detected", "High", "LateralMovement, DefenseEvasion", ["T1098.003"]),
            ["ARM_AnomalousElevateAccess"] = ("Suspicious elevate access operation", "Medium", "PrivilegeEscalation", ["T1098.003"]),
            ["ARM_MicroBurst.AZStorageKeysREST"] = ("MicroBurst exploitation toolkit used to extract keys to your storage accounts", "High", "Collection", ["T1530"]),
            ["ARM_AnomalousOperation.Collection"] = ("Suspicious invocation of a high-risk 'Collection' operation detected", "Medium", "Collection", ["T1530"]),
            ["ARM_AnomalousOperation.Execution"] = ("Suspicious invocation of a high-risk 'Execution' operation detected", "Medium", "Execution", []),
        };

    /// <summary>SCC category -> (severity, primary tactic, primary techniques, service, method).</summary>
    public static IReadOnlyDictionary<string, (string Severity, string Tactic, string[] Techniques, string Service, string Method)> Scc { get; } =
        new Dictionary<string, (string, string, string[], string, string)>(StringComparer.Ordinal)
        {
            ["Persistence: New Geography"] = ("LOW", "PERSISTENCE", ["VALID_ACCOUNTS"], "compute.googleapis.com", "v1.compute.instances.list"),
            ["Persistence: New API Method"] = ("LOW", "PERSISTENCE", ["VALID_ACCOUNTS"], "storage.googleapis.com", "storage.buckets.list"),
            ["Persistence: New User Agent"] = ("LOW", "PERSISTENCE", ["VALID_ACCOUNTS"], "cloudresourcemanager.googleapis.com", "GetProject"),
            ["Persistence: IAM Anomalous Grant"] = ("HIGH", "PERSISTENCE", ["ACCOUNT_MANIPULATION"], "cloudresourcemanager.googleapis.com", "SetIamPolicy"),
            ["Privilege Escalation: Anomalous Impersonation of Service Account for Admin Activity"] = ("MEDIUM", "PRIVILEGE_ESCALATION", ["VALID_ACCOUNTS"], "iamcredentials.googleapis.com", "GenerateAccessToken"),
            ["Exfiltration: BigQuery Data Extraction"] = ("HIGH", "EXFILTRATION", ["EXFILTRATION_TO_CLOUD_STORAGE"], "bigquery.googleapis.com", "google.cloud.bigquery.v2.JobService.InsertJob"),
            ["Initial Access: Leaked Service Account Key Used"] = ("HIGH", "INITIAL_ACCESS", ["CLOUD_ACCOUNTS"], "compute.googleapis.com", "v1.compute.instances.list"),
            ["Persistence: GCE Admin Added SSH Key"] = ("MEDIUM", "PERSISTENCE", ["SSH_AUTHORIZED_KEYS"], "compute.googleapis.com", "v1.compute.projects.setCommonInstanceMetadata"),
            ["Impact: Cryptomining Commands"] = ("HIGH", "IMPACT", ["RESOURCE_HIJACKING"], "compute.googleapis.com", "v1.compute.instances.insert"),
            ["Initial Access: Excessive Permission Denied Actions"] = ("MEDIUM", "INITIAL_ACCESS", ["CLOUD_ACCOUNTS"], "storage.googleapis.com", "storage.objects.get"),
        };
}

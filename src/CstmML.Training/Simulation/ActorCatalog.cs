namespace CstmML.Training.Simulation;

/// <summary>
/// The attacker profiles. Each is grounded in ATT&amp;CK (training-data/reference/attack/cloud_group_profiles.json,
/// cloud_software_profiles.json) and in public incident reporting; docs/training-data.md lists the references.
/// Stages deliberately share calls and alert types between actors (and with benign roles) so the classes overlap.
/// </summary>
internal static class ActorCatalog
{
    private const string AwsCliV1Old = "aws-cli/1.18.69 Python/2.7.18 Linux/4.14.203-156.332.amzn2.x86_64 botocore/1.17.69";
    private const string AwsCliV1Ubuntu = "aws-cli/1.22.34 Python/3.10.12 Linux/5.15.0-1034-aws botocore/1.24.21";
    private const string AwsCliKali = "aws-cli/1.22.34 Python/3.11.2 Linux/6.3.0-kali1-amd64 botocore/1.24.21";
    private const string AwsCliWindows = "aws-cli/2.13.5 Python/3.11.4 Windows/10 exe/AMD64 prompt/off command/s3.cp";
    private const string Boto3Old = "Boto3/1.26.79 Python/3.9.16 Linux/5.10.167-147.601.amzn2.x86_64 Botocore/1.29.79";
    private const string Boto3New = "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.15.0-91-generic md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.51";
    private const string ChromeWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36";
    private const string S3Browser = "S3 Browser 11.4.5 https://s3browser.com";
    private const string NodeSdk = "aws-sdk-js/3.441.0 ua/2.0 os/linux#5.15.0 lang/js md/nodejs#18.18.2 api/bedrock-runtime#3.441.0";
    private const string PhpSdk = "aws-sdk-php/3.281.0 OS/Linux/5.4.0-150-generic lang/php/7.4.3 GuzzleHttp/7";

    private static readonly string[] BruteForceReads =
    [
        "ec2:DescribeInstances", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSnapshots", "ec2:DescribeVolumes",
        "rds:DescribeDBInstances", "lambda:ListFunctions20150331", "dynamodb:ListTables", "sns:ListTopics", "sqs:ListQueues",
        "kms:ListKeys", "secretsmanager:ListSecrets", "ecr:DescribeRepositories", "ecs:ListClusters", "eks:ListClusters",
        "cloudformation:DescribeStacks", "elasticloadbalancing:DescribeLoadBalancers", "route53:ListHostedZones",
        "glue:GetDatabases", "logs:DescribeLogGroups", "s3:ListBuckets", "iam:ListRoles", "iam:ListUsers",
    ];

    /// <summary>Every actor, in label order.</summary>
    public static IReadOnlyList<ActorProfile> All { get; } =
    [
        new ActorProfile
        {
            Id = "teamtnt",
            DisplayName = "TeamTNT",
            Grounding = "G0139 TeamTNT (software S0601 Hildegard, S0683 Peirates); T1552.005, T1552.001, T1580, T1496.001, T1136.003",
            References =
            [
                "https://attack.mitre.org/groups/G0139/",
                "Cado Security (2020) TeamTNT: the first crypto-mining worm to steal AWS credentials",
                "Unit 42 (2021) Hildegard: new TeamTNT cryptojacking malware targeting Kubernetes",
            ],
            Timing = TimingModel.Automated,
            UserAgents = [AwsCliV1Old, "aws-cli/1.16.300 Python/3.6.9 Linux/5.4.0-1029-aws botocore/1.13.36"],
            TorShare = 0.1,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 1, ["app-instance", "eks-node"],
                [
                    new ActorStage("stolen-imds-credentials", 1, ["sts:GetCallerIdentity"])
                    {
                        Alerts = [new("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 0.6)],
                        Techniques = ["T1552.005", "T1078.004"],
                    },
                    new ActorStage("discovery", 0.9, ["iam:ListUsers", "iam:ListRoles", "s3:ListBuckets", "ec2:DescribeInstances", "ec2:DescribeRegions", "iam:ListAccessKeys", "ec2:DescribeSecurityGroups"])
                    {
                        Sample = true, SampleMin = 2, RepeatMax = 2, ErrorRate = 0.3,
                        Alerts = [new("Discovery:IAMUser/AnomalousBehavior", 0.3)],
                        Techniques = ["T1580", "T1087.004", "T1619"],
                    },
                    new ActorStage("miner-deploy", 0.6, ["ec2:DescribeImages", "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:RunInstances"])
                    {
                        RepeatMax = 3, ErrorRate = 0.25, SpreadRegions = true,
                        Alerts = [new("Impact:IAMUser/AnomalousBehavior", 0.3), new("CryptoCurrency:EC2/BitcoinTool.B!DNS", 0.5)],
                        Techniques = ["T1496.001", "T1578.002"],
                    },
                    new ActorStage("host-miner", 0.7, [])
                    {
                        Alerts = [new("CryptoCurrency:Runtime/BitcoinTool.B!DNS", 0.6), new("Impact:Runtime/CryptoMinerExecuted", 0.5), new("Execution:Runtime/NewBinaryExecuted", 0.3)],
                        Techniques = ["T1496.001", "T1105"],
                    },
                    new ActorStage("backdoor-user", 0.3, ["iam:CreateUser", "iam:CreateAccessKey"])
                    {
                        ErrorRate = 0.3,
                        Techniques = ["T1136.003", "T1098.001"],
                    },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "kinsing",
            DisplayName = "Kinsing",
            Grounding = "S0599 Kinsing (H2Miner); T1610, T1059.004, T1496.001, T1021.004, T1110, T1552.005",
            References =
            [
                "https://attack.mitre.org/software/S0599/",
                "Aqua Security (2020) Threat alert: Kinsing malware attacks targeting container environments",
                "Microsoft (2023) Kinsing malware targets Kubernetes clusters via containers and PostgreSQL",
            ],
            Timing = TimingModel.Automated,
            UserAgents = [AwsCliV1Old, Boto3Old],
            TorShare = 0.05,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 1, ["eks-node", "app-instance"],
                [
                    new ActorStage("container-exploit", 1, [])
                    {
                        Alerts = [new("Execution:Runtime/NewBinaryExecuted", 0.7), new("Execution:Runtime/SuspiciousCommand", 0.5), new("PrivilegeEscalation:Runtime/DockerSocketAccessed", 0.3)],
                        Techniques = ["T1610", "T1059.004", "T1105"],
                    },
                    new ActorStage("miner", 1, [])
                    {
                        RepeatMax = 2,
                        Alerts = [new("Impact:Runtime/CryptoMinerExecuted", 0.8), new("CryptoCurrency:Runtime/BitcoinTool.B!DNS", 0.6), new("Backdoor:EC2/C&CActivity.B!DNS", 0.3)],
                        Techniques = ["T1496.001", "T1071.001"],
                    },
                    new ActorStage("imds-recon", 0.45, ["sts:GetCallerIdentity", "ec2:DescribeInstances", "s3:ListBuckets"])
                    {
                        Sample = true, ErrorRate = 0.2,
                        Techniques = ["T1552.005", "T1580"],
                    },
                    new ActorStage("ssh-spread", 0.3, [])
                    {
                        Alerts = [new("UnauthorizedAccess:EC2/SSHBruteForce", 0.8)],
                        Techniques = ["T1021.004", "T1110"],
                    },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "scattered-spider",
            DisplayName = "Scattered Spider / LUCR-3 / Muddled Libra",
            Grounding = "G1015 Scattered Spider (UNC3944, Octo Tempest); T1078.004, T1621, T1087.004, T1555.006, T1136.003, T1098.003, T1562.008, T1651, T1530",
            References =
            [
                "https://attack.mitre.org/groups/G1015/",
                "Permiso (2023) LUCR-3: Scattered Spider getting SaaS-y in the cloud",
                "Unit 42 (2023) Muddled Libra's evolution to the cloud",
                "CISA AA23-320A Scattered Spider",
            ],
            Timing = TimingModel.Mixed,
            UserAgents = [ChromeWindows, S3Browser, AwsCliWindows],
            TorShare = 0.15,
            ActiveHoursUtc = (14, 23),
            InterleaveProbability = 0.5,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 0.85, ["human-admin", "readonly-auditor", "developer-user"],
                [
                    new ActorStage("console-login", 1, ["signin:ConsoleLogin"])
                    {
                        Alerts = [new("UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B", 0.3)],
                        Techniques = ["T1078.004", "T1621"],
                    },
                    new ActorStage("recon", 0.95, ["iam:ListUsers", "iam:GetAccountSummary", "iam:ListRoles", "organizations:DescribeOrganization", "ec2:DescribeInstances", "s3:ListBuckets", "sts:GetCallerIdentity", "iam:ListAccountAliases", "ce:GetCostAndUsage"])
                    {
                        Sample = true, SampleMin = 3, ErrorRate = 0.05,
                        Techniques = ["T1087.004", "T1580", "T1619", "T1526"],
                    },
                    new ActorStage("secrets", 0.8, ["secretsmanager:ListSecrets", "secretsmanager:GetSecretValue", "ssm:DescribeParameters", "ssm:GetParameters"])
                    {
                        RepeatMax = 3, ErrorRate = 0.15,
                        Techniques = ["T1555.006", "T1552"],
                    },
                    new ActorStage("persistence", 0.7, ["iam:CreateUser", "iam:CreateLoginProfile", "iam:AttachUserPolicy", "iam:CreateAccessKey"])
                    {
                        ErrorRate = 0.1,
                        Alerts = [new("Persistence:IAMUser/AnomalousBehavior", 0.4)],
                        Techniques = ["T1136.003", "T1098.001", "T1098.003"],
                    },
                    new ActorStage("impair-logging", 0.3, ["guardduty:ListDetectors", "cloudtrail:DescribeTrails", "cloudtrail:StopLogging"])
                    {
                        Alerts = [new("Stealth:IAMUser/CloudTrailLoggingDisabled", 0.9)],
                        Techniques = ["T1562.008"],
                    },
                    new ActorStage("ssm-lateral", 0.4, ["ssm:DescribeInstanceInformation", "ssm:StartSession", "ssm:SendCommand"])
                    {
                        Techniques = ["T1651"],
                    },
                    new ActorStage("s3-exfiltration", 0.75, ["s3:ListBuckets", "s3:GetBucketLocation", "s3:ListObjects", "s3:GetObject", "s3:GetObject", "s3:GetObject"])
                    {
                        RepeatMin = 2, RepeatMax = 6,
                        Alerts = [new("Exfiltration:S3/AnomalousBehavior", 0.5)],
                        Techniques = ["T1530", "T1619"],
                    },
                ]),
                new ActorVariant(CloudKind.Gcp, 0.15, ["gcp-admin"],
                [
                    new ActorStage("new-geography", 1, []) { Alerts = [new("Persistence: New Geography", 0.8)], Techniques = ["T1078.004"] },
                    new ActorStage("grant", 0.8, []) { Alerts = [new("Persistence: IAM Anomalous Grant", 0.8)], Techniques = ["T1098.003"] },
                    new ActorStage("impersonation", 0.5, []) { Alerts = [new("Privilege Escalation: Anomalous Impersonation of Service Account for Admin Activity", 0.7)], Techniques = ["T1078.004"] },
                    new ActorStage("bigquery-exfiltration", 0.5, []) { Alerts = [new("Exfiltration: BigQuery Data Extraction", 0.8)], Techniques = ["T1530"] },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "silk-typhoon",
            DisplayName = "Silk Typhoon (HAFNIUM)",
            Grounding = "G0125 HAFNIUM / Silk Typhoon; T1078.004, T1090, T1528, T1555.006, T1098.001, T1098.003, T1530, T1114.002",
            References =
            [
                "https://attack.mitre.org/groups/G0125/",
                "Microsoft Threat Intelligence (2025) Silk Typhoon targeting IT supply chain",
            ],
            Timing = TimingModel.Manual,
            UserAgents = ["python-requests/2.31.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) PowerShell/7.4.1"],
            TorShare = 0.0,
            ActiveHoursUtc = (0, 10),
            Variants =
            [
                new ActorVariant(CloudKind.Azure, 1, ["azure-automation", "azure-admin"],
                [
                    new ActorStage("stolen-key-sign-in", 1, []) { Alerts = [new("ARM_OperationFromSuspiciousIP", 0.7), new("ARM_OperationFromSuspiciousProxyIP", 0.4)], Techniques = ["T1078.004", "T1090"] },
                    new ActorStage("discovery", 0.7, []) { Alerts = [new("ARM_MicroBurst.AzDomainInfo", 0.5), new("ARM_PowerZure.GetAzureTargets", 0.3)], Techniques = ["T1526", "T1087.004"] },
                    new ActorStage("credential-access", 0.8, []) { Alerts = [new("ARM_MicroBurst.AzKeyVaultSecretsREST", 0.5), new("ARM_AnomalousServiceOperation.CredentialAccess", 0.6)], Techniques = ["T1555.006", "T1528"] },
                    new ActorStage("persistence", 0.7, []) { Alerts = [new("ARM_UnusedAppPowershellPersistence", 0.4), new("ARM_AnomalousOperation.Persistence", 0.5), new("ARM_PrivilegedRoleDefinitionCreation", 0.3)], Techniques = ["T1098.001", "T1098.003"] },
                    new ActorStage("privilege-escalation", 0.5, []) { Alerts = [new("ARM_AnomalousRBACRoleAssignment", 0.6), new("ARM_AnomalousElevateAccess", 0.4)], Techniques = ["T1098.003"] },
                    new ActorStage("collection", 0.7, []) { Alerts = [new("ARM_MicroBurst.AZStorageKeysREST", 0.5), new("ARM_AnomalousOperation.Collection", 0.6)], Techniques = ["T1530", "T1114.002"] },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "scarleteel",
            DisplayName = "SCARLETEEL",
            Grounding = "Sysdig-reported SCARLETEEL operation (uses S1091 Pacu); T1552.005, T1580, T1526, T1552.001, T1530, T1098.003, T1562.008, T1496.001",
            References =
            [
                "Sysdig (2023) SCARLETEEL: operation leveraging Terraform, Kubernetes, and AWS for data theft",
                "Sysdig (2023) SCARLETEEL 2.0: Fargate, Kubernetes, and crypto",
            ],
            Timing = TimingModel.Mixed,
            UserAgents = [AwsCliV1Ubuntu, Boto3Old],
            TorShare = 0.2,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 1, ["eks-node", "app-instance"],
                [
                    new ActorStage("stolen-imds-credentials", 1, ["sts:GetCallerIdentity"])
                    {
                        Alerts = [new("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 0.5)],
                        Techniques = ["T1552.005", "T1078.004"],
                    },
                    new ActorStage("enumeration", 0.9, ["iam:ListUsers", "iam:ListRoles", "iam:GetAccountAuthorizationDetails", "lambda:ListFunctions20150331", "s3:ListBuckets", "ec2:DescribeInstances", "ec2:DescribeRegions", "sts:GetCallerIdentity"])
                    {
                        Sample = true, SampleMin = 3, RepeatMax = 2, ErrorRate = 0.35,
                        Techniques = ["T1580", "T1526", "T1087.004", "T1069.003"],
                    },
                    new ActorStage("lambda-code", 0.6, ["lambda:ListFunctions20150331", "lambda:GetFunction20150331v2", "lambda:GetFunction20150331v2"])
                    {
                        RepeatMin = 1, RepeatMax = 4,
                        Techniques = ["T1552.001"],
                    },
                    new ActorStage("terraform-state", 0.6, ["s3:ListBuckets", "s3:ListObjects", "s3:GetObject"])
                    {
                        RepeatMax = 4,
                        Alerts = [new("Exfiltration:S3/AnomalousBehavior", 0.3)],
                        Techniques = ["T1530", "T1552.001"],
                    },
                    new ActorStage("privilege-escalation", 0.6, ["iam:CreateUser", "iam:CreateAccessKey", "iam:AttachUserPolicy", "iam:CreateLoginProfile"])
                    {
                        RepeatMax = 3, ErrorRate = 0.5,
                        Alerts = [new("PrivilegeEscalation:IAMUser/AnomalousBehavior", 0.4)],
                        Techniques = ["T1098.003", "T1136.003"],
                    },
                    new ActorStage("impair-logging", 0.35, ["cloudtrail:DescribeTrails", "cloudtrail:StopLogging", "cloudtrail:DeleteTrail"])
                    {
                        ErrorRate = 0.4,
                        Alerts = [new("Stealth:IAMUser/CloudTrailLoggingDisabled", 0.6)],
                        Techniques = ["T1562.008"],
                    },
                    new ActorStage("miners", 0.5, ["ec2:RunInstances"])
                    {
                        RepeatMin = 2, RepeatMax = 8, ErrorRate = 0.3, SpreadRegions = true,
                        Alerts = [new("CryptoCurrency:EC2/BitcoinTool.B!DNS", 0.4)],
                        Techniques = ["T1496.001"],
                    },
                    new ActorStage("container-miner", 0.5, [])
                    {
                        Alerts = [new("Execution:Runtime/NewBinaryExecuted", 0.5), new("Impact:Runtime/CryptoMinerExecuted", 0.4)],
                        Techniques = ["T1496.001", "T1610"],
                    },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "elektra-leak",
            DisplayName = "EleKtra-Leak-style automated key abuse",
            Grounding = "Unit 42-reported EleKtra-Leak campaign (leaked IAM keys on public repositories); T1552.001, T1078.004, T1580, T1578.002, T1496.001",
            References =
            [
                "Unit 42 (2023) EleKtra-Leak: cryptojacking campaign using leaked IAM credentials on GitHub",
            ],
            Timing = TimingModel.Automated,
            UserAgents = [Boto3New, AwsCliV1Ubuntu],
            TorShare = 0.05,
            IpRotationProbability = 0.4,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 0.85, ["legacy-key-user", "developer-user"],
                [
                    new ActorStage("key-validation", 1, ["sts:GetCallerIdentity"])
                    {
                        Alerts = [new("UnauthorizedAccess:IAMUser/MaliciousIPCaller", 0.2)],
                        Techniques = ["T1078.004"],
                    },
                    new ActorStage("region-sweep", 0.9, ["ec2:DescribeRegions", "ec2:DescribeInstances", "ec2:DescribeAccountAttributes"])
                    {
                        RepeatMin = 2, RepeatMax = 6, SpreadRegions = true, ErrorRate = 0.1,
                        Techniques = ["T1580"],
                    },
                    new ActorStage("quota-check", 0.5, ["servicequotas:GetServiceQuota"]) { Techniques = ["T1580"] },
                    new ActorStage("mass-launch", 0.95, ["ec2:ImportKeyPair", "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:RunInstances"])
                    {
                        RepeatMin = 3, RepeatMax = 10, ErrorRate = 0.2, DropRate = 0.2, SpreadRegions = true,
                        Alerts = [new("Impact:IAMUser/AnomalousBehavior", 0.4), new("CryptoCurrency:EC2/BitcoinTool.B!DNS", 0.4)],
                        Techniques = ["T1496.001", "T1578.002"],
                    },
                ]),
                new ActorVariant(CloudKind.Gcp, 0.15, ["gcp-service-account"],
                [
                    new ActorStage("leaked-key", 1, []) { Alerts = [new("Initial Access: Leaked Service Account Key Used", 0.9)], Techniques = ["T1078.004"] },
                    new ActorStage("new-geography", 0.5, []) { Alerts = [new("Persistence: New Geography", 0.6), new("Persistence: New API Method", 0.3)], Techniques = ["T1078.004"] },
                    new ActorStage("ssh-key", 0.4, []) { Alerts = [new("Persistence: GCE Admin Added SSH Key", 0.8)], Techniques = ["T1098.004"] },
                    new ActorStage("mining", 0.8, []) { Alerts = [new("Impact: Cryptomining Commands", 0.7)], Techniques = ["T1496.001"] },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "llmjacking",
            DisplayName = "LLMjacking",
            Grounding = "Sysdig-reported LLMjacking (stolen cloud credentials resold for hosted LLM access); T1078.004, T1526, T1496.004, T1562.008",
            References =
            [
                "Sysdig (2024) LLMjacking: stolen cloud credentials used in new AI attack",
                "Sysdig (2024) The growing dangers of LLMjacking",
                "Permiso (2024) Exploiting hosted models (Bedrock abuse)",
            ],
            Timing = TimingModel.Automated,
            UserAgents = [Boto3New, NodeSdk],
            TorShare = 0.25,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 1, ["genai-app", "developer-user", "legacy-key-user"],
                [
                    new ActorStage("key-validation", 1, ["sts:GetCallerIdentity"]) { Techniques = ["T1078.004"] },
                    new ActorStage("model-discovery", 0.9, ["bedrock:GetModelInvocationLoggingConfiguration", "bedrock:ListFoundationModels", "bedrock:GetFoundationModelAvailability"])
                    {
                        Sample = true,
                        Techniques = ["T1526"],
                    },
                    new ActorStage("invoke-probe", 0.9, ["bedrock:InvokeModel"])
                    {
                        RepeatMin = 2, RepeatMax = 6, ErrorRate = 0.6,
                        Techniques = ["T1496.004"],
                    },
                    new ActorStage("enable-model-access", 0.5, ["bedrock:ListFoundationModelAgreementOffers", "bedrock:PutUseCaseForModelAccess", "bedrock:CreateFoundationModelAgreement"])
                    {
                        ErrorRate = 0.2,
                        Techniques = ["T1496.004"],
                    },
                    new ActorStage("disable-invocation-logging", 0.35, ["bedrock:DeleteModelInvocationLoggingConfiguration"])
                    {
                        Alerts = [new("DefenseEvasion:IAMUser/BedrockLoggingDisabled", 0.8)],
                        Techniques = ["T1562.008"],
                    },
                    new ActorStage("model-abuse", 0.8, ["bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel"])
                    {
                        RepeatMin = 5, RepeatMax = 20,
                        Alerts = [new("Impact:IAMUser/AnomalousBehavior", 0.3)],
                        Techniques = ["T1496.004"],
                    },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "ses-sns-abuse",
            DisplayName = "SES/SNS spam and smishing abuse",
            Grounding = "Public reporting of SES/SNS hijacking with stolen keys (e.g. SentinelLabs SNS Sender, Permiso/Wiz SES abuse); T1078.004, T1526, T1496.004, T1496.003",
            References =
            [
                "SentinelLabs (2024) SNS Sender: active campaigns unleash messaging spam through the cloud",
                "Wiz (2024) Threat actors abusing Amazon SES for phishing",
                "Permiso (2023) SES-pionage: AWS SES abuse",
            ],
            Timing = TimingModel.Automated,
            UserAgents = [PhpSdk, Boto3New],
            TorShare = 0.1,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 1, ["mailer-user", "legacy-key-user", "developer-user"],
                [
                    new ActorStage("key-validation", 1, ["sts:GetCallerIdentity"]) { Techniques = ["T1078.004"] },
                    new ActorStage("ses-recon", 0.8, ["ses:GetSendQuota", "ses:ListIdentities", "ses:GetAccountSendingEnabled", "ses:GetIdentityVerificationAttributes"])
                    {
                        Sample = true, SampleMin = 2,
                        Alerts = [new("Discovery:IAMUser/AnomalousBehavior", 0.2)],
                        Techniques = ["T1526"],
                    },
                    new ActorStage("ses-setup", 0.5, ["ses:UpdateAccountSendingEnabled", "ses:VerifyEmailIdentity", "ses:CreateEmailIdentity", "ses:PutAccountDetails"])
                    {
                        ErrorRate = 0.3,
                        Techniques = ["T1496.004"],
                    },
                    new ActorStage("sns-setup", 0.5, ["sns:GetSMSAttributes", "sns:SetSMSAttributes", "sns:CreateTopic", "sns:Subscribe"])
                    {
                        ErrorRate = 0.2,
                        Techniques = ["T1496.003"],
                    },
                    new ActorStage("sns-send", 0.45, ["sns:Publish"])
                    {
                        RepeatMin = 5, RepeatMax = 25, ErrorRate = 0.2,
                        Alerts = [new("Impact:IAMUser/AnomalousBehavior", 0.3)],
                        Techniques = ["T1496.003"],
                    },
                ]),
            ],
        },
        new ActorProfile
        {
            Id = "pacu",
            DisplayName = "Pacu and generic offensive tooling",
            Grounding = "S1091 Pacu; T1087.004, T1069.003, T1580, T1526, T1098.001, T1098.003, T1578.001, T1562.008",
            References =
            [
                "https://attack.mitre.org/software/S1091/",
                "Rhino Security Labs, Pacu modules (iam__enum_permissions, iam__bruteforce_permissions, iam__privesc_scan, ebs__explore_snapshots)",
            ],
            Timing = TimingModel.Automated,
            UserAgents = [Boto3Old, AwsCliKali, Boto3New],
            TorShare = 0.3,
            Variants =
            [
                new ActorVariant(CloudKind.Aws, 1, ["developer-user", "legacy-key-user", "cicd-deployer", "app-instance"],
                [
                    new ActorStage("whoami", 1, ["sts:GetCallerIdentity", "iam:GetUser"])
                    {
                        ErrorRate = 0.2,
                        Alerts = [new("PenTest:IAMUser/KaliLinux", 0.3)],
                        Techniques = ["T1087.004"],
                    },
                    new ActorStage("enum-permissions", 0.85, ["iam:GetAccountAuthorizationDetails", "iam:ListAttachedUserPolicies", "iam:ListUserPolicies", "iam:ListGroupsForUser", "iam:GetPolicyVersion", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"])
                    {
                        Sample = true, SampleMin = 3, ErrorRate = 0.3,
                        Techniques = ["T1069.003", "T1087.004"],
                    },
                    new ActorStage("bruteforce-permissions", 0.6, BruteForceReads)
                    {
                        Sample = true, SampleMin = 8, RepeatMax = 2, ErrorRate = 0.45,
                        Alerts = [new("Discovery:IAMUser/AnomalousBehavior", 0.4)],
                        Techniques = ["T1580", "T1526"],
                    },
                    new ActorStage("privesc-scan", 0.4, ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "lambda:CreateFunction20150331", "iam:UpdateAssumeRolePolicy"])
                    {
                        ErrorRate = 0.7,
                        Techniques = ["T1098.003", "T1548"],
                    },
                    new ActorStage("backdoor-keys", 0.35, ["iam:CreateAccessKey", "iam:UpdateAssumeRolePolicy"])
                    {
                        ErrorRate = 0.4,
                        Techniques = ["T1098.001"],
                    },
                    new ActorStage("snapshot-loot", 0.2, ["ec2:DescribeSnapshots", "ec2:CreateSnapshot", "ec2:ModifySnapshotAttribute"])
                    {
                        Techniques = ["T1578.001", "T1537"],
                    },
                    new ActorStage("impair-defenses", 0.2, ["guardduty:ListDetectors", "guardduty:UpdateDetector", "cloudtrail:StopLogging"])
                    {
                        ErrorRate = 0.3,
                        Alerts = [new("Stealth:IAMUser/CloudTrailLoggingDisabled", 0.5)],
                        Techniques = ["T1562.001", "T1562.008"],
                    },
                ]),
            ],
        },
    ];
}

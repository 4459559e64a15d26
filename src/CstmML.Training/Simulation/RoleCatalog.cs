namespace CstmML.Training.Simulation;

/// <summary>
/// The benign role archetypes, each with its own rhythm and API mix. Security scanners and auditors (heavy
/// Describe/List), the Bedrock app and the backup user are the hard negatives: they look like recon, LLM abuse or key abuse.
/// </summary>
internal static class RoleCatalog
{
    private const string Terraform = "APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.3 os/linux lang/go#1.21.6 md/GOOS#linux md/GOARCH#amd64";
    private const string CliGithub = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/cloudformation.deploy";
    private const string JavaSdk = "aws-sdk-java/2.25.11 Linux/5.10.210-201.852.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS Java/17.0.10 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_FARGATE";
    private const string Boto3 = "Boto3/1.34.40 md/Botocore#1.34.40 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.7 md/pyimpl#CPython cfg/retry-mode#standard Botocore/1.34.40";
    private const string GoSdk = "aws-sdk-go/1.50.30 (go1.21.7; linux; amd64)";
    private const string ChromeMac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36";
    private const string FirefoxWin = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0";
    private const string CliMac = "aws-cli/2.15.30 Python/3.11.8 Darwin/23.3.0 exe/x86_64 prompt/off command/s3.ls";
    private const string CliV1Backup = "aws-cli/1.29.62 Python/3.8.10 Linux/5.4.0-1103-aws botocore/1.31.62";

    private static readonly (string, double)[] ScannerMix =
    [
        ("ec2:DescribeInstances", 4), ("ec2:DescribeSecurityGroups", 4), ("ec2:DescribeVpcs", 2), ("ec2:DescribeSubnets", 2),
        ("ec2:DescribeSnapshots", 2), ("ec2:DescribeVolumes", 2), ("ec2:DescribeImages", 1), ("ec2:DescribeRegions", 1),
        ("iam:ListUsers", 2), ("iam:ListRoles", 2), ("iam:ListPolicies", 2), ("iam:GetAccountAuthorizationDetails", 0.5),
        ("iam:ListAttachedRolePolicies", 3), ("iam:ListRolePolicies", 2), ("iam:GetPolicyVersion", 2), ("iam:ListAccessKeys", 2),
        ("iam:GetAccountPasswordPolicy", 0.5), ("iam:GenerateCredentialReport", 0.3), ("iam:GetCredentialReport", 0.3),
        ("s3:ListBuckets", 1), ("s3:GetBucketPolicy", 3), ("s3:GetBucketAcl", 3), ("s3:GetBucketEncryption", 2),
        ("s3:GetBucketPublicAccessBlock", 2), ("s3:GetBucketLogging", 1), ("rds:DescribeDBInstances", 1),
        ("lambda:ListFunctions20150331", 1), ("kms:ListKeys", 1), ("kms:GetKeyRotationStatus", 1), ("secretsmanager:ListSecrets", 1),
        ("cloudtrail:DescribeTrails", 1), ("cloudtrail:GetTrailStatus", 1), ("config:DescribeConfigurationRecorders", 1),
        ("guardduty:ListDetectors", 1), ("sns:ListTopics", 1), ("sqs:ListQueues", 1), ("dynamodb:ListTables", 1),
        ("eks:ListClusters", 1), ("ecr:DescribeRepositories", 1), ("elasticloadbalancing:DescribeLoadBalancers", 1),
        ("logs:DescribeLogGroups", 1), ("route53:ListHostedZones", 0.5), ("cloudformation:DescribeStacks", 1),
    ];

    /// <summary>Every archetype.</summary>
    public static IReadOnlyList<RoleProfile> All { get; } =
    [
        new RoleProfile
        {
            Archetype = "cicd-deployer", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["github-actions-deploy", "terraform-apply"],
            WeekdayProbability = 0.85, WeekendProbability = 0.1, FromHour = 8, ToHour = 19,
            SessionsMin = 1, SessionsMax = 4, CallsMin = 5, CallsMax = 20,
            Prologue = ["sts:GetCallerIdentity"],
            Mix =
            [
                ("cloudformation:DescribeStacks", 5), ("cloudformation:CreateChangeSet", 1), ("cloudformation:ExecuteChangeSet", 1),
                ("cloudformation:DescribeStackEvents", 4), ("ecr:GetAuthorizationToken", 2), ("ecr:PutImage", 1),
                ("ecs:RegisterTaskDefinition", 1), ("ecs:UpdateService", 1), ("ecs:DescribeServices", 3),
                ("lambda:UpdateFunctionCode20150331v2", 1), ("lambda:GetFunction20150331v2", 1), ("s3:PutObject", 2), ("s3:GetObject", 1),
                ("iam:GetRole", 1), ("ssm:GetParameter", 2), ("kms:Decrypt", 1),
                ("elasticloadbalancing:DescribeTargetHealth", 2), ("iam:CreateRole", 0.1), ("iam:AttachRolePolicy", 0.1),
            ],
            UserAgents = [CliGithub, Terraform], Ips = IpKind.CiRunner,
        },
        new RoleProfile
        {
            Archetype = "data-pipeline", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["etl-glue-job-role", "athena-reporting-role"],
            Schedule = ScheduleKind.Periodic, PeriodHours = 6, CallsMin = 3, CallsMax = 12,
            Mix =
            [
                ("s3:GetObject", 6), ("s3:PutObject", 4), ("s3:ListObjects", 2), ("glue:GetTable", 2), ("glue:StartJobRun", 1),
                ("glue:GetJobRun", 2), ("athena:StartQueryExecution", 1), ("athena:GetQueryExecution", 3), ("athena:GetQueryResults", 1),
                ("kms:Decrypt", 2), ("kms:GenerateDataKey", 1),
            ],
            UserAgents = [JavaSdk, Boto3], Ips = IpKind.AwsService,
        },
        new RoleProfile
        {
            Archetype = "human-admin", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["AWSReservedSSO_AdministratorAccess_{hex}"],
            WeekdayProbability = 0.8, WeekendProbability = 0.05, SessionsMin = 1, SessionsMax = 3, CallsMin = 5, CallsMax = 25,
            Prologue = ["signin:ConsoleLogin"],
            Mix =
            [
                ("ec2:DescribeInstances", 6), ("s3:ListBuckets", 3), ("iam:ListRoles", 3), ("iam:GetRole", 2), ("cloudwatch:GetMetricData", 4),
                ("logs:FilterLogEvents", 3), ("iam:CreateRole", 0.3), ("iam:AttachRolePolicy", 0.3), ("iam:CreateAccessKey", 0.1),
                ("iam:CreateUser", 0.1), ("ec2:StopInstances", 0.3), ("ec2:StartInstances", 0.3), ("ec2:ModifyInstanceAttribute", 0.2),
                ("s3:PutBucketPolicy", 0.1), ("secretsmanager:GetSecretValue", 0.5), ("ssm:StartSession", 0.5), ("ce:GetCostAndUsage", 0.5),
                ("organizations:DescribeOrganization", 0.3), ("guardduty:ListFindings", 0.5), ("iam:ListUsers", 1),
            ],
            Timing = TimingModel.Manual, ManualMedianSeconds = 25, ErrorRate = 0.03,
            UserAgents = [ChromeMac, FirefoxWin, CliMac], Ips = IpKind.Corporate,
            RoutineAlerts = [new("Policy:S3/BucketBlockPublicAccessDisabled", 0.05), new("Stealth:IAMUser/PasswordPolicyChange", 0.02), new("UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B", 0.03)],
        },
        new RoleProfile
        {
            Archetype = "readonly-auditor", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["AWSReservedSSO_ReadOnlyAccess_{hex}"],
            WeekdayProbability = 0.4, WeekendProbability = 0, SessionsMin = 1, SessionsMax = 2, CallsMin = 10, CallsMax = 40,
            Prologue = ["signin:ConsoleLogin"],
            Mix = ScannerMix,
            Timing = TimingModel.Manual, ManualMedianSeconds = 8, ErrorRate = 0.05,
            UserAgents = [ChromeMac, FirefoxWin], Ips = IpKind.Home,
        },
        new RoleProfile
        {
            Archetype = "security-scanner", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["prowler-scanner-role", "cspm-vendor-audit-role"],
            Schedule = ScheduleKind.Periodic, PeriodHours = 24, CallsMin = 25, CallsMax = 70,
            Prologue = ["sts:GetCallerIdentity"],
            Mix = ScannerMix, SpreadRegions = true, ErrorRate = 0.08,
            UserAgents = [Boto3, GoSdk], Ips = IpKind.Vendor,
            RoutineAlerts = [new("Discovery:IAMUser/AnomalousBehavior", 0.1)],
        },
        new RoleProfile
        {
            Archetype = "break-glass", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["BreakGlassAdmin"],
            Schedule = ScheduleKind.Rare, WeekdayProbability = 0.03, WeekendProbability = 0.03, SessionsMin = 1, SessionsMax = 1,
            CallsMin = 10, CallsMax = 40,
            Prologue = ["signin:ConsoleLogin"],
            Mix =
            [
                ("iam:ListRoles", 2), ("iam:GetRole", 2), ("iam:AttachRolePolicy", 1), ("iam:UpdateAssumeRolePolicy", 1), ("iam:DeleteAccessKey", 0.5),
                ("iam:CreateAccessKey", 0.3), ("cloudtrail:DescribeTrails", 1), ("guardduty:ListFindings", 1), ("ec2:DescribeInstances", 2),
                ("ec2:StopInstances", 0.5), ("ec2:RevokeSecurityGroupIngress", 0.5), ("s3:PutBucketPolicy", 0.3), ("kms:DisableKey", 0.1),
            ],
            Timing = TimingModel.Manual, ManualMedianSeconds = 40, ErrorRate = 0.02,
            UserAgents = [ChromeMac], Ips = IpKind.Corporate,
        },
        new RoleProfile
        {
            Archetype = "app-instance", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["web-app-instance-role", "api-backend-role", "batch-worker-role"],
            Schedule = ScheduleKind.Periodic, PeriodHours = 4, CallsMin = 2, CallsMax = 8,
            Mix =
            [
                ("ssm:GetParameters", 3), ("secretsmanager:GetSecretValue", 2), ("kms:Decrypt", 4), ("s3:GetObject", 3), ("s3:PutObject", 2),
                ("sts:GetCallerIdentity", 0.2), ("ec2:DescribeTags", 1), ("cloudwatch:PutMetricData", 2), ("logs:CreateLogStream", 1),
            ],
            UserAgents = [GoSdk, JavaSdk], Ips = IpKind.AwsInstance,
            RoutineAlerts = [new("Recon:EC2/PortProbeUnprotectedPort", 0.5), new("UnauthorizedAccess:EC2/SSHBruteForce", 0.25)],
        },
        new RoleProfile
        {
            Archetype = "eks-node", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["eks-nodegroup-role"],
            Schedule = ScheduleKind.Periodic, PeriodHours = 6, CallsMin = 2, CallsMax = 8,
            Mix =
            [
                ("ec2:DescribeInstances", 2), ("ecr:GetAuthorizationToken", 3), ("ecr:BatchGetImage", 2), ("ec2:DescribeNetworkInterfaces", 2),
                ("ec2:AssignPrivateIpAddresses", 0.5), ("eks:DescribeCluster", 1), ("autoscaling:DescribeAutoScalingGroups", 1),
            ],
            UserAgents = [GoSdk], Ips = IpKind.AwsInstance,
            RoutineAlerts = [new("Recon:EC2/PortProbeUnprotectedPort", 0.2)],
        },
        new RoleProfile
        {
            Archetype = "genai-app", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsRole,
            Names = ["genai-chatbot-role"],
            Schedule = ScheduleKind.Periodic, PeriodHours = 6, CallsMin = 3, CallsMax = 12,
            Mix =
            [
                ("bedrock:InvokeModel", 10), ("bedrock:InvokeModelWithResponseStream", 4), ("bedrock:ListFoundationModels", 0.2),
                ("s3:GetObject", 1), ("kms:Decrypt", 1),
            ],
            UserAgents = [Boto3], Ips = IpKind.AwsInstance,
        },
        new RoleProfile
        {
            Archetype = "legacy-key-user", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsUser,
            Names = ["svc-backup", "svc-reporting"],
            Schedule = ScheduleKind.Periodic, PeriodHours = 24, CallsMin = 4, CallsMax = 15,
            Mix =
            [
                ("s3:ListBuckets", 1), ("s3:PutObject", 4), ("s3:GetObject", 2), ("s3:ListObjects", 2), ("ec2:CreateSnapshot", 0.5),
                ("ec2:DescribeSnapshots", 1), ("ec2:DeleteSnapshot", 0.3), ("rds:CreateDBSnapshot", 0.3), ("sts:GetCallerIdentity", 0.3),
            ],
            UserAgents = [CliV1Backup], Ips = IpKind.Corporate,
        },
        new RoleProfile
        {
            Archetype = "mailer-user", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsUser,
            Names = ["ses-smtp-user"],
            Schedule = ScheduleKind.Periodic, PeriodHours = 6, CallsMin = 1, CallsMax = 5,
            Mix = [("ses:GetSendQuota", 1), ("ses:GetSendStatistics", 1), ("sns:Publish", 2)],
            UserAgents = [JavaSdk], Ips = IpKind.AwsInstance,
        },
        new RoleProfile
        {
            Archetype = "developer-user", Cloud = CloudKind.Aws, Kind = IdentityKind.AwsUser,
            Names = ["dev-{first}", "dev-{first}"],
            WeekdayProbability = 0.6, WeekendProbability = 0.05, SessionsMin = 1, SessionsMax = 2, CallsMin = 4, CallsMax = 20,
            RoutineAlerts = [new("Discovery:IAMUser/AnomalousBehavior", 0.03)],
            Mix =
            [
                ("s3:ListBuckets", 2), ("s3:GetObject", 2), ("ec2:DescribeInstances", 2), ("lambda:GetFunction20150331v2", 1),
                ("lambda:UpdateFunctionCode20150331v2", 0.5), ("logs:FilterLogEvents", 2), ("sts:GetCallerIdentity", 1),
                ("cloudformation:DescribeStacks", 1), ("dynamodb:DescribeTable", 1), ("bedrock:InvokeModel", 0.3), ("sqs:ListQueues", 0.5),
            ],
            Timing = TimingModel.Manual, ManualMedianSeconds = 45, ErrorRate = 0.05,
            UserAgents = [CliMac], Ips = IpKind.Home,
        },
        new RoleProfile
        {
            Archetype = "azure-admin", Cloud = CloudKind.Azure, Kind = IdentityKind.AzureUser,
            Names = ["{first}"], UserAgents = [ChromeMac],
            RoutineAlerts = [new("ARM_AnomalousRBACRoleAssignment", 0.25), new("ARM_PrivilegedRoleDefinitionCreation", 0.1), new("ARM_OperationFromSuspiciousProxyIP", 0.15)],
        },
        new RoleProfile
        {
            Archetype = "azure-automation", Cloud = CloudKind.Azure, Kind = IdentityKind.AzureServicePrincipal,
            Names = ["backup-automation-sp", "deploy-pipeline-sp", "monitoring-sp"], UserAgents = ["AzurePowershell/v11.3.1"],
            RoutineAlerts = [new("ARM_AnomalousOperation.Execution", 0.15), new("ARM_AnomalousServiceOperation.CredentialAccess", 0.08), new("ARM_OperationFromSuspiciousIP", 0.03)],
        },
        new RoleProfile
        {
            Archetype = "gcp-admin", Cloud = CloudKind.Gcp, Kind = IdentityKind.GcpUser,
            Names = ["{first}"], UserAgents = ["google-cloud-sdk gcloud/465.0.0 command/gcloud.projects.add-iam-policy-binding"],
            RoutineAlerts = [new("Persistence: New API Method", 0.15), new("Persistence: New User Agent", 0.1)],
        },
        new RoleProfile
        {
            Archetype = "gcp-service-account", Cloud = CloudKind.Gcp, Kind = IdentityKind.GcpServiceAccount,
            Names = ["dataflow-runner", "ci-deployer", "bq-scheduler"], UserAgents = ["google-api-python-client/2.118.0 (gzip)"],
            RoutineAlerts = [new("Initial Access: Excessive Permission Denied Actions", 0.08), new("Persistence: New API Method", 0.08)],
        },
    ];

    /// <summary>The archetype named <paramref name="archetype"/>.</summary>
    public static RoleProfile Get(string archetype) =>
        All.FirstOrDefault(r => r.Archetype == archetype) ?? throw new ArgumentException($"Unknown role archetype '{archetype}'.", nameof(archetype));
}

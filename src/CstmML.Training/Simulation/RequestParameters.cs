using System.Globalization;
using System.Text.Json;
using CstmML.Core.Hashing;

namespace CstmML.Training.Simulation;

/// <summary>Small, plausible requestParameters / responseElements per API (null where CloudTrail logs none of interest).</summary>
internal static class RequestParameters
{
    private static readonly string[] MinerInstanceTypes = ["c5a.24xlarge", "c5.18xlarge", "p3.16xlarge", "g4dn.12xlarge", "c6i.32xlarge"];
    private static readonly string[] NormalInstanceTypes = ["t3.medium", "m5.large", "m6i.xlarge"];

    public static void Write(Utf8JsonWriter w, SimApiCall c)
    {
        var name = c.Call.Name;
        var token = c.Token;
        var account = c.Identity.Account;
        switch (c.Call.Service)
        {
            case "s3" when name == "ListBuckets":
                Object(w, ("Host", "s3.amazonaws.com"));
                return;
            case "s3":
                var bucket = Bucket(c);
                if (name is "GetObject" or "PutObject" or "HeadObject" or "DeleteObject")
                {
                    var key = c.IncidentId is not null && token[0] < '4' ? "terraform/prod/terraform.tfstate" : $"data/{c.Time:yyyy/MM/dd}/part-{token}.parquet";
                    Object(w, ("bucketName", bucket), ("Host", $"{bucket}.s3.{c.Region}.amazonaws.com"), ("key", key));
                }
                else
                {
                    Object(w, ("bucketName", bucket), ("Host", $"{bucket}.s3.{c.Region}.amazonaws.com"));
                }

                return;
            case "ec2" when name == "RunInstances":
                var types = c.IncidentId is null ? NormalInstanceTypes : MinerInstanceTypes;
                w.WriteStartObject();
                w.WriteString("instanceType", types[token[1] % types.Length]);
                w.WriteStartObject("instancesSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("imageId", "ami-0" + token + token[..8]);
                w.WriteNumber("minCount", 1);
                w.WriteNumber("maxCount", c.IncidentId is null ? 1 : 1 + (token[2] % 8));
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                return;
            case "ec2" when name is "CreateSecurityGroup" or "AuthorizeSecurityGroupIngress":
                Object(w, ("groupName", "default-" + token[..4]), ("groupDescription", "default"));
                return;
            case "ec2" when name == "ImportKeyPair":
                Object(w, ("keyName", "key-" + token[..6]));
                return;
            case "ec2" when name is "StopInstances" or "StartInstances" or "ModifyInstanceAttribute":
                Object(w, ("instanceId", "i-0" + token + token));
                return;
            case "iam" when name is "CreateUser" or "CreateAccessKey" or "CreateLoginProfile" or "GetUser" or "ListAttachedUserPolicies" or "ListUserPolicies" or "ListGroupsForUser" or "DeleteAccessKey":
                Object(w, ("userName", UserName(c)));
                return;
            case "iam" when name == "AttachUserPolicy":
                Object(w, ("userName", UserName(c)), ("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
                return;
            case "iam" when name is "AttachRolePolicy":
                Object(w, ("roleName", "app-" + token[..4]), ("policyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
                return;
            case "iam" when name is "GetRole" or "CreateRole" or "UpdateAssumeRolePolicy" or "ListRolePolicies" or "ListAttachedRolePolicies":
                Object(w, ("roleName", c.Identity.Kind == IdentityKind.AwsRole && token[0] < '8' ? c.Identity.Name : "app-" + token[..4]));
                return;
            case "iam" when name is "CreatePolicyVersion" or "SetDefaultPolicyVersion" or "GetPolicyVersion":
                Object(w, ("policyArn", $"arn:aws:iam::{account}:policy/app-{token[..4]}"), ("versionId", "v" + (1 + (token[3] % 4))));
                return;
            case "secretsmanager" when name == "GetSecretValue":
                Object(w, ("secretId", $"prod/app/db-{token[..4]}"));
                return;
            case "ssm" when name is "GetParameter" or "GetParameters":
                Object(w, ("name", $"/app/config/{token[..4]}"), ("withDecryption", "true"));
                return;
            case "ssm" when name is "SendCommand" or "StartSession":
                Object(w, ("target", "i-0" + token + token), ("documentName", name == "SendCommand" ? "AWS-RunShellScript" : "SSM-SessionManagerRunShell"));
                return;
            case "bedrock" when name.StartsWith("InvokeModel", StringComparison.Ordinal):
                Object(w, ("modelId", token[0] < '8' ? "anthropic.claude-3-sonnet-20240229-v1:0" : "anthropic.claude-3-haiku-20240307-v1:0"));
                return;
            case "sns" when name == "Publish":
                if (c.IncidentId is null)
                {
                    Object(w, ("topicArn", $"arn:aws:sns:{c.Region}:{account}:ops-alerts"));
                }
                else
                {
                    Object(w, ("phoneNumber", "+1555010" + (token[4] % 10) + (token[5] % 10) + (token[6] % 10) + (token[7] % 10)));
                }

                return;
            case "cloudtrail" when name is "StopLogging" or "DeleteTrail" or "GetTrailStatus":
                Object(w, ("name", $"arn:aws:cloudtrail:{c.Region}:{account}:trail/org-trail"));
                return;
            case "guardduty" when name == "UpdateDetector":
                Object(w, ("detectorId", token + token + token + token), ("enable", "false"));
                return;
            case "lambda" when name.StartsWith("GetFunction", StringComparison.Ordinal) || name.StartsWith("UpdateFunctionCode", StringComparison.Ordinal) || name.StartsWith("CreateFunction", StringComparison.Ordinal):
                Object(w, ("functionName", "api-handler-" + token[..4]));
                return;
            case "sts" when name == "AssumeRole":
                Object(w, ("roleArn", $"arn:aws:iam::{account}:role/app-{token[..4]}"), ("roleSessionName", "session-" + token[..6]));
                return;
            case "ses" when name is "VerifyEmailIdentity" or "CreateEmailIdentity":
                Object(w, ("emailAddress", $"noreply-{token[..4]}@mail-{token[4..]}.example"));
                return;
            case "glue" when name is "StartJobRun" or "GetJobRun":
                Object(w, ("jobName", "nightly-etl"));
                return;
            case "athena" when name == "StartQueryExecution":
                Object(w, ("workGroup", "reporting"));
                return;
            default:
                w.WriteNullValue();
                return;
        }
    }

    public static void WriteResponse(Utf8JsonWriter w, SimApiCall c)
    {
        var token = c.Token;
        switch (c.Call.Name)
        {
            case "ConsoleLogin":
                Object(w, ("ConsoleLogin", "Success"));
                return;
            case "CreateAccessKey":
                w.WriteStartObject();
                w.WriteStartObject("accessKey");
                w.WriteString("userName", UserName(c));
                w.WriteString("accessKeyId", "AKIA" + token.ToUpperInvariant() + token[..8].ToUpperInvariant());
                w.WriteString("status", "Active");
                w.WriteString("createDate", Tenancy.Iso(c.Time));
                w.WriteEndObject();
                w.WriteEndObject();
                return;
            case "CreateUser":
                w.WriteStartObject();
                w.WriteStartObject("user");
                w.WriteString("userName", UserName(c));
                w.WriteString("arn", $"arn:aws:iam::{c.Identity.Account}:user/{UserName(c)}");
                w.WriteString("createDate", Tenancy.Iso(c.Time));
                w.WriteEndObject();
                w.WriteEndObject();
                return;
            case "RunInstances":
                w.WriteStartObject();
                w.WriteString("reservationId", "r-0" + token + token);
                w.WriteStartObject("instancesSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("instanceId", "i-0" + token[..8] + token);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                return;
            case "StopLogging":
            case "DeleteTrail":
                w.WriteStartObject();
                w.WriteEndObject();
                return;
            default:
                w.WriteNullValue();
                return;
        }
    }

    private static string Bucket(SimApiCall c) => c.Token[7] switch
    {
        < '4' => $"acme-data-lake-{c.Identity.Account}",
        < '8' => $"acme-app-artifacts-{c.Identity.Account}",
        < 'c' => $"acme-terraform-state-{c.Identity.Account}",
        _ => $"acme-backups-{c.Identity.Account}",
    };

    // Attackers name backdoor users after support/ops accounts; admins create service users. The name is stable within
    // an incident (or a session) so CreateUser, CreateAccessKey and AttachUserPolicy name the same user.
    private static string UserName(SimApiCall c)
    {
        if (c.Identity.Kind == IdentityKind.AwsUser && c.Call.Name is "GetUser" or "ListAttachedUserPolicies" or "ListUserPolicies" or "ListGroupsForUser")
        {
            return c.Identity.Name;
        }

        var h = StableHash.Fnv1a64(c.IncidentId ?? c.AccessKeyId);
        var suffix = (h & 0xFFFF).ToString("x4", CultureInfo.InvariantCulture);
        return (c.IncidentId is null ? "svc-" : ((h >> 20) & 1) == 0 ? "support-" : "ops-admin-") + suffix;
    }

    private static void Object(Utf8JsonWriter w, params (string Name, string Value)[] fields)
    {
        w.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            if (value is "true" or "false")
            {
                w.WriteBoolean(name, value == "true");
            }
            else
            {
                w.WriteString(name, value);
            }
        }

        w.WriteEndObject();
    }
}

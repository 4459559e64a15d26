using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CstmML.Benchmarks.Ingestion;

/// <summary>
/// Writes realistic CloudTrail management events (assumed-role sessions, a spread of eventNames, regions and
/// IPs; about 1.1 KB each) from a seeded <see cref="Random"/>: the same seed gives the same bytes.
/// </summary>
internal static class CloudTrailGenerator
{
    private static readonly string[] EventNames =
    [
        "GetCallerIdentity", "ListBuckets", "GetObject", "PutObject", "DescribeInstances", "AssumeRole", "GetSecretValue",
        "ListUsers", "CreateAccessKey", "DescribeSecurityGroups", "GetBucketPolicy", "ListRoles", "Decrypt", "ConsoleLogin",
    ];

    private static readonly string[] Sources =
    [
        "sts.amazonaws.com", "s3.amazonaws.com", "s3.amazonaws.com", "s3.amazonaws.com", "ec2.amazonaws.com", "sts.amazonaws.com",
        "secretsmanager.amazonaws.com", "iam.amazonaws.com", "iam.amazonaws.com", "ec2.amazonaws.com", "s3.amazonaws.com",
        "iam.amazonaws.com", "kms.amazonaws.com", "signin.amazonaws.com",
    ];

    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];

    private static readonly string[] Agents =
    [
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.amzn.2023", "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1",
        "aws-sdk-go-v2/1.25.3 os/linux lang/go#1.22.1", "console.amazonaws.com",
    ];

    /// <summary>Writes <paramref name="count"/> records, as one <c>{"Records":[...]}</c> line or as JSON Lines.</summary>
    public static void Write(Stream output, int count, int seed, bool jsonLines)
    {
        var random = new Random(seed);
        var time = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var roles = Enumerable.Range(0, 200).Select(i => $"app-{i:000}").ToArray();
        var accounts = Enumerable.Range(0, 20).Select(i => (111122220000L + (i * 7919)).ToString(CultureInfo.InvariantCulture)).ToArray();
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        if (!jsonLines)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("Records");
            writer.WriteStartArray();
        }

        Span<byte> idBytes = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(1, 400));
            var e = random.Next(EventNames.Length);
            var account = accounts[random.Next(accounts.Length)];
            var role = roles[random.Next(roles.Length)];
            var session = "sess-" + random.Next(10000).ToString(CultureInfo.InvariantCulture);
            random.NextBytes(idBytes);
            var eventId = new Guid(idBytes).ToString();
            random.NextBytes(idBytes);
            var requestId = new Guid(idBytes).ToString();
            writer.WriteStartObject();
            writer.WriteString("eventVersion", "1.09");
            writer.WriteStartObject("userIdentity");
            writer.WriteString("type", "AssumedRole");
            writer.WriteString("principalId", "AROAEXAMPLEID" + role.ToUpperInvariant() + ":" + session);
            writer.WriteString("arn", $"arn:aws:sts::{account}:assumed-role/{role}/{session}");
            writer.WriteString("accountId", account);
            writer.WriteString("accessKeyId", "ASIA" + random.NextInt64(100000000000L, 999999999999L).ToString(CultureInfo.InvariantCulture));
            writer.WriteStartObject("sessionContext");
            writer.WriteStartObject("sessionIssuer");
            writer.WriteString("type", "Role");
            writer.WriteString("principalId", "AROAEXAMPLEID" + role.ToUpperInvariant());
            writer.WriteString("arn", $"arn:aws:iam::{account}:role/{role}");
            writer.WriteString("accountId", account);
            writer.WriteString("userName", role);
            writer.WriteEndObject();
            writer.WriteStartObject("attributes");
            writer.WriteString("creationDate", time.AddMinutes(-random.Next(1, 60)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            writer.WriteString("mfaAuthenticated", "false");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("eventTime", time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            writer.WriteString("eventSource", Sources[e]);
            writer.WriteString("eventName", EventNames[e]);
            writer.WriteString("awsRegion", Regions[random.Next(Regions.Length)]);
            writer.WriteString("sourceIPAddress", $"198.51.{random.Next(256)}.{random.Next(256)}");
            writer.WriteString("userAgent", Agents[random.Next(Agents.Length)]);
            if (random.Next(20) == 0)
            {
                writer.WriteString("errorCode", "AccessDenied");
                writer.WriteString("errorMessage", "User is not authorized to perform this operation");
            }

            writer.WriteStartObject("requestParameters");
            writer.WriteString("bucketName", "data-" + random.Next(50).ToString(CultureInfo.InvariantCulture));
            writer.WriteString("key", "reports/2024/05/" + random.Next(100000).ToString(CultureInfo.InvariantCulture) + ".csv");
            writer.WriteEndObject();
            writer.WriteNull("responseElements");
            writer.WriteString("requestID", requestId);
            writer.WriteString("eventID", eventId);
            writer.WriteBoolean("readOnly", e is 0 or 1 or 2 or 4 or 9 or 10 or 11);
            writer.WriteString("eventType", "AwsApiCall");
            writer.WriteBoolean("managementEvent", true);
            writer.WriteString("recipientAccountId", account);
            writer.WriteString("eventCategory", "Management");
            writer.WriteStartObject("tlsDetails");
            writer.WriteString("tlsVersion", "TLSv1.3");
            writer.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
            writer.WriteString("clientProvidedHostHeader", Sources[e]);
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (jsonLines)
            {
                writer.Flush();
                output.Write("\n"u8);
                writer.Reset();
            }
        }

        if (!jsonLines)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.Flush();
    }

    /// <summary>The generated records in memory (for BenchmarkDotNet runs).</summary>
    public static byte[] InMemory(int count, int seed, bool jsonLines)
    {
        using var ms = new MemoryStream();
        Write(ms, count, seed, jsonLines);
        return ms.ToArray();
    }

    /// <summary>A short description of a size in bytes.</summary>
    public static string Size(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes (" +
        (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB)";

    internal static readonly Encoding Utf8 = new UTF8Encoding(false);
}

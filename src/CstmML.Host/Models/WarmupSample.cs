using System.Globalization;
using System.Text;

namespace CstmML.Host.Models;

/// <summary>
/// The built-in body the warm-up scores: CloudTrail JSON Lines, deterministic (fixed ids, times and principals), shaped
/// like a typical request (several principals, a handful of event names, sessions of a few alerts each).
/// </summary>
internal static class WarmupSample
{
    /// <summary>Alerts in the sample.</summary>
    public const int Alerts = 50;

    /// <summary>Principals the alerts are spread over (so one request holds several sequences).</summary>
    public const int Principals = 10;

    // Rounds follow one another in time (no late alerts), seven seconds between alerts.
    private const int SecondsApart = 7;

    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Events = ["ConsoleLogin", "GetCallerIdentity", "ListBuckets", "CreateAccessKey", "PutBucketPolicy", "DescribeInstances", "AttachUserPolicy"];

    /// <summary>The sample's UTF-8 bytes; <paramref name="round"/> shifts ids and times so rounds do not repeat one another.</summary>
    public static byte[] Body(int round)
    {
        var sb = new StringBuilder(Alerts * 360);
        for (var i = 0; i < Alerts; i++)
        {
            var time = T0.AddSeconds(((long)round * Alerts * SecondsApart) + (i * SecondsApart)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"{{\"eventVersion\":\"1.09\",\"eventID\":\"warmup-{round}-{i}\",\"eventTime\":\"{time}\",")
                .Append(CultureInfo.InvariantCulture, $"\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"{Events[i % Events.Length]}\",\"awsRegion\":\"us-east-1\",")
                .Append(CultureInfo.InvariantCulture, $"\"sourceIPAddress\":\"198.51.100.{i % Principals}\",\"userAgent\":\"aws-cli/2.15.0\",")
                .Append(CultureInfo.InvariantCulture, $"\"userIdentity\":{{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/warmup-{i % Principals}\",\"accountId\":\"111122223333\"}}}}\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

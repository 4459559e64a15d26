using System.Globalization;
using System.Text;

namespace CstmML.Benchmarks.Host;

/// <summary>Deterministic CloudTrail JSON Lines bodies.</summary>
internal static class Payloads
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Events = ["CreateAccessKey", "ListBuckets", "GetCallerIdentity", "DescribeInstances", "PutBucketPolicy"];

    /// <summary><paramref name="count"/> alerts with ids prefix-0.., spread over <paramref name="users"/> principals, one second apart from second <paramref name="offset"/>.</summary>
    public static byte[] Lines(string prefix, int count, int users, long offset)
    {
        var sb = new StringBuilder(count * 400);
        for (var i = 0; i < count; i++)
        {
            var t = T0.AddSeconds(offset + i).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var user = "u" + ((offset + i) % users).ToString(CultureInfo.InvariantCulture);
            sb.Append("{\"eventVersion\":\"1.09\",\"eventID\":\"").Append(prefix).Append('-').Append(i.ToString(CultureInfo.InvariantCulture))
                .Append("\",\"eventTime\":\"").Append(t).Append("\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"").Append(Events[i % Events.Length])
                .Append("\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.7\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/")
                .Append(user).Append("\",\"accountId\":\"111122223333\"}}\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

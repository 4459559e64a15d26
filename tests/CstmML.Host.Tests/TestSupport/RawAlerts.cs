using System.Globalization;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>Small raw CloudTrail records (one JSON line each) the real ingestion reads.</summary>
internal static class RawAlerts
{
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public static string CloudTrail(string id, DateTimeOffset time, string user = "alice", string eventName = "CreateAccessKey", string account = "111122223333") =>
        "{\"eventVersion\":\"1.09\",\"eventID\":\"" + id + "\",\"eventTime\":\"" + time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
        + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"" + eventName + "\",\"awsRegion\":\"us-east-1\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::"
        + account + ":user/" + user + "\",\"accountId\":\"" + account + "\"}}";

    /// <summary>JSON Lines of <paramref name="count"/> alerts of one user, one minute apart from <paramref name="start"/>.</summary>
    public static string Lines(string prefix, int count, DateTimeOffset start, string user = "alice") =>
        string.Join('\n', Enumerable.Range(0, count).Select(i => CloudTrail($"{prefix}-{i}", start.AddMinutes(i), user)));
}

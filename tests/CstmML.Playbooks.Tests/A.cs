using CstmML.Core.Alerts;
using CstmML.Core.Attack;

namespace CstmML.Playbooks.Tests;

/// <summary>Builds NormalizedAlerts for engine tests: CloudTrail-like by default, minutes after a fixed origin.</summary>
internal static class A
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static int _next;

    public static NormalizedAlert Ct(string eventName, double minute, string principal = "arn:aws:iam::111122223333:role/app", string? id = null,
        string outcome = Outcomes.Success, string? region = "us-east-1", string? ip = "203.0.113.10", string? service = null, string account = "111122223333") =>
        new()
        {
            Id = id ?? $"a{Interlocked.Increment(ref _next):D6}",
            Time = T0.AddMinutes(minute),
            Provider = CloudProvider.Aws,
            Product = AlertProduct.CloudTrail,
            Type = eventName,
            Principal = principal,
            Account = account,
            Region = region,
            SourceIp = ip,
            Outcome = outcome,
            Service = service,
            RawRef = new RawRef("test", 0),
        };

    public static NormalizedAlert Gd(string type, double minute, params string[] techniques)
    {
        var techs = techniques.Select(TechniqueId.Parse).Order().ToArray();
        return Ct(type, minute) with
        {
            Product = AlertProduct.GuardDuty,
            Techniques = techs,
            Tactics = AttackCatalog.Pinned.TacticsOf(techs),
        };
    }
}

using CstmML.Core.Alerts;
using CstmML.Core.Sequences;

namespace CstmML.Features.Tests.Featurization;

/// <summary>Builds small sequences by hand: each alert is placed at a number of seconds after a fixed start.</summary>
internal sealed class TestSequence
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<NormalizedAlert> _alerts = [];

    public string PrincipalType { get; init; } = PrincipalTypes.Role;

    public TestSequence Add(
        double atSeconds,
        string type,
        string[]? techniques = null,
        string[]? tactics = null,
        AlertProduct product = AlertProduct.CloudTrail,
        string? region = "us-east-1",
        string? service = null,
        string? ip = null,
        string? userAgent = null,
        string outcome = Outcomes.Success,
        double severity = 0)
    {
        _alerts.Add(new NormalizedAlert
        {
            Id = $"a{_alerts.Count:D3}",
            Time = Start.AddSeconds(atSeconds),
            Provider = CloudProvider.Aws,
            Product = product,
            Type = type,
            Principal = "arn:aws:iam::111122223333:role/test",
            PrincipalType = PrincipalType,
            Account = "111122223333",
            Region = region,
            Service = service,
            SourceIp = ip,
            UserAgent = userAgent,
            Outcome = outcome,
            Severity = severity,
            Techniques = (techniques ?? []).Select(TechniqueId.Parse).ToArray(),
            Tactics = (tactics ?? []).Select(TacticId.Parse).ToArray(),
            RawRef = new RawRef("test.jsonl", _alerts.Count + 1),
        });
        return this;
    }

    public AlertSequence Build() => Of(_alerts, PrincipalType);

    public static AlertSequence Of(IReadOnlyList<NormalizedAlert> alerts, string principalType = PrincipalTypes.Role) => new()
    {
        SequenceId = "seq-test",
        Account = "111122223333",
        Principal = "arn:aws:iam::111122223333:role/test",
        PrincipalType = principalType,
        Start = alerts.Count > 0 ? alerts.Min(a => a.Time) : Start,
        End = alerts.Count > 0 ? alerts.Max(a => a.Time) : Start,
        Alerts = alerts,
    };
}

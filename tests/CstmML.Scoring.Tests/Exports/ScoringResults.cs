using CstmML.Core.Alerts;
using CstmML.Features.Velocity;
using CstmML.Scoring.Results;

namespace CstmML.Scoring.Tests.Exports;

/// <summary>Builds small scoring results for export tests.</summary>
internal static class ScoringResults
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static ScoringResult Make(
        string sequenceId,
        string principal,
        string[] techniques,
        int risk = 50,
        string? actor = null,
        double probability = 0.8,
        bool abstained = false,
        string account = "111122223333",
        int startMinute = 0,
        string[]? alertIds = null) =>
        new()
        {
            SequenceId = sequenceId,
            Account = account,
            Principal = principal,
            Start = T0.AddMinutes(startMinute),
            End = T0.AddMinutes(startMinute + 30),
            AlertCount = alertIds?.Length ?? techniques.Length,
            Techniques = techniques.Select(TechniqueId.Parse).ToArray(),
            AlertIds = alertIds ?? [],
            Velocity = new VelocityProfile { EventsPerMinute = 1, MedianGapSeconds = 60, MinimumGapSeconds = 5, Burstiness = 0.2, Class = VelocityClass.Manual },
            Actor = actor is null
                ? null
                : new ActorResult
                {
                    Label = actor,
                    Probability = probability,
                    AbstainReason = abstained ? "low_confidence" : null,
                    Candidates = [new ActorCandidate(actor, probability, [])],
                },
            Risk = new RiskResult(risk, []),
            Model = new ModelRef("test", "1"),
        };

    public static NormalizedAlert Alert(string id, int minute, string principal, string? ip, params string[] techniques) =>
        new()
        {
            Id = id,
            Time = T0.AddMinutes(minute),
            Provider = CloudProvider.Aws,
            Product = AlertProduct.CloudTrail,
            Type = "Test",
            Principal = principal,
            Account = "111122223333",
            SourceIp = ip,
            Techniques = techniques.Select(TechniqueId.Parse).ToArray(),
            RawRef = new RawRef("test.jsonl", minute + 1),
        };
}

using CstmML.Core.Serialization;
using CstmML.Scoring.Results;

namespace CstmML.Host.Contracts;

/// <summary>The answer of POST /v1/score: one result per sequence (as <c>cstm score</c>), and the rejected records.</summary>
public sealed record ScoreResponse
{
    public required ModelRef Model { get; init; }

    /// <summary>Alerts normalized from the body (after de-duplication).</summary>
    public required int AlertCount { get; init; }

    public required IReadOnlyList<ScoringResult> Results { get; init; }

    /// <summary>Records of the body that were rejected, with their line/index in the body (file is <c>request</c>).</summary>
    public required IReadOnlyList<RejectRecord> Rejects { get; init; }
}

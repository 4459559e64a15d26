using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Sequences;

namespace CstmML.Scoring.Baselines;

/// <summary>Turns a sequence into Markov tokens, the same way in training and scoring.</summary>
public static class SequenceTokens
{
    /// <summary>The tokens of <paramref name="sequence"/> for <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> Of(AlertSequence sequence, TokenKind kind)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return kind switch
        {
            TokenKind.AlertType => AlertTokens(sequence.Alerts),
            TokenKind.Technique => sequence.Techniques.Select(t => t.Value).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown token kind."),
        };
    }

    // Consecutive alerts usually share their type, and a thread sees few distinct types: each token string is made
    // once per thread and type (AlertTokenCache) instead of once per alert.
    private static string[] AlertTokens(IReadOnlyList<NormalizedAlert> alerts)
    {
        var tokens = new string[alerts.Count];
        var cache = AlertTokenCache.Current;
        NormalizedAlert? previous = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var alert = alerts[i];
            ArgumentNullException.ThrowIfNull(alert);
            tokens[i] = previous is not null && previous.Product == alert.Product && string.Equals(previous.Type, alert.Type, StringComparison.Ordinal)
                ? tokens[i - 1]
                : cache.Token(alert);
            previous = alert;
        }

        return tokens;
    }

    // The JSON name of each product, computed once (tokens are made for every alert scored).
    private static readonly string[] ProductNames =
        [.. Enum.GetValues<AlertProduct>().Select(p => JsonSerializer.Serialize(p).Trim('"'))];

    /// <summary><c>product:type</c>, lower case product (its JSON name), type as given.</summary>
    public static string AlertToken(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var index = (int)alert.Product;
        var product = (uint)index < (uint)ProductNames.Length ? ProductNames[index] : JsonSerializer.Serialize(alert.Product).Trim('"');
        return string.Concat(product, ":", alert.Type);
    }
}

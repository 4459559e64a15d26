using System.Globalization;

namespace CstmML.Training.Dataset;

/// <summary>What a data folder yielded: alerts read and rejected, sequences per actor and benign sequences per role.</summary>
public sealed record DatasetSummary
{
    /// <summary>Input files read (labels and corpus manifest excluded).</summary>
    public required long Files { get; init; }

    /// <summary>Alerts normalized and kept.</summary>
    public required long Alerts { get; init; }

    /// <summary>Input records or files rejected by ingestion (each reported with its location).</summary>
    public required long RejectedAlerts { get; init; }

    /// <summary>Duplicate alert ids dropped.</summary>
    public required long DuplicateAlerts { get; init; }

    /// <summary>Alerts that carry an incident label (by id or window).</summary>
    public required long IncidentAlerts { get; init; }

    /// <summary>All sequences.</summary>
    public required int Sequences { get; init; }

    /// <summary>Incident sequences per actor, sorted by actor.</summary>
    public required IReadOnlyDictionary<string, int> SequencesPerActor { get; init; }

    /// <summary>Benign sequences per role (<c>account/principal</c>), sorted by role.</summary>
    public required IReadOnlyDictionary<string, int> BenignPerRole { get; init; }

    /// <summary>Incident sequences whose alerts carry labels of more than one actor (the majority actor wins).</summary>
    public required int MixedActorSequences { get; init; }

    /// <summary>The summary as lines for stderr; roles beyond <paramref name="maxRoles"/> are folded into one line.</summary>
    public IEnumerable<string> Lines(int maxRoles = 12)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"dataset: {Files} files, {Alerts} alerts ({RejectedAlerts} rejected, {DuplicateAlerts} duplicates), {IncidentAlerts} incident-labelled alerts");
        var incidents = SequencesPerActor.Values.Sum();
        yield return string.Create(c, $"dataset: {Sequences} sequences: {incidents} incident, {Sequences - incidents} benign, {MixedActorSequences} with mixed actors");
        yield return "dataset: sequences per actor: " + string.Join(", ", SequencesPerActor.Select(p => string.Create(c, $"{p.Key} {p.Value}")));
        var roles = BenignPerRole.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();
        yield return string.Create(c, $"dataset: benign sequences per role ({roles.Length} roles, largest first):");
        foreach (var (role, count) in roles.Take(maxRoles))
        {
            yield return string.Create(c, $"dataset:   {count,5} {role}");
        }

        if (roles.Length > maxRoles)
        {
            yield return string.Create(c, $"dataset:   {roles.Skip(maxRoles).Sum(p => p.Value),5} in {roles.Length - maxRoles} more roles");
        }
    }
}

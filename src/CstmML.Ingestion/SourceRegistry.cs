using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CstmML.Ingestion.Sources.CloudTrail;
using CstmML.Ingestion.Sources.Csv;
using CstmML.Ingestion.Sources.Defender;
using CstmML.Ingestion.Sources.GuardDuty;
using CstmML.Ingestion.Sources.Normalized;
using CstmML.Ingestion.Sources.Prisma;
using CstmML.Ingestion.Sources.Scc;

namespace CstmML.Ingestion;

/// <summary>
/// The alert sources known to the pipeline, by <c>--format</c> name, in detection order: format auto-detection
/// offers a record to each source's <see cref="IAlertSource.Matches"/> in this order and the first match wins.
/// </summary>
public sealed class SourceRegistry
{
    /// <summary>The <c>--format</c> value that asks every source in turn.</summary>
    public const string Auto = "auto";

    private readonly Dictionary<string, IAlertSource> _byName;

    public SourceRegistry(IEnumerable<IAlertSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Sources = [.. sources];
        _byName = new Dictionary<string, IAlertSource>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in Sources)
        {
            if (s.Name == Auto || !_byName.TryAdd(s.Name, s))
            {
                throw new ArgumentException($"Source name '{s.Name}' is reserved or registered twice.", nameof(sources));
            }
        }
    }

    /// <summary>
    /// Every built-in source. Provider sources go before <see cref="CsvAlertSource"/>, whose flat-object shape is
    /// the most generic; the most specific shapes first. Normalized alerts (<c>cstm map</c> output) are flat objects
    /// too, so their source goes just before csv.
    /// </summary>
    public static SourceRegistry Default { get; } = new(
    [
        GuardDutySource.Instance,
        CloudTrailSource.Instance,
        DefenderSource.Instance,
        SccSource.Instance,
        PrismaSource.Instance,
        NormalizedAlertSource.Instance,
        CsvAlertSource.Instance,
    ]);

    /// <summary>The sources in detection order.</summary>
    public IReadOnlyList<IAlertSource> Sources { get; }

    /// <summary><see cref="Auto"/> followed by every source name.</summary>
    public IReadOnlyList<string> FormatNames => [Auto, .. Sources.Select(s => s.Name)];

    /// <summary>The source registered as <paramref name="name"/> (case-insensitive).</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out IAlertSource? source) => _byName.TryGetValue(name, out source);

    /// <summary>
    /// The first source whose <see cref="IAlertSource.Matches"/> accepts <paramref name="record"/>, asking
    /// <paramref name="preferred"/> (the last winner in the same file) first; null when none does.
    /// </summary>
    public IAlertSource? Detect(JsonElement record, IAlertSource? preferred = null)
    {
        if (preferred is not null && SafeMatches(preferred, record))
        {
            return preferred;
        }

        foreach (var s in Sources)
        {
            if (!ReferenceEquals(s, preferred) && SafeMatches(s, record))
            {
                return s;
            }
        }

        return null;
    }

    private static bool SafeMatches(IAlertSource source, JsonElement record)
    {
        try
        {
            return source.Matches(record);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // Matches must not throw; a source that does simply does not match.
            return false;
        }
    }
}

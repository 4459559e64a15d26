using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion;
using CstmML.Ingestion.Json;

namespace CstmML.Testing;

/// <summary>
/// A minimal JSON source for pipeline tests: it matches objects with a <c>fakeType</c> string and reads
/// <c>id</c>, <c>time</c> (required), <c>actor</c>, <c>account</c> and a <c>techniques</c> array.
/// </summary>
public sealed class FakeAlertSource : IAlertSource
{
    public const string TypeField = "fakeType";

    public static FakeAlertSource Instance { get; } = new();

    public string Name => "fake";

    public CloudProvider Provider => CloudProvider.Aws;

    public AlertProduct Product => AlertProduct.CloudTrail;

    public IReadOnlyList<KnownAlertType> KnownTypes { get; } =
    [
        new(CloudProvider.Aws, AlertProduct.CloudTrail, "Mapped", [new TechniqueMapping(TechniqueId.Parse("T1078"), MappingSource.Curated, 0.8)]),
        new(CloudProvider.Aws, AlertProduct.CloudTrail, "Unmapped", []),
    ];

    public bool Matches(JsonElement record) => record.Prop(TypeField) is { ValueKind: JsonValueKind.String };

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        var timeText = record.Prop("time");
        if (timeText is null)
        {
            return NormalizeResult.Fail("time is missing", "time");
        }

        if (timeText.AsTime() is not { } time)
        {
            return NormalizeResult.Fail($"time '{timeText.AsString()}' is not a timestamp", "time");
        }

        var techniques = record.Prop("techniques") is { ValueKind: JsonValueKind.Array } arr
            ? arr.EnumerateArray().Select(e => TechniqueId.Parse(e.GetString()!)).ToArray()
            : [];
        return NormalizeResult.Ok(new NormalizedAlert
        {
            Id = record.NonEmpty("id") ?? ContentId.For(record),
            Time = time,
            Provider = Provider,
            Product = Product,
            Type = record.Str(TypeField)!,
            Principal = record.NonEmpty("actor") ?? "unknown",
            Account = record.Str("account") ?? string.Empty,
            Techniques = techniques,
            RawRef = rawRef,
        });
    }
}

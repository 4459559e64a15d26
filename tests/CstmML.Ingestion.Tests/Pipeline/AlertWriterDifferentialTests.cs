using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Serialization;
using CstmML.Ingestion.Pipeline;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Pipeline;

/// <summary>
/// <see cref="JsonLinesWriter"/> writes normalized alerts with a hand-written writer: its lines must be byte-identical
/// to the source-generated contract's, for every alert the samples and corpus produce and for alerts built to hit
/// every optional field, odd strings and enum values.
/// </summary>
public class AlertWriterDifferentialTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_EverySampleAndCorpusAlert_EqualsTheContractSerializer()
    {
        var alerts = new AlertPipeline(SourceRegistry.Default).Run([RepoPath.Combine("training-data", "samples"), RepoPath.Combine("training-data", "corpus")]).ToList();
        Assert.True(alerts.Count > 1000, $"only {alerts.Count} alerts");
        AssertSame(alerts);
    }

    [Fact]
    public void Write_AlertsWithEveryOptionalFieldAndOddValues_EqualsTheContractSerializer()
    {
        var basic = new NormalizedAlert
        {
            Id = "a-1",
            Time = T0,
            Provider = CloudProvider.Aws,
            Product = AlertProduct.CloudTrail,
            Type = "ListBuckets",
            Principal = "arn:aws:iam::111122223333:role/Admin",
            RawRef = new RawRef("in.jsonl", 1),
        };
        var technique = TechniqueId.TryParse("T1580", out var t) ? t : throw new InvalidOperationException();
        var sub = TechniqueId.TryParse("T1078.004", out var s) ? s : throw new InvalidOperationException();
        var tactic = TacticId.TryParse("TA0007", out var ta) ? ta : throw new InvalidOperationException();
        var full = basic with
        {
            Ingested = new DateTimeOffset(2024, 5, 1, 14, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            PrincipalType = PrincipalTypes.Role,
            SessionName = "sess \"quoted\" <tag> & 'x' + é ✓ \U0001F600",
            Account = "111122223333",
            Region = "us-east-1",
            SourceIp = "2001:db8::1",
            UserAgent = "ua\twith\ncontrol\u0001chars\\ and / slash",
            AccessKeyId = "AKIA",
            Outcome = "AccessDenied",
            Severity = 7.25,
            Service = "s3.amazonaws.com",
            Techniques = [technique, sub],
            Tactics = [tactic],
            Mapping = [new TechniqueMapping(technique, MappingSource.Sigma, 0.1 + 0.2, "sigma:x"), new TechniqueMapping(sub, MappingSource.Native, 1)],
            RawRef = new RawRef("dir/ü file.json", 12, 3),
        };
        List<NormalizedAlert> alerts =
        [
            basic,
            full,
            basic with { Account = string.Empty, PrincipalType = null!, Outcome = null!, Severity = 1e-7, Techniques = null!, Tactics = null!, Mapping = null! },
            basic with { Severity = double.MaxValue, Time = DateTimeOffset.MinValue, Ingested = DateTimeOffset.MaxValue },
            basic with { Provider = (CloudProvider)42, Product = (AlertProduct)(-1), Mapping = [new TechniqueMapping(technique, (MappingSource)9, -0.0)] },
            basic with { Techniques = [default], Mapping = [null!, new TechniqueMapping(default, MappingSource.Stratus, 0.333333333333333314829616256247)] },
            basic with { Id = null!, Type = null!, Principal = string.Empty, RawRef = null! },
        ];
        foreach (var provider in Enum.GetValues<CloudProvider>())
        {
            foreach (var product in Enum.GetValues<AlertProduct>())
            {
                alerts.Add(basic with { Provider = provider, Product = product });
            }
        }

        AssertSame(alerts);
    }

    private static void AssertSame(List<NormalizedAlert> alerts)
    {
        using var output = new MemoryStream();
        using (var writer = new JsonLinesWriter(output, leaveOpen: true))
        {
            foreach (var alert in alerts)
            {
                writer.Write(alert, CstmJsonContext.Default.NormalizedAlert);
            }
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal(alerts.Count + 1, lines.Length);
        for (var i = 0; i < alerts.Count; i++)
        {
            Assert.Equal(Contract(alerts[i]), lines[i]);
        }
    }

    // The source-generated serializer through a writer set up as JsonLinesWriter's.
    private static string Contract(NormalizedAlert alert)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, alert, CstmJsonContext.Default.NormalizedAlert);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

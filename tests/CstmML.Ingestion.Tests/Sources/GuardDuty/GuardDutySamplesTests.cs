using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Sources.GuardDuty;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Sources.GuardDuty;

public sealed class GuardDutySamplesTests
{
    private static string Sample(string name) => RepoPath.Combine("training-data", "samples", "guardduty", name);

    [Fact]
    public void Samples_GetFindingsAndEventBridge_NormalizeToTheSameAlerts()
    {
        using var response = JsonDocument.Parse(File.ReadAllText(Sample("getfindings_response.json")));
        var fromResponse = response.RootElement.GetProperty("Findings").EnumerateArray()
            .Select(f => GuardDutySource.Instance.Normalize(f, new RawRef("x", 1)).Alert!).ToArray();
        var fromEnvelopes = File.ReadLines(Sample("eventbridge_findings.jsonl")).Select(line =>
        {
            using var d = JsonDocument.Parse(line);
            Assert.True(GuardDutySource.Instance.Matches(d.RootElement));
            return GuardDutySource.Instance.Normalize(d.RootElement, new RawRef("x", 1)).Alert!;
        }).ToArray();

        Assert.Equal(3, fromResponse.Length);
        Assert.Equal(fromResponse.Select(AlertJson.Serialize), fromEnvelopes.Select(AlertJson.Serialize));
    }
}

using CstmML.Ingestion.Sources.CloudTrail;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Sources.CloudTrail;

public sealed class CloudTrailGoldenTests
{
    public static TheoryData<string> Cases => GoldenFixtures.Cases("Sources", "CloudTrail", "Fixtures");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_GoldenFixture_MatchesExpected(string caseName) =>
        GoldenFixtures.Verify(CloudTrailSource.Instance, caseName, "Sources", "CloudTrail", "Fixtures");
}

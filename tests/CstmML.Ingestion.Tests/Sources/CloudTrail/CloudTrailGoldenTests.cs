using CstmML.Ingestion.Sources.CloudTrail;

namespace CstmML.Ingestion.Tests.Sources.CloudTrail;

public sealed class CloudTrailGoldenTests
{
    private static readonly string Dir = SourceGolden.FixtureDir();

    public static TheoryData<string> Cases => SourceGolden.Cases(Dir);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_GoldenFixture_MatchesExpected(string caseName) => SourceGolden.Verify(CloudTrailSource.Instance, Dir, caseName);
}

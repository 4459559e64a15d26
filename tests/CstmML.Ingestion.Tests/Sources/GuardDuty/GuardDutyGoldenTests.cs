using CstmML.Ingestion.Sources.GuardDuty;

namespace CstmML.Ingestion.Tests.Sources.GuardDuty;

public sealed class GuardDutyGoldenTests
{
    private static readonly string Dir = SourceGolden.FixtureDir();

    public static TheoryData<string> Cases => SourceGolden.Cases(Dir);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_GoldenFixture_MatchesExpected(string caseName) => SourceGolden.Verify(GuardDutySource.Instance, Dir, caseName);
}

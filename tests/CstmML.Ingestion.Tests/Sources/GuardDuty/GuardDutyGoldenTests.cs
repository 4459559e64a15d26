using CstmML.Ingestion.Sources.GuardDuty;
using CstmML.Ingestion.Tests.TestSupport;

namespace CstmML.Ingestion.Tests.Sources.GuardDuty;

public sealed class GuardDutyGoldenTests
{
    public static TheoryData<string> Cases => GoldenFixtures.Cases("Sources", "GuardDuty", "Fixtures");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_GoldenFixture_MatchesExpected(string caseName) =>
        GoldenFixtures.Verify(GuardDutySource.Instance, caseName, "Sources", "GuardDuty", "Fixtures");
}

using CstmML.Features.Featurization;

namespace CstmML.Features.Tests.Featurization;

public class AccessDeniedOutcomesTests
{
    [Theory]
    [InlineData("AccessDenied", true)]
    [InlineData("Client.UnauthorizedOperation", true)]
    [InlineData("AuthorizationFailed", true)]
    [InlineData("PERMISSION_DENIED", true)]
    [InlineData("accessdeniedexception", true)]
    [InlineData("ThrottlingException", false)]
    [InlineData("success", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAccessDenied_Outcome_MatchesMarkers(string? outcome, bool expected) =>
        Assert.Equal(expected, AccessDeniedOutcomes.IsAccessDenied(outcome));
}

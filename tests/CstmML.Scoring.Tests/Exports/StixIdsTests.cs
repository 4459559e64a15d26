using CstmML.Scoring.Exports;

namespace CstmML.Scoring.Tests.Exports;

public class StixIdsTests
{
    // Reference values from Python: uuid.uuid5(UUID("00abedb4-aa42-466c-9c01-fed23315a9b7"), '{"value":"198.51.100.3"}') etc.
    [Theory]
    [InlineData("ipv4-addr", "value", "198.51.100.3", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")]
    [InlineData("user-account", "user_id", "arn:aws:iam::111122223333:role/Admin", "user-account--0bc829ba-1ab9-5a3a-84e1-3801c7124818")]
    [InlineData("user-account", "user_id", "José", "user-account--f44062b1-2d44-5dc2-a9c3-9d157fb4152e")]
    public void ForObservable_ContributingProperties_MatchStixNamespaceVector(string type, string key, string value, string expected)
    {
        Assert.Equal(expected, StixIds.ForObservable(type, new Dictionary<string, string> { [key] = value }));
    }

    [Fact]
    public void ForObservable_KeyOrder_DoesNotMatter()
    {
        var a = StixIds.ForObservable("x", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });
        var b = StixIds.ForObservable("x", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        Assert.Equal(a, b);
    }

    [Fact]
    public void ForObject_SameContent_SameIdAndTypePrefix()
    {
        var id = StixIds.ForObject("sighting", "seq-1|technique|T1078");
        Assert.Equal(id, StixIds.ForObject("sighting", "seq-1|technique|T1078"));
        Assert.NotEqual(id, StixIds.ForObject("sighting", "seq-2|technique|T1078"));
        Assert.Matches("^sighting--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
    }
}

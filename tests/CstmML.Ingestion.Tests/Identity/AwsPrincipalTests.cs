using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Identity;

namespace CstmML.Ingestion.Tests.Identity;

public sealed class AwsPrincipalTests
{
    private static AwsPrincipal FromUserIdentity(string json, string? fallbackAccount = null)
    {
        using var doc = JsonDocument.Parse(json);
        return AwsPrincipal.FromUserIdentity(doc.RootElement, fallbackAccount);
    }

    private static AwsPrincipal? FromAccessKey(string json, string account = "111122223333", string partition = "aws")
    {
        using var doc = JsonDocument.Parse(json);
        return AwsPrincipal.FromAccessKeyDetails(doc.RootElement, account, partition);
    }

    [Fact]
    public void FromUserIdentity_AssumedRoleWithSessionIssuer_MapsToIssuerRoleAndKeepsSession()
    {
        var p = FromUserIdentity("""
            {"type":"AssumedRole","principalId":"AROAEXAMPLE:alice-session",
             "arn":"arn:aws:sts::111122223333:assumed-role/Admin/alice-session","accountId":"111122223333",
             "sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::111122223333:role/ops/Admin","userName":"Admin"}}}
            """);
        Assert.Equal(new AwsPrincipal("arn:aws:iam::111122223333:role/ops/Admin", PrincipalTypes.Role, "alice-session"), p);
    }

    [Fact]
    public void FromUserIdentity_AssumedRoleWithoutSessionIssuer_RewritesStsArnToRoleArn()
    {
        var p = FromUserIdentity("""{"type":"AssumedRole","arn":"arn:aws-us-gov:sts::111122223333:assumed-role/Deploy/i-0abc","principalId":"AROAX:i-0abc"}""");
        Assert.Equal(new AwsPrincipal("arn:aws-us-gov:iam::111122223333:role/Deploy", PrincipalTypes.Role, "i-0abc"), p);
    }

    [Fact]
    public void FromUserIdentity_AssumedRoleWithOnlyPrincipalId_UsesRoleIdAndSession()
    {
        var p = FromUserIdentity("""{"type":"AssumedRole","principalId":"AROAEXAMPLE:bob"}""");
        Assert.Equal(new AwsPrincipal("AROAEXAMPLE", PrincipalTypes.Role, "bob"), p);
    }

    [Fact]
    public void FromUserIdentity_TwoSessionsOfOneRole_GiveTheSamePrincipal()
    {
        var a = FromUserIdentity("""{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/R/s1"}""");
        var b = FromUserIdentity("""{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/R/s2"}""");
        Assert.Equal(a.Principal, b.Principal);
        Assert.NotEqual(a.SessionName, b.SessionName);
    }

    [Fact]
    public void FromUserIdentity_IamUser_UsesArn()
    {
        var p = FromUserIdentity("""{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/Alice","userName":"Alice"}""");
        Assert.Equal(new AwsPrincipal("arn:aws:iam::111122223333:user/Alice", PrincipalTypes.User), p);
    }

    [Fact]
    public void FromUserIdentity_IamUserWithoutArn_BuildsUserArn()
    {
        var p = FromUserIdentity("""{"type":"IAMUser","userName":"Alice"}""", fallbackAccount: "111122223333");
        Assert.Equal(new AwsPrincipal("arn:aws:iam::111122223333:user/Alice", PrincipalTypes.User), p);
    }

    [Fact]
    public void FromUserIdentity_RootWithoutArn_BuildsRootArn()
    {
        var p = FromUserIdentity("""{"type":"Root","accountId":"111122223333","principalId":"111122223333"}""");
        Assert.Equal(new AwsPrincipal("arn:aws:iam::111122223333:root", PrincipalTypes.Root), p);
    }

    [Fact]
    public void FromUserIdentity_AwsService_UsesInvokedBy()
    {
        var p = FromUserIdentity("""{"type":"AWSService","invokedBy":"cloudtrail.amazonaws.com"}""");
        Assert.Equal(new AwsPrincipal("cloudtrail.amazonaws.com", PrincipalTypes.Service), p);
    }

    [Fact]
    public void FromUserIdentity_AwsAccount_UsesTheCallingAccount()
    {
        var p = FromUserIdentity("""{"type":"AWSAccount","principalId":"AIDAEXAMPLE","accountId":"444455556666"}""");
        Assert.Equal(new AwsPrincipal("aws-account:444455556666", PrincipalTypes.Unknown), p);
    }

    [Fact]
    public void FromUserIdentity_FederatedUser_KeepsFederatedUserArn()
    {
        var p = FromUserIdentity("""
            {"type":"FederatedUser","arn":"arn:aws:sts::111122223333:federated-user/Bob","principalId":"111122223333:Bob",
             "sessionContext":{"sessionIssuer":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/Alice"}}}
            """);
        Assert.Equal(new AwsPrincipal("arn:aws:sts::111122223333:federated-user/Bob", PrincipalTypes.Federated), p);
    }

    [Fact]
    public void FromUserIdentity_IdentityCenterUser_UsesStoreAndUserId()
    {
        var p = FromUserIdentity("""
            {"type":"IdentityCenterUser","accountId":"111122223333",
             "onBehalfOf":{"userId":"544894e8-80c1-707f-60e3-3ba6510dfac1","identityStoreArn":"arn:aws:identitystore::111122223333:identitystore/d-9067642ac7"},
             "credentialId":"EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE"}
            """);
        Assert.Equal(new AwsPrincipal("arn:aws:identitystore::111122223333:identitystore/d-9067642ac7/user/544894e8-80c1-707f-60e3-3ba6510dfac1", PrincipalTypes.User), p);
    }

    [Fact]
    public void FromUserIdentity_SamlUser_UsesProviderAndUserName()
    {
        var p = FromUserIdentity("""{"type":"SAMLUser","principalId":"SampleUkh1i4+ExamplexL/jEvs=:SamlExample","userName":"SamlExample","identityProvider":"bdGOnTesti4+ExamplexL/jEvs="}""");
        Assert.Equal(new AwsPrincipal("saml:bdGOnTesti4+ExamplexL/jEvs=:SamlExample", PrincipalTypes.Federated), p);
    }

    [Fact]
    public void FromUserIdentity_WebIdentityUser_UsesProviderAndUserName()
    {
        var p = FromUserIdentity("""{"type":"WebIdentityUser","principalId":"accounts.google.com:123","userName":"123","identityProvider":"accounts.google.com"}""");
        Assert.Equal(new AwsPrincipal("web-identity:accounts.google.com:123", PrincipalTypes.Federated), p);
    }

    [Fact]
    public void FromUserIdentity_Missing_IsUnknown()
    {
        Assert.Equal(AwsPrincipal.Unknown, AwsPrincipal.FromUserIdentity(null, "1"));
        Assert.Equal(AwsPrincipal.Unknown, FromUserIdentity("\"not an object\""));
    }

    [Fact]
    public void FromUserIdentity_UnknownTypeWithArn_KeepsArn()
    {
        var p = FromUserIdentity("""{"type":"Unknown","arn":"arn:aws:iam::1:user/x"}""");
        Assert.Equal(new AwsPrincipal("arn:aws:iam::1:user/x", PrincipalTypes.Unknown), p);
    }

    [Fact]
    public void FromAccessKeyDetails_AssumedRole_MapsToRoleArnAndSession()
    {
        var p = FromAccessKey("""{"accessKeyId":"ASIA","principalId":"AROAEXAMPLE:i-0abc","userName":"web-role","userType":"AssumedRole"}""");
        Assert.Equal(new AwsPrincipal("arn:aws:iam::111122223333:role/web-role", PrincipalTypes.Role, "i-0abc"), p);
    }

    [Fact]
    public void FromAccessKeyDetails_IamUserAndRoot_BuildArnsInPartition()
    {
        Assert.Equal(new AwsPrincipal("arn:aws-cn:iam::111122223333:user/dev", PrincipalTypes.User),
            FromAccessKey("""{"userName":"dev","userType":"IAMUser"}""", partition: "aws-cn"));
        Assert.Equal(new AwsPrincipal("arn:aws:iam::111122223333:root", PrincipalTypes.Root),
            FromAccessKey("""{"principalId":"111122223333","userType":"Root"}"""));
    }

    [Fact]
    public void FromAccessKeyDetails_Empty_IsNull()
    {
        Assert.Null(FromAccessKey("{}"));
        Assert.Null(AwsPrincipal.FromAccessKeyDetails(null, "1", "aws"));
    }

    [Theory]
    [InlineData("arn:aws:sts::1:assumed-role/R/S", "arn:aws:iam::1:role/R")]
    [InlineData("arn:aws:sts::1:assumed-role/R", "arn:aws:iam::1:role/R")]
    [InlineData("arn:aws:iam::1:user/U", null)]
    [InlineData("not-an-arn:assumed-role/R/S", null)]
    public void RoleArnOf_Various_RewritesOnlyAssumedRoleArns(string arn, string? expected) =>
        Assert.Equal(expected, AwsPrincipal.RoleArnOf(arn));
}

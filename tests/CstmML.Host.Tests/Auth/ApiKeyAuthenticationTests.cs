using System.Net.Http.Headers;
using CstmML.Host.Auth;
using CstmML.Host.Contracts;
using CstmML.Host.Tests.TestSupport;

namespace CstmML.Host.Tests.Auth;

public sealed class ApiKeyAuthenticationTests
{
    public static TheoryData<string, string> Routes => new()
    {
        { "POST", HostRoutes.Score },
        { "POST", HostRoutes.Alerts },
        { "GET", HostRoutes.Detections },
        { "GET", HostRoutes.Models },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Request_NoKey_Returns401Problem(string method, string route)
    {
        using var host = new HostFactory();
        using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = method == "POST" ? Http.Json(RawAlerts.CloudTrail("a", RawAlerts.T0)) : null };

        using var response = await host.Client(key: null).SendAsync(request);
        using var json = await response.ReadJsonAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ProblemTypes.Unauthorized, json.RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("Bearer not-a-known-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task Request_BadAuthorization_Returns401Problem(string header)
    {
        using var host = new HostFactory();
        var client = host.Client(key: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var (status, json) = await client.GetJsonAsync(HostRoutes.Models);

        Assert.Equal(401, status);
        Assert.Equal(ProblemTypes.Unauthorized, json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Request_KeyFromKeysFile_IsAcceptedForItsTenant()
    {
        using var temp = new CstmML.Testing.TempDir();
        var key = ApiKeyHash.NewKey();
        var file = temp.Write("keys.txt", "# tenants\n\n" + ApiKeyFile.Line("tenant-file", ApiKeyHash.Of(key)) + "\n");
        using var host = new HostFactory(new Dictionary<string, string?> { ["ScoringHost:ApiKeysFile"] = file });

        var (status, _) = await host.Client(key).GetJsonAsync(HostRoutes.Models);

        Assert.Equal(200, status);
    }

    [Fact]
    public void NewKey_TwoCalls_DifferAndHashIs64Hex()
    {
        var a = ApiKeyHash.NewKey();
        var b = ApiKeyHash.NewKey();
        Assert.NotEqual(a, b);
        Assert.StartsWith(ApiKeyHash.KeyPrefix, a, StringComparison.Ordinal);
        Assert.True(ApiKeyHash.IsHex(ApiKeyHash.Of(a)));
        Assert.Equal("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", ApiKeyHash.Of("test"));
    }

    [Fact]
    public void Read_MalformedLine_NamesFileAndLine()
    {
        using var temp = new CstmML.Testing.TempDir();
        var file = temp.Write("keys.txt", "t1 " + new string('a', 64) + "\nt2 nothex\n");

        var ex = Assert.Throws<FormatException>(() => ApiKeyFile.Read(file));

        Assert.StartsWith(file + ":2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithValidKey_HeaderSchemeIsCaseInsensitive()
    {
        using var host = new HostFactory();
        var client = host.Client(key: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", HostFactory.KeyB);

        var (status, _) = await client.GetJsonAsync(HostRoutes.Models);

        Assert.Equal(200, status);
    }
}

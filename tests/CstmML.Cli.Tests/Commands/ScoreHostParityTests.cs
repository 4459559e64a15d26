using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CstmML.Host;
using CstmML.Host.Auth;
using CstmML.Host.Models;
using CstmML.Ingestion;
using CstmML.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CstmML.Cli.Tests.Commands;

/// <summary>
/// Batch and host paths give identical results for the same input: <c>cstm score</c> writes a file, the real host
/// (same model, same playbooks) answers <c>POST /v1/score</c> with the same raw records, and every result matches.
/// </summary>
public sealed class ScoreHostParityTests
{
    private const string Key = "cstm_parity_key";

    [Fact]
    public async Task Score_SameRecordsThroughCliAndHost_GiveIdenticalResults()
    {
        using var temp = new TempDir();
        var input = ScoreRepoPaths.Of("training-data/samples/cloudtrail/stratus_detonations.jsonl");
        var output = temp.File("cli.jsonl");
        var cli = new CliHarness(SourceRegistry.Default);
        Assert.True(cli.Run("score", "--model", ScoreRepoPaths.Of("models/default"), "--input", input, "--out", output) == 0, cli.Stderr);
        var fromCli = ById(File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.Clone()));

        // The host loads models only from its configured folder: a copy of models/default with the playbooks beside it.
        var dir = temp.File("host");
        Copy(ScoreRepoPaths.Of("models/default"), Path.Combine(dir, "model"));
        Copy(ScoreRepoPaths.Of("models/playbooks"), Path.Combine(dir, "playbooks"));
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScoringHost:ModelDirectory"] = Path.Combine(dir, "model"),
            ["ScoringHost:StoreDirectory"] = Path.Combine(dir, "store"),
            ["ScoringHost:ApiKeys:0:Tenant"] = "parity",
            ["ScoringHost:ApiKeys:0:Sha256"] = ApiKeyHash.Of(Key),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddScoringHost(ScorerLoaders.Default);
        await using var app = builder.Build();
        app.MapScoringHost();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var body = new ByteArrayContent(await File.ReadAllBytesAsync(input));
        using var response = await client.PostAsync(new Uri("/v1/score", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var json = JsonDocument.Parse(text);
        var fromHost = ById(json.RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone()));
        await app.StopAsync();

        Assert.NotEmpty(fromCli);
        Assert.Equal(fromCli.Keys, fromHost.Keys);
        foreach (var (id, cliResult) in fromCli)
        {
            // Compared as JSON values: the two writers may escape characters such as '<' differently.
            var same = JsonNode.DeepEquals(JsonNode.Parse(cliResult.GetRawText()), JsonNode.Parse(fromHost[id].GetRawText()));
            Assert.True(same, $"{id} differs:\ncli:  {cliResult.GetRawText()}\nhost: {fromHost[id].GetRawText()}");
        }
    }

    private static SortedDictionary<string, JsonElement> ById(IEnumerable<JsonElement> results) =>
        new(results.ToDictionary(r => r.GetProperty("sequence_id").GetString()!, r => r), StringComparer.Ordinal);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

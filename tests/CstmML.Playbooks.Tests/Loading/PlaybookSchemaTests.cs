using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CstmML.Playbooks.Tests.Loading;

/// <summary>docs/playbook.schema.json agrees with the loader: the shipped library passes it, broken playbooks do not.</summary>
public class PlaybookSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "playbook.schema.json")));

    public static TheoryData<string> LibraryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(RepoPaths.PlaybookLibrary, "playbook.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.PlaybookLibrary, f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LibraryFiles))]
    public void Evaluate_ShippedPlaybook_Valid(string relative)
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(RepoPaths.PlaybookLibrary, relative)));

        Assert.True(result.IsValid, string.Join("; ", Errors(result)));
    }

    [Theory]
    [InlineData("window: 1h", "window: 1 hour")]
    [InlineData("severity: high", "severity: dire")]
    [InlineData("group_by: account", "group_by: session")]
    [InlineData("version: 1", "version: 1\nextra_key: 1")]
    [InlineData("behaviour: x", "behaviour: x\nactor: y")]
    [InlineData("    within: 30m", "    within: 30m\n    count: {min: 0, period: 1m}")]
    public void Evaluate_SchemaViolation_Invalid(string from, string to)
    {
        const string Valid = "id: x\nversion: 1\nbehaviour: x\nreferences: [https://example.org]\nseverity: high\ngroup_by: account\nwindow: 1h\nsteps:\n  - match: {event_name: A}\n  - match: {event_name: B}\n    within: 30m\n";
        Assert.True(Evaluate(Valid).IsValid);

        Assert.False(Evaluate(Valid.Replace(from, to, StringComparison.Ordinal)).IsValid);
    }

    private static EvaluationResults Evaluate(string yaml) =>
        Schema.Evaluate(ToJson(Load(yaml)), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Errors(EvaluationResults r) =>
        (r.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    // Plain YAML scalars become numbers or booleans the way YAML 1.2 core schema reads them; quoted ones stay strings.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" } => JsonValue.Create(true),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" } => JsonValue.Create(false),
        YamlScalarNode { Style: ScalarStyle.Plain } sc when long.TryParse(sc.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode sc => JsonValue.Create(sc.Value),
        _ => null,
    };
}

using System.Text.Json.Nodes;
using Json.Schema;

namespace CstmML.Testing.Exports;

/// <summary>
/// The bundled STIX 2.1 JSON schemas (training-data/reference/schemas/stix2.1), registered by their $id so that no
/// reference is ever fetched. Only the object types CstmML writes are bundled; every other schema the bundled files
/// refer to (artifact, file, malware...) is registered as the <c>false</c> schema, so an object of such a type fails
/// validation instead of passing unchecked. The whole bundle is validated against the official bundle.json.
/// Shared by the exporter tests (CstmML.Scoring.Tests) and the <c>cstm score --stix</c> tests (CstmML.Cli.Tests).
/// </summary>
public static class StixSchemas
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Schemas", "stix2.1");

    private static readonly Lazy<(EvaluationOptions Options, Dictionary<string, JsonSchema> ByType, JsonSchema Bundle)> Loaded = new(Load);

    /// <summary>The referenced schemas that are not bundled and stand in as <c>false</c>.</summary>
    public static IReadOnlyList<Uri> Placeholders { get; private set; } = [];

    /// <summary>The schema errors of a whole bundle against bundle.json (empty when valid).</summary>
    public static IReadOnlyList<string> BundleErrors(JsonObject bundle)
    {
        var result = Loaded.Value.Bundle.Evaluate(bundle, Loaded.Value.Options);
        if (result.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(result, "bundle", errors);
        return errors.Count > 0 ? errors : ["bundle: invalid"];
    }

    /// <summary>The object types CstmML writes, mapped to their schema file.</summary>
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["attack-pattern"] = "sdos/attack-pattern.json",
        ["intrusion-set"] = "sdos/intrusion-set.json",
        ["observed-data"] = "sdos/observed-data.json",
        ["sighting"] = "sros/sighting.json",
        ["user-account"] = "observables/user-account.json",
        ["ipv4-addr"] = "observables/ipv4-addr.json",
        ["ipv6-addr"] = "observables/ipv6-addr.json",
    };

    /// <summary>The schema errors of one STIX object (empty when valid); unknown types are an error too.</summary>
    public static IReadOnlyList<string> Errors(JsonObject stixObject)
    {
        var type = (string?)stixObject["type"] ?? "(no type)";
        if (!Loaded.Value.ByType.TryGetValue(type, out var schema))
        {
            return [$"{type}: no bundled schema for this type"];
        }

        var result = schema.Evaluate(stixObject, Loaded.Value.Options);
        if (result.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(result, (string?)stixObject["id"] ?? type, errors);
        return errors.Count > 0 ? errors : [$"{stixObject["id"]}: invalid"];
    }

    private static void Collect(EvaluationResults r, string id, List<string> into)
    {
        if (r.Errors is { } errs)
        {
            into.AddRange(errs.Select(e => $"{id} {r.InstanceLocation} ({r.EvaluationPath}) {e.Key}: {e.Value}"));
        }

        foreach (var d in r.Details)
        {
            Collect(d, id, into);
        }
    }

    private static (EvaluationOptions, Dictionary<string, JsonSchema>, JsonSchema) Load()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
        options.SchemaRegistry.Fetch = _ => null; // no network, ever: every $ref must be a bundled file or a placeholder
        var byFile = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var refs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path);
            var schema = JsonSchema.FromText(text);
            var node = JsonNode.Parse(text)!;
            var id = node["$id"]!.GetValue<string>();
            options.SchemaRegistry.Register(new Uri(id), schema);
            ids.Add(id);
            CollectRefs(node, refs);
            byFile[Path.GetRelativePath(Root, path).Replace('\\', '/')] = schema;
        }

        var placeholders = refs.Where(r => r.StartsWith("http", StringComparison.Ordinal) && !ids.Contains(r)).Order(StringComparer.Ordinal)
            .Select(r => new Uri(r)).ToList();
        foreach (var uri in placeholders)
        {
            options.SchemaRegistry.Register(uri, JsonSchema.FromText("false"));
        }

        Placeholders = placeholders;
        return (options, Files.ToDictionary(kv => kv.Key, kv => byFile[kv.Value], StringComparer.Ordinal), byFile["common/bundle.json"]);
    }

    private static void CollectRefs(JsonNode? node, HashSet<string> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        into.Add(s);
                    }
                    else
                    {
                        CollectRefs(value, into);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    CollectRefs(item, into);
                }

                break;
        }
    }
}

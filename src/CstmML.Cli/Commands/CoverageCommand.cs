using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CstmML.Core.Attack;
using CstmML.Core.Serialization;
using CstmML.Ingestion;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm coverage</c>: per provider and product, the alert types known and how many map to a technique.</summary>
internal static class CoverageCommand
{
    /// <summary>The <c>--format</c> values.</summary>
    public const string Table = "table";

    public const string Json = "json";

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("coverage", "Print, per provider and product, the alert types known, how many map to at least one ATT&CK technique, and the ATT&CK version.");
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => Table };
        format.AcceptOnlyFromAmong(Table, Json);
        command.Options.Add(format);
        command.SetAction(parsed =>
        {
            var report = Build(env.Sources);
            if (parsed.GetValue(format) == Json)
            {
                env.Out.WriteLine(JsonSerializer.Serialize(report, CstmJsonContext.Default.CoverageReport));
            }
            else
            {
                PrintTable(env.Out, report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The coverage of every registered source's known types, ordered by provider then product.</summary>
    public static CoverageReport Build(SourceRegistry sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var rows = sources.Sources
            .SelectMany(s => s.KnownTypes)
            .GroupBy(k => (k.Provider, k.Product))
            .OrderBy(g => g.Key.Provider).ThenBy(g => g.Key.Product)
            .Select(g =>
            {
                var types = g.GroupBy(k => k.Type, StringComparer.Ordinal).ToArray();
                var mapped = types.Count(t => t.Any(k => k.Mappings.Count > 0));
                var techniques = g.SelectMany(k => k.Mappings).Select(m => m.Technique).Distinct().Count();
                return new CoverageRow(g.Key.Provider, g.Key.Product, types.Length, mapped, techniques);
            })
            .ToArray();
        return new CoverageReport(AttackCatalog.PinnedVersion, rows);
    }

    private static void PrintTable(TextWriter output, CoverageReport report)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"ATT&CK Enterprise v{report.AttackVersion}");
        if (report.Rows.Count == 0)
        {
            output.WriteLine("No registered source lists known alert types.");
            return;
        }

        output.WriteLine($"{"provider",-9} {"product",-11} {"known",7} {"mapped",7} {"mapped%",8} {"techniques",10}");
        foreach (var r in report.Rows)
        {
            output.WriteLine(string.Create(c, $"{Name(r.Provider),-9} {Name(r.Product),-11} {r.KnownTypes,7} {r.MappedTypes,7} {r.MappedFraction * 100,7:0.0}% {r.Techniques,10}"));
        }

        output.WriteLine(string.Create(c, $"{"total",-21} {report.Rows.Sum(r => r.KnownTypes),7} {report.Rows.Sum(r => r.MappedTypes),7}"));
    }

    private static string Name<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, CstmJsonContext.Default.GetTypeInfo(typeof(T))!).Trim('"');
}

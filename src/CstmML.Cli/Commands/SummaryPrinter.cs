using System.Globalization;
using System.Text.Json;
using CstmML.Core.Serialization;

namespace CstmML.Cli.Commands;

/// <summary>Prints the closing summary on stderr and, optionally, writes it as JSON.</summary>
internal static class SummaryPrinter
{
    private const int TopUnmapped = 10;
    private const int TopNotes = 5;

    public static void Print(TextWriter error, RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(s);
        var c = CultureInfo.InvariantCulture;
        error.WriteLine(string.Create(c, $"cstm {s.Command}: {s.Files} file(s), read {s.Read}, normalized {s.Normalized}, rejected {s.Rejected}, duplicate {s.Duplicate} in {s.ElapsedMs / 1000:0.00} s"));
        if (s.Sequences is { } n)
        {
            error.WriteLine(string.Create(c, $"  sequences {n}, late alerts {s.LateAlerts ?? 0}"));
        }

        if (s.ByFormat.Count > 0)
        {
            error.WriteLine("  by format: " + string.Join(", ", s.ByFormat.Select(kv => string.Create(c, $"{kv.Key} {kv.Value}"))));
        }

        if (s.Unmapped.Count > 0)
        {
            error.WriteLine(string.Create(c, $"  unmapped types ({s.Unmapped.Count}, top {Math.Min(TopUnmapped, s.Unmapped.Count)}): ") +
                string.Join(", ", s.Unmapped.Take(TopUnmapped).Select(u => string.Create(c, $"{Name(u.Product)}/{u.Type} {u.Count}"))));
        }

        foreach (var note in s.Notes.Take(TopNotes))
        {
            error.WriteLine(string.Create(c, $"  note ({note.Count}x): {note.Note}"));
        }

        if (s.Notes.Count > TopNotes)
        {
            error.WriteLine(string.Create(c, $"  ... {s.Notes.Count - TopNotes} more distinct notes (see --summary)"));
        }
    }

    public static void Write(FileInfo? file, RunSummary s, CliEnvironment env)
    {
        if (file is null)
        {
            return;
        }

        using var stream = OutputFiles.Open(file, env);
        JsonSerializer.Serialize(stream, s, CstmJsonContext.Default.RunSummary);
    }

    private static string Name(Core.Alerts.AlertProduct p) => JsonSerializer.Serialize(p, CstmJsonContext.Default.AlertProduct).Trim('"');
}

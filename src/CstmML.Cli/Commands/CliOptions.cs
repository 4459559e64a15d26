using System.CommandLine;
using System.CommandLine.Parsing;
using CstmML.Ingestion;

namespace CstmML.Cli.Commands;

/// <summary>Factories for the options several verbs share, so every verb spells and validates them the same way.</summary>
internal static class CliOptions
{
    /// <summary><c>--input PATH...</c>: files, folders, globs; required, repeatable.</summary>
    public static Option<string[]> Input() => new("--input", "-i")
    {
        Description = "Input files, folders (recursive) or globs; .gz, JSON, JSON Lines, envelopes and .csv. Repeatable.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
        HelpName = "PATH",
    };

    /// <summary><c>--format</c>: auto or one registered source name.</summary>
    public static Option<string> Format(SourceRegistry sources)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Input format; auto asks every source per record.",
            DefaultValueFactory = _ => SourceRegistry.Auto,
        };
        option.AcceptOnlyFromAmong([.. sources.FormatNames]);
        return option;
    }

    /// <summary><c>--out FILE</c>: where results go (stdout when absent).</summary>
    public static Option<FileInfo> Out(string what) => new("--out", "-o")
    {
        Description = $"Write {what} to FILE instead of stdout.",
        HelpName = "FILE",
    };

    /// <summary><c>--rejects FILE</c>: every reject as JSON Lines.</summary>
    public static Option<FileInfo> Rejects() => new("--rejects")
    {
        Description = "Also write every rejected record as JSON Lines {file, line, index, reason, field, excerpt} to FILE.",
        HelpName = "FILE",
    };

    /// <summary><c>--summary FILE</c>: the closing summary as JSON.</summary>
    public static Option<FileInfo> Summary() => new("--summary")
    {
        Description = "Also write the closing summary as JSON to FILE.",
        HelpName = "FILE",
    };

    /// <summary><c>--threads N</c>: 1 to <see cref="CstmML.Ingestion.Pipeline.PipelineDefaults.MaxParallelism"/>.</summary>
    public static Option<int> Threads(string description, int defaultValue)
    {
        var option = new Option<int>("--threads")
        {
            Description = $"{description} Default {defaultValue}.",
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            var n = result.GetValueOrDefault<int>();
            if (n is < 1 or > CstmML.Ingestion.Pipeline.PipelineDefaults.MaxParallelism)
            {
                result.AddError($"--threads: must be from 1 to {CstmML.Ingestion.Pipeline.PipelineDefaults.MaxParallelism}.");
            }
        });
        return option;
    }

    /// <summary>A duration option (<see cref="DurationParser.Forms"/>) with a default; zero allowed only when <paramref name="allowZero"/>.</summary>
    public static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue, bool allowZero = false) => new(name)
    {
        Description = $"{description} Default {Format(defaultValue)}.",
        HelpName = "DURATION",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseDuration(result, name, allowZero),
    };

    private static TimeSpan ParseDuration(ArgumentResult result, string name, bool allowZero)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (!DurationParser.TryParse(text, out var value))
        {
            result.AddError($"{name}: '{text}' is not a duration; use {DurationParser.Forms}.");
            return default;
        }

        if (value == TimeSpan.Zero && !allowZero)
        {
            result.AddError($"{name}: must be greater than zero.");
            return default;
        }

        return value;
    }

    /// <summary>A duration as the shortest of the accepted forms, for help text.</summary>
    public static string Format(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays == Math.Floor(t.TotalDays) ? $"{t.TotalDays:0}d"
        : t.TotalHours >= 1 && t.TotalHours == Math.Floor(t.TotalHours) ? $"{t.TotalHours:0}h"
        : t.TotalMinutes >= 1 && t.TotalMinutes == Math.Floor(t.TotalMinutes) ? $"{t.TotalMinutes:0}m"
        : $"{t.TotalSeconds:0.###}s";
}

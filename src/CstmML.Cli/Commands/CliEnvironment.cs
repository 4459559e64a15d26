using CstmML.Ingestion;

namespace CstmML.Cli.Commands;

/// <summary>
/// What a verb may touch outside its arguments: standard output (as a byte stream for JSON Lines and as text for
/// help), standard error, the clock and the alert sources. Tests pass in-memory streams and a fake clock.
/// </summary>
internal sealed record CliEnvironment
{
    /// <summary>Opens standard output for binary writing (JSON Lines). The caller disposes the stream.</summary>
    public required Func<Stream> OpenStandardOutput { get; init; }

    /// <summary>Standard output as text (help, tables).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: rejects, summaries, errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The clock, for elapsed times only (event time always comes from the data).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The alert sources for format detection and coverage.</summary>
    public SourceRegistry Sources { get; init; } = SourceRegistry.Default;

    /// <summary>The process console.</summary>
    public static CliEnvironment FromConsole() => new()
    {
        OpenStandardOutput = Console.OpenStandardOutput,
        Out = Console.Out,
        Error = Console.Error,
    };
}

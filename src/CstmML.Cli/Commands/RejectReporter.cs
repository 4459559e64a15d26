using CstmML.Core.Serialization;

namespace CstmML.Cli.Commands;

/// <summary>
/// Reports rejects: one line each on stderr (only the first <see cref="StderrLimitWithFile"/> when a rejects file
/// takes them all) and, with <c>--rejects FILE</c>, every one as JSON Lines.
/// </summary>
internal sealed class RejectReporter : IDisposable
{
    /// <summary>With a rejects file, stderr shows this many and then points to the file.</summary>
    public const int StderrLimitWithFile = 20;

    private readonly TextWriter _error;
    private readonly JsonLinesWriter? _file;
    private readonly string? _fileName;
    private long _count;

    public RejectReporter(TextWriter error, FileInfo? rejectsFile, CliEnvironment env)
    {
        _error = error;
        if (rejectsFile is not null)
        {
            _file = new JsonLinesWriter(OutputFiles.Open(rejectsFile, env));
            _fileName = rejectsFile.FullName;
        }
    }

    public long Count => _count;

    public void Report(RejectRecord reject)
    {
        ArgumentNullException.ThrowIfNull(reject);
        _count++;
        _file?.Write(reject, CstmJsonContext.Default.RejectRecord);
        if (_file is null || _count <= StderrLimitWithFile)
        {
            var field = reject.Field is null ? string.Empty : $" [field {reject.Field}]";
            _error.WriteLine($"reject {reject.Location}: {reject.Reason}{field}");
        }
        else if (_count == StderrLimitWithFile + 1)
        {
            _error.WriteLine($"(further rejects only in {_fileName})");
        }
    }

    public void Dispose() => _file?.Dispose();
}

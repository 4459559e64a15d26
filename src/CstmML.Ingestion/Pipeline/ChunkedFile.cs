namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// A large JSON file read in pieces in a parallel run (<see cref="FileChunk"/>), shared by the reading thread and the
/// consumer. When a piece was not read exactly (it did not end clean, or a reject's text depended on its reader's
/// buffer), the consumer asks the reading thread to read the file again the usual way, from its start, keeping only
/// the entries from that piece's first line on (<see cref="TryRequestRestart"/>); if the reading thread has already
/// finished the file, the consumer does that itself. Either way the entries of the later pieces are dropped.
/// </summary>
/// <remarks>
/// Why from the start: the whole-file reader's buffer alignment decides a few things (records over the size limit,
/// excerpts near the buffer's end), so only a reader that started where it started gives the same entries. Why by
/// line: at a clean cut every earlier entry is on an earlier line and every later one on that line or after.
/// </remarks>
internal sealed class ChunkedFile
{
    private const int Reading = 0;
    private const int Finished = 1;
    private const int Restart = 2;

    private int _state;

    public ChunkedFile(string file) => File = file;

    /// <summary>The file's path.</summary>
    public string File { get; }

    /// <summary>Consumer only: a piece did not end clean; the remaining entries tagged with this file are dropped.</summary>
    public bool Abandoned { get; set; }

    /// <summary>The line from which the entries of the file read again are kept (set before a restart is requested).</summary>
    public long RestartLine { get; private set; }

    /// <summary>Reading thread: the consumer asked for a restart; stop cutting pieces and read again from <see cref="RestartLine"/>.</summary>
    public bool RestartRequested => Volatile.Read(ref _state) == Restart;

    /// <summary>Consumer: asks the reading thread to read again from <paramref name="line"/> on; false when it has finished the file already.</summary>
    public bool TryRequestRestart(long line)
    {
        RestartLine = line;
        return Interlocked.CompareExchange(ref _state, Restart, Reading) == Reading;
    }

    /// <summary>Reading thread: done with the file's pieces; false when a restart was requested first (read again then).</summary>
    public bool TryFinish() => Interlocked.CompareExchange(ref _state, Finished, Reading) == Reading;
}

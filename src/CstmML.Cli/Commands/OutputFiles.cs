namespace CstmML.Cli.Commands;

/// <summary>Opens output destinations: a file (buffered, created or truncated) or standard output.</summary>
internal static class OutputFiles
{
    private const int Buffer = 64 * 1024;

    /// <summary>A buffered stream to <paramref name="file"/>, or to stdout when null.</summary>
    /// <exception cref="CliUsageException">The file cannot be created; the message names it.</exception>
    public static Stream Open(FileInfo? file, CliEnvironment env)
    {
        if (file is null)
        {
            return new BufferedStream(env.OpenStandardOutput(), Buffer);
        }

        try
        {
            return new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, Buffer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write {file.FullName}: {ex.Message}");
        }
    }
}

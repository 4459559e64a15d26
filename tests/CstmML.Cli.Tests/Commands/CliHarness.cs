using System.CommandLine;
using System.Text;
using CstmML.Cli.Commands;
using CstmML.Ingestion;
using CstmML.Ingestion.Sources.Csv;
using CstmML.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CstmML.Cli.Tests.Commands;

/// <summary>Runs cstm verbs in-process with captured stdout/stderr, a fake clock and the fake + CSV sources.</summary>
internal sealed class CliHarness
{
    private readonly MemoryStream _stdout = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public CliHarness(SourceRegistry? sources = null)
    {
        Env = new CliEnvironment
        {
            OpenStandardOutput = () => new NonClosingStream(_stdout),
            Out = _out,
            Error = _err,
            Time = Clock,
            Sources = sources ?? new SourceRegistry([FakeAlertSource.Instance, CsvAlertSource.Instance]),
        };
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public CliEnvironment Env { get; }

    /// <summary>Everything written to stdout (JSON Lines and help text).</summary>
    public string Stdout => Encoding.UTF8.GetString(_stdout.ToArray()) + _out.ToString();

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string Stderr => _err.ToString();

    /// <summary>Builds the same verbs as Program.cs and runs <paramref name="args"/>.</summary>
    public int Run(params string[] args)
    {
        var root = new RootCommand("cstm test");
        root.Subcommands.Add(MapCommand.Create(Env));
        root.Subcommands.Add(SequencesCommand.Create(Env));
        root.Subcommands.Add(CoverageCommand.Create(Env));
        root.Subcommands.Add(ScoreCommand.Create(Env));
        return CliRunner.Invoke(root, args, Env);
    }

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

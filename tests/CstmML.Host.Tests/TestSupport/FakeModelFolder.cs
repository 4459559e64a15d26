using CstmML.Host.Models;

namespace CstmML.Host.Tests.TestSupport;

/// <summary>A model folder for <see cref="FakeScorer"/>: <c>fake-model.txt</c> holds "NAME VERSION"; anything else is a bad model.</summary>
internal static class FakeModelFolder
{
    public const string Marker = "fake-model.txt";

    private const string Failing = "fails";

    public static ScorerLoader Loader { get; } = ScorerLoaders.From(dir =>
    {
        var path = Path.Combine(dir, Marker);
        var parts = File.Exists(path) ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return parts.Length == 2 ? new FakeScorer(parts[0], parts[1])
            : parts is [_, _, Failing] ? new CountingScorer(fail: true)
            : throw new InvalidDataException("manifest mismatch: not a model folder");
    });

    public static void Publish(string dir, string name, string version) => Write(dir, $"{name} {version}");

    public static void PublishBad(string dir) => Write(dir, "corrupt");

    /// <summary>A model that loads but throws when it scores (refused by the warm-up).</summary>
    public static void PublishFailing(string dir) => Write(dir, $"fake 9.9.9 {Failing}");

    private static void Write(string dir, string text)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Marker);
        File.WriteAllText(path, text);

        // Fingerprints include write times; make each publish visibly newer even within one clock tick.
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(Interlocked.Increment(ref _publishes)));
    }

    private static int _publishes;
}

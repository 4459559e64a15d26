namespace CstmML.Scoring.Engine;

/// <summary>
/// Arrays one thread reuses from one <see cref="ScoringEngine.Score"/> call to the next (the feature matrix handed to
/// ONNX Runtime, the rows of one baseline's KMeans run). Never shared: each thread has its own, and a call uses it only
/// until its model runs return (nothing the caller sees refers to it).
/// </summary>
internal sealed class ScoringScratch
{
    /// <summary>Arrays larger than this many elements are used once and not kept (a thread keeps at most a few MB).</summary>
    internal const int MaxKeptLength = 1 << 20;

    [ThreadStatic]
    private static ScoringScratch? _current;

    private float[] _features = [];
    private float[] _gather = [];
    private int[] _rows = [];

    /// <summary>The calling thread's scratch.</summary>
    public static ScoringScratch Current => _current ??= new ScoringScratch();

    /// <summary>A float array of at least <paramref name="length"/> elements for the batch's feature rows (contents undefined).</summary>
    public float[] Features(int length) => Ensure(ref _features, length);

    /// <summary>A float array of at least <paramref name="length"/> elements for rows gathered for one model run.</summary>
    public float[] Gather(int length) => Ensure(ref _gather, length);

    /// <summary>An int array of at least <paramref name="length"/> elements for row indices.</summary>
    public int[] Rows(int length) => Ensure(ref _rows, length);

    private static T[] Ensure<T>(ref T[] array, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (array.Length >= length)
        {
            return array;
        }

        if (length > MaxKeptLength)
        {
            return new T[length]; // an unusually large batch: not worth holding for the thread's lifetime
        }

        // Grow geometrically so a batch of a slightly larger size does not reallocate again.
        array = new T[Math.Min(Math.Max(length, array.Length * 2), MaxKeptLength)];
        return array;
    }
}

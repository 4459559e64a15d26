using System.Buffers;

namespace CstmML.Host.Scoring;

/// <summary>A request body read into a rented array; dispose it (after parsing) to return the array to the pool.</summary>
internal sealed class PooledBody(byte[] array, int length) : IDisposable
{
    private byte[]? _array = array;

    /// <summary>The body's bytes.</summary>
    public ArraySegment<byte> Bytes => new(_array ?? throw new ObjectDisposedException(nameof(PooledBody)), 0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } a)
        {
            ArrayPool<byte>.Shared.Return(a);
        }
    }
}

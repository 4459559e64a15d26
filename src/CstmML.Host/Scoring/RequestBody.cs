using System.Buffers;

namespace CstmML.Host.Scoring;

/// <summary>Reads a request body into a pooled buffer, refusing more than a limit (checked on Content-Length and while reading).</summary>
internal static class RequestBody
{
    private const int InitialSize = 16 * 1024;

    /// <summary>The body (dispose it once parsed), or null when it exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<PooledBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }

        // Sized by Content-Length when given (one read loop, no copy); grown by doubling otherwise.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } n ? (int)Math.Max(1, n) : InitialSize);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, length);
    }
}

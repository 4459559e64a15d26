namespace CstmML.Features.Sequencing;

/// <summary>
/// The fixed-size pages that the <see cref="PackedAlerts"/> of one <see cref="Sequencer"/> write their records into,
/// with a bounded free list: a key that closes its sessions gives its pages back and the next busy key reuses them, so a
/// long run neither copies growing buffers nor allocates a page per closed session. Pages are native memory
/// (<see cref="NativePage"/>): the collector never scans, moves or counts them. Not thread-safe (like the sequencer).
/// </summary>
internal sealed class PackedPages(int maxFree = PackedPages.DefaultMaxFree)
{
    /// <summary>Bytes per page: far below the large object threshold, and room for ~100 typical records.</summary>
    public const int PageBytes = 16 * 1024;

    /// <summary>Free pages kept for reuse (up to 128 MiB, never more than the peak held); pages returned beyond it are freed.</summary>
    public const int DefaultMaxFree = 8192;

    private readonly Stack<NativePage> _free = new();

    /// <summary>The scratch buffer a record is built in before it is copied into a page (grown by the writer).</summary>
    public byte[] Scratch { get; set; } = new byte[512];

    /// <summary>Pages on the free list.</summary>
    public int Free => _free.Count;

    /// <summary>A page of <see cref="PageBytes"/>, reused when one is free. Its content is undefined.</summary>
    public NativePage Rent() => _free.TryPop(out var page) ? page : new NativePage(PageBytes);

    /// <summary>Gives back a page (from <see cref="Rent"/>, or of another size: freed then).</summary>
    public void Return(NativePage page)
    {
        if (page.Length == PageBytes && _free.Count < maxFree)
        {
            _free.Push(page);
        }
        else
        {
            page.Dispose();
        }
    }
}

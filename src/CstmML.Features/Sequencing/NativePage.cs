using System.Runtime.InteropServices;

namespace CstmML.Features.Sequencing;

/// <summary>
/// A page of native memory that <see cref="PackedAlerts"/> write records into. Native, not a managed array: a batch run
/// holds a day of alerts in these pages (~170 MB for 3 M alerts), and as managed arrays (pinned-heap arrays before)
/// their growth counted toward the collector's large-object budget, so the ramp-up alone triggered about a dozen full
/// blocking collections of the whole heap; the collector neither sees nor scans native memory. Freed by
/// <see cref="Dispose"/> (a page given back beyond the pool) or by the finalizer when the sequencer that held it is
/// dropped. Not thread-safe (like the sequencer).
/// </summary>
internal sealed unsafe class NativePage : IDisposable
{
    private byte* _bytes;

    public NativePage(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _bytes = (byte*)NativeMemory.Alloc((nuint)length);
        Length = length;
    }

    ~NativePage() => Free();

    /// <summary>Bytes in the page.</summary>
    public int Length { get; }

    /// <summary>The address of the page's first byte (valid until the page is disposed).</summary>
    public nint Address
    {
        get
        {
            ObjectDisposedException.ThrowIf(_bytes == null, this);
            return (nint)_bytes;
        }
    }

    /// <summary>The page's bytes (content undefined until written).</summary>
    public Span<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_bytes == null, this);
            return new Span<byte>(_bytes, Length);
        }
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (_bytes != null)
        {
            NativeMemory.Free(_bytes);
            _bytes = null;
        }
    }
}

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Skips the rest of a JSON object or array at the byte level (strings and escapes aware, nothing validated), so a
/// value of any size, even one string larger than the read buffer, passes in constant memory. Optionally watches
/// the object's own keys for an envelope container key followed by an array.
/// </summary>
internal struct RawValueScanner
{
    private const int MaxKeyBytes = 32;

    private int _depth;
    private bool _inString;
    private bool _escape;
    private readonly bool _detectKeys;
    private bool _keyPosition;
    private bool _capturing;
    private int _keyLength;
    private byte[]? _key;
    private int _afterKey;

    /// <summary>A scanner positioned just after the opening brace or bracket of a value.</summary>
    public RawValueScanner(bool detectContainerKeys)
    {
        _depth = 1;
        _detectKeys = detectContainerKeys;
        _keyPosition = true;
        _key = detectContainerKeys ? new byte[MaxKeyBytes] : null;
    }

    public enum Result
    {
        /// <summary>All bytes consumed; the value goes on.</summary>
        NeedMore,

        /// <summary>The value ended; consumed includes its closing byte.</summary>
        Complete,

        /// <summary>A container key's array opened; consumed includes the '['.</summary>
        ContainerFound,
    }

    public Result Scan(ReadOnlySpan<byte> bytes, out int consumed)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                }
                else if (b == (byte)'\\')
                {
                    _escape = true;
                }
                else if (b == (byte)'"')
                {
                    _inString = false;
                    if (_capturing)
                    {
                        _capturing = false;
                        _afterKey = _keyLength <= MaxKeyBytes && ContainerKeys.IsContainer(_key.AsSpan(0, _keyLength)) ? 1 : 0;
                    }
                }
                else if (_capturing)
                {
                    if (_keyLength < MaxKeyBytes)
                    {
                        _key![_keyLength] = b;
                    }

                    _keyLength++;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    _inString = true;
                    if (_detectKeys && _depth == 1 && _keyPosition)
                    {
                        _capturing = true;
                        _keyLength = 0;
                        _keyPosition = false;
                    }

                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    break;
                case (byte)':' when _depth == 1 && _afterKey == 1:
                    _afterKey = 2;
                    break;
                case (byte)'{' or (byte)'[':
                    if (b == (byte)'[' && _depth == 1 && _afterKey == 2)
                    {
                        consumed = i + 1;
                        return Result.ContainerFound;
                    }

                    _afterKey = 0;
                    _depth++;
                    break;
                case (byte)'}' or (byte)']':
                    _afterKey = 0;
                    if (--_depth == 0)
                    {
                        consumed = i + 1;
                        return Result.Complete;
                    }

                    break;
                case (byte)',':
                    _afterKey = 0;
                    _keyPosition = _depth == 1;
                    break;
                default:
                    _afterKey = 0;
                    break;
            }
        }

        consumed = bytes.Length;
        return Result.NeedMore;
    }
}

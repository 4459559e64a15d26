namespace CstmML.Scoring.Results;

/// <summary>One JSON object being written to a <see cref="JsonLineBuffer"/>: opens it, separates its properties, closes it.</summary>
internal struct JsonObjectScope
{
    private readonly JsonLineBuffer _buffer;
    private bool _any;

    public JsonObjectScope(JsonLineBuffer buffer)
    {
        _buffer = buffer;
        buffer.Byte((byte)'{');
    }

    /// <summary>Writes a property name (<c>"name":</c>, pre-encoded) and returns the buffer for its value.</summary>
    public JsonLineBuffer Name(byte[] name)
    {
        if (_any)
        {
            _buffer.Byte((byte)',');
        }

        _any = true;
        _buffer.Raw(name);
        return _buffer;
    }

    /// <summary>A string property, omitted when null (the contract's WhenWritingNull).</summary>
    public void String(byte[] name, string? value)
    {
        if (value is not null)
        {
            Name(name).String(value);
        }
    }

    /// <summary>A list-of-strings property, omitted when null; null elements are written as null.</summary>
    public void Strings(byte[] name, IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            return;
        }

        var b = Name(name);
        b.Byte((byte)'[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                b.Byte((byte)',');
            }

            b.String(values[i]);
        }

        b.Byte((byte)']');
    }

    public readonly void End() => _buffer.Byte((byte)'}');
}

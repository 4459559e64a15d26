using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using CstmML.Core.Hashing;

namespace CstmML.Ingestion.Json;

/// <summary>The stable id of a record that carries none: <c>h:</c> and the FNV-1a 64 hash of its raw JSON text.</summary>
public static class ContentId
{
    public static string For(JsonElement record)
    {
        var raw = record.GetRawText();
        return "h:" + StableHash.Fnv1a64(MemoryMarshal.AsBytes(raw.AsSpan())).ToString("x16", CultureInfo.InvariantCulture);
    }
}

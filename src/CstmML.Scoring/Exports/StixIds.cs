using System.Globalization;
using System.Text;

namespace CstmML.Scoring.Exports;

/// <summary>
/// Deterministic STIX 2.1 identifiers: <c>type--UUIDv5</c>. Cyber-observables use the STIX namespace over the JSON of
/// their id-contributing properties (STIX 2.1 §2.9); every other object uses <see cref="CstmNamespace"/> over a stable
/// content key, so the same results always give the same bundle.
/// </summary>
public static class StixIds
{
    /// <summary>The namespace STIX 2.1 §2.9 fixes for cyber-observable ids.</summary>
    public static readonly Guid ScoNamespace = new("00abedb4-aa42-466c-9c01-fed23315a9b7");

    /// <summary>CstmML's namespace for SDOs, SROs and bundles: UUIDv5(URL namespace, "urn:cstmml:stix").</summary>
    public static readonly Guid CstmNamespace = new("04365139-0670-526d-a3cf-0fe41e663699");

    /// <summary>
    /// The id of a cyber-observable from its id-contributing properties, serialized as JCS (RFC 8785) JSON: keys
    /// sorted, no white space. Only string values are needed by the SCOs CstmML writes.
    /// </summary>
    public static string ForObservable(string type, IReadOnlyDictionary<string, string> contributing)
    {
        ArgumentNullException.ThrowIfNull(contributing);
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in contributing.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            AppendJcsString(sb, key);
            sb.Append(':');
            AppendJcsString(sb, value);
        }

        sb.Append('}');
        return type + "--" + Uuid5.Create(ScoNamespace, sb.ToString()).ToString("D", CultureInfo.InvariantCulture);
    }

    /// <summary>The id of an SDO, SRO or bundle from a stable content key (never from a time that changes per run).</summary>
    public static string ForObject(string type, string contentKey) =>
        type + "--" + Uuid5.Create(CstmNamespace, type + "|" + contentKey).ToString("D", CultureInfo.InvariantCulture);

    // JCS string escaping: only the quote, the backslash and control characters are escaped; the rest stays literal.
    private static void AppendJcsString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}

namespace CstmML.Core.Serialization;

/// <summary>One rejected input record or file region (a line of the <c>--rejects</c> file).</summary>
/// <param name="File">The input path.</param>
/// <param name="Line">1-based line where the bad record starts (0 when the file could not be read at all).</param>
/// <param name="Index">0-based record index inside a JSON array or envelope; null for top-level records.</param>
/// <param name="Reason">Why it was rejected, in words.</param>
/// <param name="Field">The field at fault (JSON path or CSV column), when one is.</param>
/// <param name="Excerpt">The first <see cref="MaxExcerptChars"/> characters of the record, when available.</param>
public sealed record RejectRecord(string File, long Line, long? Index, string Reason, string? Field = null, string? Excerpt = null)
{
    /// <summary>The longest excerpt kept.</summary>
    public const int MaxExcerptChars = 200;

    /// <summary>Shortens <paramref name="text"/> to at most <see cref="MaxExcerptChars"/> characters.</summary>
    public static string? Clip(string? text) =>
        text is null ? null : text.Length <= MaxExcerptChars ? text : text[..MaxExcerptChars];

    /// <summary>The location as <c>file:line#index</c>.</summary>
    public string Location => Index is { } i ? $"{File}:{Line}#{i}" : $"{File}:{Line}";
}

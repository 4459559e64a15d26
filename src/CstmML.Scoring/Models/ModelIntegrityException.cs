namespace CstmML.Scoring.Models;

/// <summary>A model folder was refused: a file is missing or altered, or a field disagrees with the running code.</summary>
public sealed class ModelIntegrityException : Exception
{
    public ModelIntegrityException()
    {
    }

    public ModelIntegrityException(string message)
        : base(message)
    {
    }

    public ModelIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Refusal naming the file (relative path) and, when it is a field mismatch, the field.</summary>
    public ModelIntegrityException(string file, string? field, string reason)
        : base(field is null ? $"{file}: {reason}" : $"{file}: field '{field}': {reason}")
    {
        File = file;
        Field = field;
    }

    /// <summary>The offending file, relative to the model folder.</summary>
    public string? File { get; }

    /// <summary>The offending manifest field (dotted snake_case), when the refusal is a field mismatch.</summary>
    public string? Field { get; }
}

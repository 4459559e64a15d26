namespace CstmML.Core.Serialization;

/// <summary>A distinct normalization note and how often it occurred.</summary>
public sealed record NoteCount(string Note, long Count);

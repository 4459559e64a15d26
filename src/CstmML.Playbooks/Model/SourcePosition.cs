namespace CstmML.Playbooks.Model;

/// <summary>A place in a playbook file: path, 1-based line and column (0 when unknown).</summary>
public sealed record SourcePosition(string File, long Line, long Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

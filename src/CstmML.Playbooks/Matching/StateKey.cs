namespace CstmML.Playbooks.Matching;

/// <summary>Playbook plus group key parts, kept apart so no key string is built per alert.</summary>
internal readonly record struct StateKey(int Playbook, string First, string? Second)
{
    /// <summary>The group key as reported: <c>account|principal</c>, or the single part.</summary>
    public string Text => Second is null ? First : string.Concat(First, "|", Second);
}

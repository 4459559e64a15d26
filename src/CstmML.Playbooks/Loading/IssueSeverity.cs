namespace CstmML.Playbooks.Loading;

/// <summary>How bad a playbook issue is: an error keeps the playbook out of the library, a warning does not.</summary>
public enum IssueSeverity
{
    Warning,
    Error,
}

namespace CstmML.Features.Featurization;

/// <summary>What kind of client a user agent string names (see docs/features.md for the markers of each class).</summary>
public enum UserAgentClass
{
    /// <summary>Provider SDKs, CLIs and infrastructure-as-code (aws-cli, boto3, aws-sdk-*, azure-cli, gcloud, Terraform).</summary>
    SdkCli,

    /// <summary>The provider's web console or sign-in service.</summary>
    Console,

    /// <summary>A browser outside the console (Mozilla/...).</summary>
    Browser,

    /// <summary>Scripted HTTP clients and offensive or audit tools (python-requests, curl, Pacu, ScoutSuite, Stratus).</summary>
    ScriptedTool,

    /// <summary>No user agent.</summary>
    Empty,

    /// <summary>Anything else (e.g. a cloud service acting on the principal's behalf).</summary>
    Other,
}

using CstmML.Features.Featurization;

namespace CstmML.Features.Tests.Featurization;

public class UserAgentClassifierTests
{
    [Theory]
    [InlineData(null, UserAgentClass.Empty)]
    [InlineData("  ", UserAgentClass.Empty)]
    [InlineData("aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64.ubuntu.22", UserAgentClass.SdkCli)]
    [InlineData("Boto3/1.34.64 md/Botocore#1.34.64 ua/2.0 os/linux", UserAgentClass.SdkCli)]
    [InlineData("aws-sdk-java/1.12.600 Linux/5.10", UserAgentClass.SdkCli)]
    [InlineData("Terraform/1.7.0 (+https://www.terraform.io) terraform-provider-aws/5.40", UserAgentClass.SdkCli)]
    [InlineData("console.amazonaws.com", UserAgentClass.Console)]
    [InlineData("signin.amazonaws.com", UserAgentClass.Console)]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0", UserAgentClass.Browser)]
    [InlineData("python-requests/2.31.0", UserAgentClass.ScriptedTool)]
    [InlineData("curl/8.5.0", UserAgentClass.ScriptedTool)]
    [InlineData("aws-sdk-go-v2/1.32.3 os/linux lang/go#1.23.1 stratus-red-team_0a05817a", UserAgentClass.ScriptedTool)]
    [InlineData("stratus-red-team_0a05817a-84d2-40d7-afde-8311715b1ee6", UserAgentClass.ScriptedTool)]
    [InlineData("aws-sdk-go-v2/1.32.3 os/linux lang/go#1.23.1 exec-env/grimoire_095724e3 api/sts#1.26.2", UserAgentClass.ScriptedTool)]
    [InlineData("Boto3/1.17 Python/3.9 Pacu", UserAgentClass.ScriptedTool)]
    [InlineData("ScoutSuite/5.14", UserAgentClass.ScriptedTool)]
    [InlineData("AWS Internal", UserAgentClass.Other)]
    [InlineData("lambda.amazonaws.com", UserAgentClass.Other)]
    public void Classify_KnownAgents_GivesTheirClass(string? userAgent, UserAgentClass expected) =>
        Assert.Equal(expected, UserAgentClassifier.Classify(userAgent));
}

namespace CstmML.Cli.Commands;

/// <summary>A problem with the command line or its files that ends the verb with exit code 2 and this message.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

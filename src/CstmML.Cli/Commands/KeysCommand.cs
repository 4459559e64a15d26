using System.CommandLine;
using CstmML.Host.Auth;

namespace CstmML.Cli.Commands;

/// <summary><c>cstm keys new --tenant T</c>: prints a fresh API key and the line to add to the <c>--api-keys</c> file.</summary>
internal static class KeysCommand
{
    public static Command Create(CliEnvironment env)
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant the key is bound to (no spaces).", Required = true };
        var create = new Command("new", "Generate a key (256 random bits). Prints the key once, then the 'TENANT SHA256' line for the keys file; only the hash is stored.");
        create.Options.Add(tenant);
        create.SetAction(parsed => VerbAction.Run(env, () =>
        {
            var t = parsed.GetValue(tenant)!;
            if (t.Length == 0 || t.Any(char.IsWhiteSpace) || t.StartsWith('#'))
            {
                throw new CliUsageException($"--tenant '{t}' must be non-empty, without spaces, and not start with '#'.");
            }

            var key = ApiKeyHash.NewKey();
            env.Out.WriteLine($"key: {key}");
            env.Out.WriteLine($"line: {ApiKeyFile.Line(t, ApiKeyHash.Of(key))}");
            return ExitCodes.Ok;
        }));
        var keys = new Command("keys", "Manage API keys of the scoring host.");
        keys.Subcommands.Add(create);
        return keys;
    }
}

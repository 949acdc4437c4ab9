using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using Iklim.StackSdk.Cli.Diffing;
using Iklim.StackSdk.Cli.Importing;
using Iklim.StackSdk.Cli.Reading;

namespace Iklim.StackSdk.Cli;

/// <summary>
/// <c>iklim-stack</c>: adopt Iklim.StackSdk from existing stack files (<c>import</c>) and prove that nothing changed
/// (<c>diff</c>). Exit codes: 0 success (or no difference), 1 differences found, 2 refused input.
/// </summary>
public static class Program
{
    /// <summary>The exit code of a run that found differences.</summary>
    public const int Different = 1;

    /// <summary>The exit code of refused input: the message says file, line and key.</summary>
    public const int Refused = 2;

    /// <summary>Runs the tool, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Adopt Iklim.StackSdk from existing docker stack files: import them as a C# stack project, then diff the deployments.");
        root.Subcommands.Add(ImportCommand(output, error));
        root.Subcommands.Add(DiffCommand(output, error));
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    private static Command ImportCommand(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "The base stack file, then the overlays deployed over it (docker-stack.yml docker-stack.prod.yml).",
            Arity = ArgumentArity.OneOrMore,
        };
        var name = new Option<string>("--name") { Description = "The stack's name, as given to docker stack deploy.", Required = true };
        var outputDir = new Option<string>("--output", "-o") { Description = "The folder of the stack project; created when missing.", Required = true };
        var profiles = new Option<string[]>("--profile")
        {
            Description = "The profile name of each overlay, in order (default: from the file name, docker-stack.prod.yml gives prod).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("import", "Turn stack files into a C# stack class and project whose build deploys the same thing.") { files, name, outputDir, profiles };
        command.SetAction(parse => Guard(error, () =>
        {
            var paths = parse.GetValue(files)!;
            var result = Importer.Import(paths[0], paths.Skip(1).ToList(), parse.GetValue(profiles) ?? Array.Empty<string>(), parse.GetValue(name)!, parse.GetValue(outputDir)!);
            foreach (var dropped in result.Dropped)
            {
                output.WriteLine("dropped " + dropped);
            }

            foreach (var warning in result.Warnings)
            {
                output.WriteLine("warning " + warning);
            }

            for (var i = 0; i < result.Profiles.Count; i++)
            {
                output.WriteLine($"profile '{result.Profiles[i]}' from {paths[i + 1]}");
            }

            foreach (var written in result.Written)
            {
                output.WriteLine("wrote " + written);
            }

            output.WriteLine("next: dotnet build " + parse.GetValue(outputDir) + ", then iklim-stack diff against the build's deploy/ files.");
            return 0;
        }));
        return command;
    }

    private static Command DiffCommand(TextWriter output, TextWriter error)
    {
        var files = new Option<string[]>("-c", "--compose-file")
        {
            Description = "A stack file; repeat -c for the overlays. The files before --against are the first deployment, the ones after it the second.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var against = new Option<bool>("--against") { Description = "Separates the first deployment's -c files from the second's.", Required = true };
        var command = new Command("diff", "Show how two deployments differ after Docker's merge (service, key, old -> new); exit 0 when they are equal, 1 when not.") { files, against };
        command.SetAction(parse => Guard(error, () =>
        {
            var (left, right) = Sides(parse.Tokens, files);
            if (left.Count == 0 || right.Count == 0)
            {
                error.WriteLine("diff needs -c files on both sides of --against: iklim-stack diff -c A.yml [-c A.prod.yml] --against -c B.yml [-c B.prod.yml]");
                return Refused;
            }

            var differences = StackDiff.Compare(
                Deployment.Effective(left.Select(ComposeReader.Read).ToList()),
                Deployment.Effective(right.Select(ComposeReader.Read).ToList()));
            foreach (var difference in differences)
            {
                output.WriteLine(difference.ToString());
            }

            output.WriteLine(differences.Count == 0 ? "no difference" : $"{differences.Count} difference{(differences.Count == 1 ? string.Empty : "s")}");
            return differences.Count == 0 ? 0 : Different;
        }));
        return command;
    }

    // The parser keeps the tokens in command-line order, which is what tells the two sides apart.
    private static (List<string> Left, List<string> Right) Sides(IReadOnlyList<Token> tokens, Option files)
    {
        var left = new List<string>();
        var right = new List<string>();
        var current = left;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Type == TokenType.Option && token.Value == "--against")
            {
                current = right;
            }
            else if (token.Type == TokenType.Option && (token.Value == files.Name || files.Aliases.Contains(token.Value)) && i + 1 < tokens.Count)
            {
                current.Add(tokens[++i].Value);
            }
        }

        return (left, right);
    }

    private static int Guard(TextWriter error, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (ImportException e)
        {
            error.WriteLine(e.Message);
            return Refused;
        }
    }
}

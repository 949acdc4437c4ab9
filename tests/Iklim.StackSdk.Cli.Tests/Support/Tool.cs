namespace Iklim.StackSdk.Cli.Tests.Support;

/// <summary>Runs iklim-stack in process, as the command line does, and keeps what it printed.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>iklim-stack diff -c left... --against -c right...</c>.</summary>
    public static Result Diff(IEnumerable<string> left, IEnumerable<string> right) =>
        Run(new[] { "diff" }.Concat(left.SelectMany(f => new[] { "-c", f })).Append("--against").Concat(right.SelectMany(f => new[] { "-c", f })).ToArray());
}

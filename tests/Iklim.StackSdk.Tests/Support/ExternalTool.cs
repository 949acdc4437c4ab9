using System.Diagnostics;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>
/// The external checkers (yamllint, shellcheck from Debian; dclint and ajv from npm in eng/lint). A developer
/// machine without them sees the test skipped with the reason; under CI (<c>CI=true</c>) a missing tool fails,
/// because .ci/run installs them all.
/// </summary>
internal static class ExternalTool
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Require(string name)
    {
        var candidates = new[] { Path.Combine(RepositoryRoot, "eng", "lint", "node_modules", ".bin", name) }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)));
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            var reason = $"{name} is not installed (bash .ci/run installs it: apt-get install yamllint shellcheck; npm ci in eng/lint)";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), reason);
            Skip.If(true, reason);
        }

        return found!;
    }

    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a hung tool, not a speed check: dclint over the key-table test's files takes about a minute
        // on a quiet two-core machine and several on a loaded one.
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in {HangGuard}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IklimStackSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IklimStackSdk.sln not found above " + AppContext.BaseDirectory);
    }
}

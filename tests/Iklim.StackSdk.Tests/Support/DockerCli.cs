using System.Diagnostics;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>
/// The docker CLI client as the oracle: <c>docker stack config</c> loads, validates and merges compose files
/// offline, exactly as <c>docker stack deploy</c> will.
/// </summary>
internal static class DockerCli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs <c>docker stack config -c f1 [-c f2]</c>. With interpolation (the default, as at deploy time) every
    /// <c>${VAR:-fallback}</c> takes its fallback: the variables are removed from docker's environment.
    /// </summary>
    public static Result StackConfig(params string[] files) => StackConfig(interpolate: true, files);

    /// <summary>Runs <c>docker stack config</c>, with <c>--skip-interpolation</c> when <paramref name="interpolate"/> is false.</summary>
    public static Result StackConfig(bool interpolate, params string[] files)
    {
        var arguments = new List<string> { "stack", "config" };
        if (!interpolate)
        {
            arguments.Add("--skip-interpolation");
        }

        foreach (var file in files)
        {
            arguments.Add("-c");
            arguments.Add(file);
        }

        // A ${NAME:?message} must be set or docker refuses the file, as at deploy time: give each a dummy value.
        var required = files
            .SelectMany(f => RequiredVariable.Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(n => n, n => "docker-cli-test-" + n.ToLowerInvariant(), StringComparer.Ordinal);
        return Run(arguments, required);
    }

    private static readonly System.Text.RegularExpressions.Regex RequiredVariable = new(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*):?\?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Runs <c>docker stack config</c> and fails the test with docker's own message when it rejects the files.</summary>
    public static string StackConfigOrFail(params string[] files) => StackConfigOrFail(true, files);

    /// <summary>As <see cref="StackConfigOrFail(string[])"/>, choosing whether docker interpolates.</summary>
    public static string StackConfigOrFail(bool interpolate, params string[] files)
    {
        var result = StackConfig(interpolate, files);
        Assert.True(result.ExitCode == 0, $"docker stack config -c {string.Join(" -c ", files)} failed ({result.ExitCode}):\n{result.Error}\n{string.Join("\n---\n", files.Select(File.ReadAllText))}");
        return result.Output;
    }

    public static Result Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Deploy-time variables must not leak in from the machine running the tests.
        foreach (var name in start.Environment.Keys.Where(k => k.EndsWith("_DIR", StringComparison.Ordinal) || k.Contains("PASSWORD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("docker did not finish in 120 s");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }
}

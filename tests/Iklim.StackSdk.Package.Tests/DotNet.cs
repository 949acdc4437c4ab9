using System.Diagnostics;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// Runs the `dotnet` CLI as a child process, bounded in time, leaving no build server behind, with the MSBuild
/// variables that `dotnet test` sets for its own host removed, so the child finds its SDK by itself.
/// </summary>
internal static class DotNet
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

    /// <summary>The switches every child build, pack and restore gets.</summary>
    public static readonly string[] NoServers = ["-nologo", "-tl:off", "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false"];

    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs `dotnet <paramref name="arguments"/>` and returns its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        params string[] arguments) => Run(workingDirectory, environment, DefaultTimeout, arguments);

    public static (int ExitCode, string Output) Run(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        params string[] arguments)
    {
        var start = StartInfo("dotnet", workingDirectory, arguments, environment);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {timeout}:\n{output.Result}{error.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, $"> dotnet {string.Join(' ', arguments)}\n{output.Result}{error.Result}");
    }
}

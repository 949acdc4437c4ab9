using System.Diagnostics;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>Runs a generated init.sh with bash, as an operator would, without any proxy between curl and the test server.</summary>
internal static class InitScript
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(string script, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var name in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "PROFILE", "API_KEY", "APISIX_ADMIN_URL", "REDIS_PASSWORD" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_PROXY"] = "*";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("init.sh did not finish in 60 s");
        }

        return new Outcome(process.ExitCode, output.Result, error.Result);
    }
}

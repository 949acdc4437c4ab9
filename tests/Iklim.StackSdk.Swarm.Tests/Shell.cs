using System.Diagnostics;
using System.Text;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>The result of one command: exit code and captured output.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
{
    public bool Ok => ExitCode == 0;

    public override string ToString() => $"`{CommandLine}` exited {ExitCode}\n{StdOut}{StdErr}".TrimEnd();
}

/// <summary>Runs a program to completion with a timeout; never through a shell, so arguments are passed exactly.</summary>
public static class Shell
{
    public static CommandResult Run(
        string file,
        IEnumerable<string> arguments,
        string? stdin = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var commandLine = file + " " + string.Join(" ", info.ArgumentList.Select(a => a.Contains(' ') || a.Length == 0 ? "'" + a + "'" : a));
        using var process = new Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(commandLine, 127, string.Empty, e.Message);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromSeconds(120)).TotalMilliseconds))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            process.WaitForExit();
            return new CommandResult(commandLine, 124, stdout.ToString(), stderr + $"timed out after {timeout}");
        }

        process.WaitForExit();
        return new CommandResult(commandLine, process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? Which(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

using System.Diagnostics;

namespace Iklim.StackSdk.Build.Tests;

/// <summary>
/// A copy of tests/Fixtures in a temp folder, so every build starts from a clean obj/ and deploy/, and
/// `dotnet build` run on it as a child process that leaves no build server behind.
/// </summary>
internal sealed class FixtureBuild : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly TempFolder _folder = new();

    public FixtureBuild(string project)
    {
        Copy(Path.Combine(RepoRoot, "tests", "Fixtures"), _folder.Path);
        File.WriteAllText(
            _folder.Combine("Directory.Build.props"),
            "<Project>\n  <Import Project=\"" + Path.Combine(RepoRoot, "Directory.Build.props") + "\" />\n</Project>\n");
        ProjectDirectory = _folder.Combine(project);
    }

    /// <summary>The repository root: the folder holding IklimStackSdk.sln above the test assembly.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public string ProjectDirectory { get; }

    public string DeployDirectory => Path.Combine(ProjectDirectory, "deploy");

    public string TempPath(string name) => _folder.Combine(name);

    /// <summary>Runs `dotnet build` on the fixture and returns its exit code and everything it printed.</summary>
    public (int ExitCode, string Output) Build(IReadOnlyDictionary<string, string>? environment = null, params string[] arguments) =>
        BuildIn(ProjectDirectory, environment, arguments);

    /// <summary>Runs `dotnet build` in <paramref name="projectDirectory"/> (a fixture copy or a project of the repository).</summary>
    public static (int ExitCode, string Output) BuildIn(string projectDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", "-nologo", "-tl:off", "-v:m", "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for its own host; a child build must find its SDK by itself.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
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
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in " + Timeout + ":\n" + output.Result);
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>Every file under <paramref name="directory"/> by its '/'-separated relative path, with its bytes.</summary>
    /// <summary>Runs git in <paramref name="directory"/> and returns what it printed; fails the test when git fails.</summary>
    public static string Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    public static SortedDictionary<string, byte[]> Snapshot(string directory) =>
        new(
            Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(file => Path.GetRelativePath(directory, file).Replace('\\', '/'), File.ReadAllBytes),
            StringComparer.Ordinal);

    public static Dictionary<string, DateTime> Timestamps(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(file => file, File.GetLastWriteTimeUtc);

    public void Dispose() => _folder.Dispose();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            if (Path.GetFileName(file) != "Directory.Build.props")
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj" or "deploy"))
            {
                Directory.CreateDirectory(Path.Combine(to, name));
                Copy(directory, Path.Combine(to, name));
            }
        }
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IklimStackSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("IklimStackSdk.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Text.RegularExpressions;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// Once per test run: a copy of the repository's sources in a temp folder (as a clean clone has them: no bin/, obj/
/// or deploy/), packed with `dotnet pack -c Release` into a temporary feed. Consumers made from it live outside the
/// repository, list that feed and the machine's own NuGet sources, and restore into a private NUGET_PACKAGES folder,
/// so the shared package cache never holds an Iklim.StackSdk package.
/// </summary>
public sealed class PackedSdk : IDisposable
{
    private static readonly string[] SourceEntries = ["Directory.Build.props", "global.json", "src", "templates", "docs"];

    private readonly TempFolder _root = new("packed-sdk");

    public PackedSdk()
    {
        try
        {
            (FeedDirectory, PackagesDirectory, PackLog) = Pack();
        }
        catch
        {
            // xunit never disposes a fixture whose constructor threw.
            _root.Dispose();
            throw;
        }

        PackageFile = Directory.GetFiles(FeedDirectory, "Iklim.StackSdk.*.nupkg").Single(file => Regex.IsMatch(Path.GetFileName(file), @"^Iklim\.StackSdk\.[0-9]"));
        TemplatePackageFile = Directory.GetFiles(FeedDirectory, "Iklim.StackSdk.Templates.*.nupkg").Single();
        ToolPackageFile = Directory.GetFiles(FeedDirectory, "Iklim.StackSdk.Cli.*.nupkg").Single();
        Version = Regex.Match(Path.GetFileName(PackageFile), @"^Iklim\.StackSdk\.(.+)\.nupkg$").Groups[1].Value;
        MachineSources = ReadMachineSources();
    }

    /// <summary>The repository root: the folder holding IklimStackSdk.sln above the test assembly.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string PackageFile { get; }

    public string TemplatePackageFile { get; }

    /// <summary>The iklim-stack .NET tool.</summary>
    public string ToolPackageFile { get; }

    public string Version { get; }

    public string PackLog { get; }

    /// <summary>The NuGet sources this machine restores from (`dotnet nuget list source`), which consumers list after the feed.</summary>
    public IReadOnlyList<string> MachineSources { get; }

    /// <summary>What a child `dotnet` process of a consumer needs: the private package folder.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

    /// <summary>A new empty folder outside the repository whose NuGet.config lists the feed first, then the machine's sources.</summary>
    public TempFolder NewConsumerRoot(string purpose)
    {
        var folder = new TempFolder(purpose);
        var sources = string.Concat(MachineSources.Select((source, index) => $"    <add key=\"source{index}\" value=\"{source}\" />\n"));
        File.WriteAllText(
            folder.Combine("NuGet.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n" +
            $"    <add key=\"iklim-feed\" value=\"{FeedDirectory}\" />\n{sources}  </packageSources>\n</configuration>\n");

        // The consumer must not pick up this repository's settings, nor a parent folder's.
        File.WriteAllText(folder.Combine("Directory.Build.props"), "<Project />\n");
        File.WriteAllText(folder.Combine("Directory.Build.targets"), "<Project />\n");
        return folder;
    }

    public void Dispose() => _root.Dispose();

    private (string Feed, string Packages, string Log) Pack()
    {
        var sources = _root.Combine("sources");
        Directory.CreateDirectory(sources);
        foreach (var entry in SourceEntries)
        {
            CopyEntry(Path.Combine(RepoRoot, entry), Path.Combine(sources, entry));
        }

        var feed = _root.Combine("feed");
        var packages = _root.Combine("nuget-packages");
        Directory.CreateDirectory(packages);

        var log = new System.Text.StringBuilder();
        foreach (var project in new[] { "src/Iklim.StackSdk.Package", "templates", "src/Iklim.StackSdk.Cli" })
        {
            var (exitCode, output) = DotNet.Run(sources, null, ["pack", project, "-c", "Release", "-o", feed, .. DotNet.NoServers]);
            log.AppendLine(output);
            if (exitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + log);
            }
        }

        return (feed, packages, log.ToString());
    }

    private IReadOnlyList<string> ReadMachineSources()
    {
        var (exitCode, output) = DotNet.Run(_root.Path, null, TimeSpan.FromMinutes(1), "nuget", "list", "source", "--format", "short");
        if (exitCode != 0)
        {
            throw new InvalidOperationException(output);
        }

        // Lines like "E https://api.nuget.org/v3/index.json": E(nabled) or D(isabled), then the source.
        return output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
    }

    private static void CopyEntry(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Copy(from, to);
            return;
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            if (Path.GetFileName(directory) is not ("bin" or "obj" or "deploy"))
            {
                CopyEntry(directory, Path.Combine(to, Path.GetFileName(directory)));
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

/// <summary>Every test class that needs the packed SDK shares one pack per run and runs one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackedSdkCollection : ICollectionFixture<PackedSdk>
{
    public const string Name = "Packed SDK";
}

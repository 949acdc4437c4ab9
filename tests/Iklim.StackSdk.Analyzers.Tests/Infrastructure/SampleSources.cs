namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// samples/IklimProd as a test compiles it: the stack's source, and the source of the conventions library it calls
/// into (samples/IklimProd.Conventions), which a test compilation holds beside it instead of a project reference.
/// </summary>
internal static class SampleSources
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>samples/IklimProd/InfraStack.cs.</summary>
    public static string Stack => File.ReadAllText(Path.Combine(RepoRoot, "samples", "IklimProd", "InfraStack.cs"));

    /// <summary>The .cs files of samples/IklimProd.Conventions, in ordinal order of their names.</summary>
    public static IReadOnlyList<string> Conventions =>
        Directory.GetFiles(Path.Combine(RepoRoot, "samples", "IklimProd.Conventions"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();

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

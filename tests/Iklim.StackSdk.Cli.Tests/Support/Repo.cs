namespace Iklim.StackSdk.Cli.Tests.Support;

/// <summary>Paths of the repository and of the test data copied beside the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Data(params string[] parts) => Path.Combine(new[] { AppContext.BaseDirectory }.Concat(parts).ToArray());

    private static string FindRoot()
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

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// A stack project as a newcomer makes one: `dotnet new classlib` in a folder outside the repository, then
/// `dotnet add package Iklim.StackSdk`, then a stack file.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private readonly PackedSdk _sdk;
    private readonly TempFolder _root;

    public ConsumerProject(PackedSdk sdk, string name)
    {
        _sdk = sdk;
        _root = sdk.NewConsumerRoot(name.ToLowerInvariant());
        Name = name;
        Directory = _root.Combine(name);

        Expect(DotNet.Run(_root.Path, sdk.ConsumerEnvironment, "new", "classlib", "-n", name, "-o", Directory));
        File.Delete(Path.Combine(Directory, "Class1.cs"));
        Expect(DotNet.Run(Directory, sdk.ConsumerEnvironment, "add", "package", "Iklim.StackSdk", "--version", sdk.Version));
    }

    public string Name { get; }

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string DeployDirectory => Path.Combine(Directory, "deploy");

    public string Write(string fileName, string text)
    {
        var path = Path.Combine(Directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public (int ExitCode, string Output) Build() =>
        DotNet.Run(Directory, _sdk.ConsumerEnvironment, ["build", "-v:m", .. DotNet.NoServers]);

    public void Dispose() => _root.Dispose();

    /// <summary>The 1-based (line, column) of the first occurrence of <paramref name="snippet"/>, as the compiler prints it.</summary>
    public static (int Line, int Column) Position(string text, string snippet)
    {
        var index = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0, snippet + " not in the stack file");
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    private static void Expect((int ExitCode, string Output) result) => Assert.True(result.ExitCode == 0, result.Output);
}

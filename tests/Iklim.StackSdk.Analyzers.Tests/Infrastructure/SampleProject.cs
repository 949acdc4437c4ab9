using Iklim.StackSdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// samples/IklimProd as the tests compile it: its stack source, and its conventions library compiled on its own with
/// the SDK's generator (so the library carries its source, as its real build does) and referenced as metadata.
/// </summary>
internal static class SampleProject
{
    private static readonly Lazy<byte[]> ConventionsImage = new(CompileConventions);

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>samples/IklimProd/InfraStack.cs.</summary>
    public static string InfraStackSource => File.ReadAllText(Path.Combine(RepoRoot, "samples", "IklimProd", "InfraStack.cs"));

    /// <summary>The compiled conventions library by assembly name, for compilations and for loading at runtime.</summary>
    public static IReadOnlyDictionary<string, byte[]> Libraries => new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["IklimProd.Conventions"] = ConventionsImage.Value };

    public static MetadataReference Conventions => MetadataReference.CreateFromImage(ConventionsImage.Value);

    private static byte[] CompileConventions()
    {
        var folder = Path.Combine(RepoRoot, "samples", "IklimProd.Conventions");
        var trees = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: f));
        var compilation = (Compilation)CSharpCompilation.Create(
            "IklimProd.Conventions",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new StackArtefactGenerator().AsSourceGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        if (!emit.Success)
        {
            throw new InvalidOperationException("samples/IklimProd.Conventions does not compile: " + string.Join("\n", emit.Diagnostics));
        }

        return image.ToArray();
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

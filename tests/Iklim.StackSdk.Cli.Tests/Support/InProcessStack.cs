using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Iklim.StackSdk.Cli.Tests.Support;

/// <summary>
/// The fast form of "build the imported project": compiles the generated C# against the SDK with Roslyn, runs the
/// stack class on the SDK's runtime builders and returns its model. The real `dotnet build` (the generator) is in
/// <see cref="ImportedProjectBuildTests"/>.
/// </summary>
internal static class InProcessStack
{
    private static readonly MetadataReference[] References =
        Net100.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(typeof(StackBuilder).Assembly.Location)).ToArray();

    public static StackModel Build(string code)
    {
        var compilation = CSharpCompilation.Create(
            "Imported" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)) },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emitted.Success && problems.Count == 0, "the imported C# does not compile cleanly:\n" + string.Join("\n", problems) + "\n" + code);

        image.Position = 0;
        var context = new AssemblyLoadContext("imported", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var type = assembly.GetTypes().Single(t => typeof(IStackDefinition).IsAssignableFrom(t));
            var stack = type.GetCustomAttribute<StackAttribute>()!;
            var builder = new StackBuilder(stack.Name, stack.BaseFile);
            ((IStackDefinition)Activator.CreateInstance(type)!).Configure(builder);
            var result = builder.Build();
            var errors = result.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "the imported stack has errors:\n" + string.Join("\n", errors.Select(e => e.Id + " " + e.Message)));
            return result.Model;
        }
        finally
        {
            context.Unload();
        }
    }
}

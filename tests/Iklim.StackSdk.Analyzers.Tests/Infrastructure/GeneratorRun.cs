using Iklim.StackSdk.Generators;
using Iklim.StackSdk.Generators.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>Drives <see cref="StackArtefactGenerator"/> with step tracking and reads its manifest back.</summary>
internal static class GeneratorRun
{
    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new StackArtefactGenerator().AsSourceGenerator() },
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static IReadOnlyList<ManifestStack> Manifest(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var manifest = Assert.Single(result.GeneratedSources);
        Assert.Equal(ArtefactManifest.HintName, manifest.HintName);
        return ArtefactManifest.Read(manifest.SourceText.ToString());
    }

    public static IReadOnlyList<ManifestStack> Run(params string[] sources) =>
        Manifest(CreateDriver().RunGenerators(StackCompilation.Create(sources).Compilation));
}

using System.Collections.Immutable;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Analyzers.Tests.Fuzz;

/// <summary>
/// The fuzz run's findings, minimised by hand: each source once made the analyzers or the generator crash, or made
/// them disagree. <see cref="CompilerSideFuzzTests.Check"/> is the fuzz run's own verdict on one source.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string, string> Sources => new()
    {
        // Found as "duplicate token 'Configure'": the generator held the stack back with IKS0001 (no Configure), the
        // analyzer said nothing, so only the build task's message told why no artefact was written.
        {
            "no Configure",
            """
            using Iklim.StackSdk;
            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition { public void ConfigureConfigure(IStackBuilder stack) { } }
            """
        },
        {
            "no IStackDefinition",
            """
            using Iklim.StackSdk;
            [Stack("iklimco")]
            public sealed class InfraStack { }
            """
        },
        {
            "abstract Configure",
            """
            using Iklim.StackSdk;
            [Stack("iklimco")]
            public abstract class InfraStack : IStackDefinition { public abstract void Configure(IStackBuilder stack); }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Variant_HasNoDefect(string name, string source)
    {
        var result = CompilerSideFuzzTests.Check(source);
        Assert.True(result.Defects.Count == 0, name + ": " + result);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task StackWithoutConfigureBody_AnalyzerReportsWhatTheGeneratorBlocksOn(string name, string source)
    {
        var diagnostics = await StackCompilation.Create(source).Compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StackDefinitionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.True(diagnostics.Any(d => d.Id == "IKS0001"), name + ": " + string.Join(" | ", diagnostics));
        Assert.True(Assert.Single(GeneratorRun.Run(source)).Blocked);
    }
}

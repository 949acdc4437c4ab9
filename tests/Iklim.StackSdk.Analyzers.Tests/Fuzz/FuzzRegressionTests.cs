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

    // Found by seed 20261126 (variants 653, 884, 6179, 7751, 9306: a literal replaced by "\uD800"): YamlDotNet threw
    // on the unpaired surrogate while emitting, so the generator blocked with an internal error the analyzer never
    // reported. The builders now reject such text, which makes it IKS0002 at the argument.
    public static TheoryData<string, string> UnpairedSurrogates => new()
    {
        { "environment value", "stack.Service(\"redis\").Image(\"redis:7.2.5-alpine\").Environment(\"A\", {|IKS0002:\"\\uD800\"|});" },
        { "label, concatenated", "stack.Service(\"redis\").Image(\"redis:7.2.5-alpine\").Label(\"project\", {|IKS0002:\"\\uD800\" + \"\\uD800\"|});" },
        { "interpolated alias", "stack.Network(\"net\"); stack.Service(\"redis\").Image(\"redis:7.2.5-alpine\").Network(\"net\", {|IKS0002:$\"\\uDC00{Swarm.NodeHostname}\"|});" },
    };

    // Found by the idiomatic mutation fuzz (seed 20261201, variants 109 and 141): a literal of the wrong type in a
    // helper is a compiler error, and the evaluator, following the helper anyway, failed with an internal error
    // ("please report this") instead of leaving the stack to the compiler's error.
    public static TheoryData<string, string> HelperTypeErrors => new()
    {
        {
            "static readonly string initialised with an int",
            """
            using Iklim.StackSdk;
            internal static class Conventions { public static readonly string Network = 1; }
            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition { public void Configure(IStackBuilder stack) { stack.Network(Conventions.Network); } }
            """
        },
        {
            "recursive helper returning a string where an int is due",
            """
            using Iklim.StackSdk;
            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition
            {
                private static int Depth(int n) => n <= 1 ? "{{.Node.Hostname}}" : 1 + Depth(n / 2);
                public void Configure(IStackBuilder stack) { stack.Service("deep").Image("nginx:1.27").Replicas(Depth(3)); }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(HelperTypeErrors))]
    public void HelperWithATypeError_HasNoDefect(string name, string source)
    {
        var result = CompilerSideFuzzTests.Check(source);
        Assert.True(result.Defects.Count == 0, name + ": " + result);
    }

    [Theory]
    [MemberData(nameof(UnpairedSurrogates))]
    public async Task UnpairedSurrogate_IsIks0002AtTheArgument_AndBlocksTheStack(string name, string statement)
    {
        var source = "using Iklim.StackSdk;\n[Stack(\"iklimco\")]\npublic sealed class InfraStack : IStackDefinition\n{\n    public void Configure(IStackBuilder stack)\n    {\n        " + statement + "\n    }\n}\n";
        var plain = source.Replace("{|IKS0002:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);
        var diagnostics = await StackCompilation.Create(plain).Compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StackDefinitionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var error = Assert.Single(diagnostics, d => d.Id == "IKS0002");
        var expectedStart = source.IndexOf("{|IKS0002:", StringComparison.Ordinal);
        Assert.True(expectedStart == error.Location.SourceSpan.Start, name + ": " + error);
        Assert.True(Assert.Single(GeneratorRun.Run(plain)).Blocked, name);
        Assert.True(CompilerSideFuzzTests.Check(plain).Defects.Count == 0, name + ": " + CompilerSideFuzzTests.Check(plain));
    }

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

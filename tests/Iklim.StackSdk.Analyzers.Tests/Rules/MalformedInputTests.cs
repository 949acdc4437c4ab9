using System.Collections.Immutable;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>Code being typed is often broken: neither the analyzer (AD0001) nor the generator (CS8785) may crash on it.</summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> Bodies => new()
    {
        "stack.Service(",
        "stack.Service().Replicas(\"three\");",
        "stack.Service(\"redis\").Replicas();",
        "stack.Service(42).Image(null);",
        "stack.Service(\"redis\").Image(null!);",
        "stack.Service(\"redis\").Command(null!);",
        "stack.Service(\"redis\").Healthcheck(null!);",
        "stack.Profile(\"prod\", null!);",
        "stack.Profile(\"prod\", (a, b) => { });",
        "stack.Profile(\"prod\", prod => prod.Service(\"x\").Replicas(int.Parse(\"1\")));",
        "stack.Profile(\"prod\", prod => { return; });",
        "stack.Unknown(\"x\");",
        "var s = stack.Service(\"redis\"); s = null; s.Image(\"redis:7\");",
        "IServiceBuilder s = null!; s.Image(\"redis:7\");",
        "default(IStackBuilder)!.Service(\"x\");",
        "Configure(stack);",
        "foreach (var x in 42) { stack.Service(x); }",
        "foreach (var (a, b) in new[] { (1, 2) }) { }",
        "stack.Service(\"a\").Port(70000, -1, (PortProtocol)42, (PortMode)(-3));",
        "stack.Service(\"a\").Network(\"n\", null!);",
        "stack.Service(\"a\").Network(\"n\", new string[] { null! });",
        "stack.Service($\"{new object()}\");",
        "stack.Service(\"a\").Replicas(checked(int.MaxValue + 1));",
        "stack.Service(\"a\").Image(\"x\" + null);",
        "throw new System.Exception();",
        "stack.Service(\"a\").Replicas(1) +",
        "lock (stack) { }",
        "stack?.Service(\"a\");",
        "var f = (string n) => stack.Service(n); f(\"a\");",
        "stack.Service(\"a\").Command([.. new[] { \"a\" }, \"b\"]);",
    };

    public static TheoryData<string> Classes => new()
    {
        "[Stack] public sealed class InfraStack : IStackDefinition { public void Configure(IStackBuilder stack) { } }",
        "[Stack(42)] public sealed class InfraStack : IStackDefinition { public void Configure(IStackBuilder stack) { } }",
        "[Stack(\"ok\", BaseFile = \"a/b.yml\")] public sealed class InfraStack : IStackDefinition { public void Configure(IStackBuilder stack) { } }",
        "[Stack(\"ok\")] public sealed class InfraStack { }",
        "[Stack(\"ok\")] public sealed class InfraStack : IStackDefinition { public void Configure(IStackBuilder stack); }",
        "[Stack(\"ok\")] public abstract class InfraStack : IStackDefinition { public abstract void Configure(IStackBuilder stack); }",
        "[Stack(\"ok\")] public sealed partial class InfraStack : IStackDefinition { public partial void Configure(IStackBuilder stack); }",
        "[Stack(\"ok\")] public sealed class InfraStack : IStackDefinition { void IStackDefinition.Configure(IStackBuilder stack) { stack.Service(\"a\"); } }",
        "[Stack(\"ok\")] public sealed class InfraStack : IStackDefinition { public void Configure(IStackBuilder stack) { stack.Service(\"a\") } ",
        "[Stack(\"ok\")] public sealed class InfraStack<T> : IStackDefinition { public void Configure(IStackBuilder stack) { stack.Service(typeof(T).Name); } }",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public Task MalformedConfigureBody_DoesNotCrash(string body) =>
        AssertNoCrash($$"""
            using Iklim.StackSdk;

            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
                    {{body}}
                }
            }
            """);

    [Theory]
    [MemberData(nameof(Classes))]
    public Task MalformedStackClass_DoesNotCrash(string declaration) =>
        AssertNoCrash("using Iklim.StackSdk;\n" + declaration);

    private static async Task AssertNoCrash(string source)
    {
        var compilation = StackCompilation.Create(source).Compilation;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new StackDefinitionAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("IKS", StringComparison.Ordinal) && d.Location == Location.None);

        var run = GeneratorRun.CreateDriver().RunGenerators(compilation).GetRunResult();
        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        Assert.Single(run.GeneratedTrees);
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>
/// The policy rules obey what users expect of any analyzer: .editorconfig severities, #pragma and [SuppressMessage].
/// Run through a workspace, as an IDE or the build does, so that severities and suppressions are applied for real.
/// </summary>
public sealed class SuppressionConventionTests
{
    private const string Stack = """
        using Iklim.StackSdk;

        [Stack("iklimco")]
        public sealed class InfraStack : IStackDefinition
        {
            public void Configure(IStackBuilder stack)
            {
                stack.Service("rabbitmq").Image("rabbitmq:3.13-management").Replicas(3);
            }
        }
        """;

    [Fact]
    public async Task EditorConfigSeverityError_RaisesIt()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync("dotnet_diagnostic.IKS0101.severity = error"));
        Assert.Equal(("IKS0101", DiagnosticSeverity.Error, "Replicas(3)"), (diagnostic.Id, diagnostic.Severity, Spanned(diagnostic)));
    }

    [Fact]
    public async Task EditorConfigSeverityNone_SilencesIt() =>
        Assert.Empty(await AnalyzeAsync("dotnet_diagnostic.IKS0101.severity = none"));

    [Fact]
    public async Task EditorConfigCategorySeverity_RaisesIt()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync("dotnet_analyzer_diagnostic.category-Iklim.StackSdk.severity = error"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public async Task EditorConfigOfAnotherRule_LeavesItAWarning()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync("dotnet_diagnostic.IKS0107.severity = error"));
        Assert.Equal(("IKS0101", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public async Task PragmaWarningDisable_SuppressesIt()
    {
        var diagnostics = await WorkspaceAnalysis.RunAsync(new StackDefinitionAnalyzer(), """
            using Iklim.StackSdk;

            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
            #pragma warning disable IKS0101
                    stack.Service("rabbitmq").Image("rabbitmq:3.13-management").Replicas(3);
            #pragma warning restore IKS0101
                    stack.Service("etcd").Image("quay.io/coreos/etcd:v3.5.17").Replicas(3);
                }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("service 'etcd' runs 3 replicas", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuppressMessageOnTheClass_SuppressesIt()
    {
        var diagnostics = await WorkspaceAnalysis.RunAsync(new StackDefinitionAnalyzer(), """
            using System.Diagnostics.CodeAnalysis;
            using Iklim.StackSdk;

            [Stack("iklimco")]
            [SuppressMessage("Iklim.StackSdk", "IKS0101", Justification = "the volume is node-local by design")]
            public sealed class InfraStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack)
                {
                    stack.Service("rabbitmq").Image("rabbitmq:3.13-management").Replicas(3).Environment("RABBITMQ_DEFAULT_PASS", "guest");
                }
            }
            """);

        Assert.Equal("IKS0108", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task SuppressMessageOnConfigure_SuppressesIt()
    {
        var diagnostics = await WorkspaceAnalysis.RunAsync(new StackDefinitionAnalyzer(), """
            using System.Diagnostics.CodeAnalysis;
            using Iklim.StackSdk;

            [Stack("iklimco")]
            public sealed class InfraStack : IStackDefinition
            {
                [SuppressMessage("Iklim.StackSdk", "IKS0101:Replicated stateful service without max_replicas_per_node")]
                public void Configure(IStackBuilder stack)
                {
                    stack.Service("rabbitmq").Image("rabbitmq:latest").Replicas(3);
                }
            }
            """);

        Assert.Equal("IKS0107", Assert.Single(diagnostics).Id);
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string setting) =>
        WorkspaceAnalysis.RunAsync(new StackDefinitionAnalyzer(), Stack, $"root = true\n\n[*.cs]\n{setting}\n");

    private static string Spanned(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}

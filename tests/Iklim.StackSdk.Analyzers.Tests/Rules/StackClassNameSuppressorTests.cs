using System.Collections.Immutable;
using Iklim.StackSdk.Analyzers.Rules;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

/// <summary>CA1711 ("incorrect suffix") is suppressed on [Stack] classes only.</summary>
public sealed class StackClassNameSuppressorTests
{
    [Fact]
    public async Task StackClassEndingInStack_IsSuppressed_OtherClassIsNot()
    {
        var compilation = StackCompilation.Create("""
            using Iklim.StackSdk;

            [Stack("payments")]
            public sealed class PaymentsStack : IStackDefinition
            {
                public void Configure(IStackBuilder stack) => stack.Service("api").Image("nginx:1.27.2");
            }

            public sealed class WorkStack
            {
            }
            """).Compilation;

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SuffixAnalyzer(), new StackClassNameSuppressor());
        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync();

        var byClass = diagnostics.Where(d => d.Id == "CA1711").ToDictionary(d => d.GetMessage(), d => d.IsSuppressed);
        Assert.Equal(new Dictionary<string, bool> { ["PaymentsStack"] = true, ["WorkStack"] = false }, byClass);
    }

    // A test double, never shipped: the analyzer-authoring rules for real analyzers (reserved IDs, release tracking,
    // target framework, workspace references) do not apply to it.
#pragma warning disable RS1029, RS1036, RS1038, RS1041, RS2008

    /// <summary>Stands in for the .NET analyzers' CA1711: it reports every class whose name ends in "Stack", at its name.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class SuffixAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("CA1711", "Identifiers should not have incorrect suffix", "{0}", "Naming", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(
                symbol =>
                {
                    if (symbol.Symbol.Name.EndsWith("Stack", StringComparison.Ordinal))
                    {
                        symbol.ReportDiagnostic(Diagnostic.Create(Rule, symbol.Symbol.Locations[0], symbol.Symbol.Name));
                    }
                },
                SymbolKind.NamedType);
        }
    }
#pragma warning restore RS1029, RS1036, RS1038, RS1041, RS2008
}

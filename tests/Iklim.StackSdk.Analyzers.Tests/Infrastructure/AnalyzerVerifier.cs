using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>Runs <typeparamref name="TAnalyzer"/> on a snippet with <c>{|IKSnnnn:...|}</c> markup.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Iklim.StackSdk.Analyzers.Tests.Infrastructure;

/// <summary>Applies <typeparamref name="TCodeFix"/> to the diagnostics of <typeparamref name="TAnalyzer"/> in a snippet with <c>{|IKSnnnn:...|}</c> markup.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// Checks that the fix with <paramref name="equivalenceKey"/> turns <paramref name="source"/> into
    /// <paramref name="fixedSource"/>, one diagnostic at a time and all at once (fix-all in document, project and
    /// solution). Pass the source itself as <paramref name="fixedSource"/> to check that no such fix is offered.
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string equivalenceKey)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }
}

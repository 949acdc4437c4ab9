using Iklim.StackSdk.Analyzers.Evaluation;
using Iklim.StackSdk.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Tests.Evaluation;

/// <summary>Every public DSL member the SDK declares is one the evaluator recognises and can run on the runtime builders.</summary>
public sealed class SdkSurfaceTests
{
    [Fact]
    public void EveryPublicDslMethod_IsRecognisedAndHasItsRuntimeMethod()
    {
        var compilation = StackCompilation.Create("public sealed class Empty { }").Compilation;
        var sdk = compilation.GetTypeByMetadataName("Iklim.StackSdk.IStackBuilder")!.ContainingAssembly;
        var dslTypes = AllTypes(sdk.GlobalNamespace)
            .Where(t => t.DeclaredAccessibility == Accessibility.Public && (t.TypeKind == TypeKind.Interface || (t.IsStatic && t.TypeKind == TypeKind.Class)))
            .ToList();
        var methods = dslTypes
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsGenericMethod && m.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet)
            .ToList();

        Assert.Contains(dslTypes, t => t.Name == "IServiceBuilder");
        Assert.True(methods.Count > 50, $"only {methods.Count} DSL methods found");
        var unrecognised = methods.Where(m => !SdkMethods.IsSdkMethod(m)).Select(m => m.ToDisplayString()).ToList();
        var unresolved = methods.Where(m => SdkMethods.Find(m) is null).Select(m => m.ToDisplayString()).ToList();
        Assert.Empty(unrecognised);
        Assert.Empty(unresolved);
    }

    // The public API files (PublicAPI.*.txt, guarded by PublicApiAnalyzers) are the contract; what the evaluator runs
    // must be exactly the DSL part of it, so a method added to the surface cannot be left out of evaluation or vice versa.
    [Fact]
    public void TheMethodsTheEvaluatorRuns_AreTheDslMethodsOfThePublicApiFiles()
    {
        var compilation = StackCompilation.Create("public sealed class Empty { }").Compilation;
        var sdk = compilation.GetTypeByMetadataName("Iklim.StackSdk.IStackBuilder")!.ContainingAssembly;
        var recognised = AllTypes(sdk.GlobalNamespace)
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .Where(SdkMethods.IsSdkMethod)
            .Select(ApiName)
            .ToHashSet(StringComparer.Ordinal);
        var dslTypes = AllTypes(sdk.GlobalNamespace)
            .Where(t => t.DeclaredAccessibility == Accessibility.Public && (t.TypeKind == TypeKind.Interface || (t.IsStatic && t.TypeKind == TypeKind.Class)))
            .Select(t => t.ToDisplayString())
            .ToHashSet(StringComparer.Ordinal);
        var declared = PublicApiLines()
            .Where(line => !line.StartsWith("const ", StringComparison.Ordinal) && !line.Contains("<T>", StringComparison.Ordinal))
            .Select(line => line.StartsWith("static ", StringComparison.Ordinal) ? line.Substring("static ".Length) : line)
            .Select(MemberName)
            .Where(name => name.LastIndexOf('.') > 0 && dslTypes.Contains(TypeOf(name)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(declared.Count > 50, $"only {declared.Count} DSL methods in the public API files");
        Assert.Empty(declared.Except(recognised).Order(StringComparer.Ordinal));
        Assert.Empty(recognised.Except(declared).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ATypeOfTheSameNamespaceInAnotherAssembly_IsNotTheSdk()
    {
        var compilation = StackCompilation.Create("""
            namespace Iklim.StackSdk
            {
                public static class Lookalike
                {
                    public static string Var(string name) => name;
                }
            }
            """).Compilation;
        var method = compilation.GetTypeByMetadataName("Iklim.StackSdk.Lookalike")!.GetMembers("Var").OfType<IMethodSymbol>().Single();

        Assert.False(SdkMethods.IsSdkMethod(method));
    }

    private static string ApiName(IMethodSymbol method) =>
        method.ContainingType.ToDisplayString() + "." + (method.MethodKind == MethodKind.PropertyGet ? method.AssociatedSymbol!.Name + ".get" : method.Name);

    // "N.T.M(string! a) -> R" is method M; "N.T.P.get -> R" is P's getter; "N.T" alone is the type.
    private static string MemberName(string line)
    {
        var end = line.IndexOfAny(new[] { '(', ' ' });
        return end < 0 ? line : line.Substring(0, end);
    }

    private static string TypeOf(string member)
    {
        var name = member.EndsWith(".get", StringComparison.Ordinal) ? member.Substring(0, member.Length - 4) : member;
        return name.Substring(0, Math.Max(0, name.LastIndexOf('.')));
    }

    private static IEnumerable<string> PublicApiLines() =>
        new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(SampleProject.RepoRoot, "src", "Iklim.StackSdk", file)))
            .Where(line => line.Length > 0 && !line.StartsWith('#'));

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));
}

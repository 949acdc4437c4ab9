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

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));
}

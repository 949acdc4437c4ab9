using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers.Evaluation;

/// <summary>
/// Maps the SDK methods a stack calls (DSL interface methods and static helpers such as <c>Env.Var</c>) to the
/// <see cref="MethodInfo"/> of the Iklim.StackSdk assembly loaded beside the analyzer. The evaluator invokes the very
/// code that runs at runtime, which is what makes the static model equal the runtime one.
/// </summary>
internal static class SdkMethods
{
    private static readonly Assembly Sdk = typeof(IStackBuilder).Assembly;

    private static readonly ConcurrentDictionary<string, MethodInfo?> Cache = new(StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<IMethodSymbol, RuntimeMethod> BySymbol = new();

    /// <summary>True for methods the evaluator may run: members of the SDK's public interfaces and static classes.</summary>
    public static bool IsSdkMethod(IMethodSymbol method) => Resolved(method).IsSdk;

    /// <summary>True when <paramref name="assembly"/> is the Iklim.StackSdk library (by identity name, not by namespace).</summary>
    public static bool IsSdkAssembly(IAssemblySymbol? assembly) => assembly?.Identity.Name == SdkAssemblyName;

    private static readonly string SdkAssemblyName = Sdk.GetName().Name!;

    private static bool IsSdkMethodCore(IMethodSymbol method)
    {
        var type = method.ContainingType;
        // The DSL is every public interface and static class of the SDK assembly; its generic helpers (ValueList.Of<T>)
        // belong to the model, not to what stack code calls.
        if (type is null || type.ContainingType is not null || !IsSdkAssembly(type.ContainingAssembly) || type.DeclaredAccessibility != Accessibility.Public || method.IsGenericMethod)
        {
            return false;
        }

        return type.TypeKind == TypeKind.Interface || (type.IsStatic && method.IsStatic);
    }

    /// <summary>The runtime method for <paramref name="method"/>, or null when this SDK version has none.</summary>
    public static MethodInfo? Find(IMethodSymbol method) => Resolved(method).Method;

    /// <summary>The parameters of <see cref="Find"/>'s method, read once (reflection copies them on every call).</summary>
    public static ParameterInfo[] Parameters(IMethodSymbol method) => Resolved(method).Parameters;

    // A stack calls the same few methods thousands of times: resolve each symbol once, and each signature once per process.
    private static RuntimeMethod Resolved(IMethodSymbol method) => BySymbol.GetValue(method, static symbol =>
    {
        if (!IsSdkMethodCore(symbol))
        {
            return new RuntimeMethod(false, null, Array.Empty<ParameterInfo>());
        }

        var definition = symbol.ReducedFrom ?? symbol;
        var runtime = Cache.GetOrAdd(Signature(definition), _ => Resolve(definition));
        return new RuntimeMethod(true, runtime, runtime?.GetParameters() ?? Array.Empty<ParameterInfo>());
    });

    /// <summary>The runtime type of an SDK type symbol (enums, interfaces), or null.</summary>
    public static Type? RuntimeType(ITypeSymbol type) => IsSdkAssembly(type.ContainingAssembly)
        ? Sdk.GetType(Canonical(type), throwOnError: false)
        : null;

    public static string Canonical(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Canonical(array.ElementType) + "[]",
        INamedTypeSymbol { IsGenericType: true } named =>
            Qualified(named.ConstructedFrom) + "[" + string.Join(",", named.TypeArguments.Select(Canonical)) + "]",
        _ => Qualified(type),
    };

    public static string Canonical(Type type)
    {
        if (type.IsArray)
        {
            return Canonical(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType)
        {
            return type.GetGenericTypeDefinition().FullName + "[" + string.Join(",", type.GetGenericArguments().Select(Canonical)) + "]";
        }

        return type.FullName ?? type.Name;
    }

    private static string Qualified(ITypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return Qualified(outer) + "+" + type.MetadataName;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? type.MetadataName : ns.ToDisplayString() + "." + type.MetadataName;
    }

    private static string Signature(IMethodSymbol method) =>
        Canonical(method.ContainingType) + "." + method.Name + "(" + string.Join(",", method.Parameters.Select(p => Canonical(p.Type))) + ")";

    private static MethodInfo? Resolve(IMethodSymbol method)
    {
        var type = Sdk.GetType(Canonical(method.ContainingType), throwOnError: false);
        if (type is null || method.IsGenericMethod)
        {
            return null;
        }

        var parameters = method.Parameters.Select(p => Canonical(p.Type)).ToArray();
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == method.Name
                && m.IsStatic == method.IsStatic
                && m.GetParameters().Select(p => Canonical(p.ParameterType)).SequenceEqual(parameters, StringComparer.Ordinal));
    }
}

/// <summary>What a method symbol maps to: whether the evaluator may run it, and its runtime method and parameters.</summary>
internal sealed class RuntimeMethod
{
    public RuntimeMethod(bool isSdk, MethodInfo? method, ParameterInfo[] parameters)
    {
        IsSdk = isSdk;
        Method = method;
        Parameters = parameters;
    }

    public bool IsSdk { get; }

    public MethodInfo? Method { get; }

    public ParameterInfo[] Parameters { get; }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers;

/// <summary>One <see cref="DiagnosticDescriptor"/> per rule ID.</summary>
public static class Descriptors
{
    private const string Category = "Iklim.StackSdk";

    /// <summary>IKS0001: an expression cannot be evaluated at compile time.</summary>
    public static readonly DiagnosticDescriptor NotEvaluable = Create(
        RuleIdentifiers.NotEvaluable,
        "Stack code must be evaluable at compile time",
        DiagnosticSeverity.Error,
        "The build evaluates Configure without running it: only literals, consts, enum members, interpolated strings, arrays, locals assigned once, Env.Var, Swarm.* and foreach over an array can be followed.");

    /// <summary>IKS0002: a DSL call received an invalid value.</summary>
    public static readonly DiagnosticDescriptor InvalidValue = Create(
        RuleIdentifiers.InvalidValue,
        "Invalid value in a stack definition",
        DiagnosticSeverity.Error,
        "The SDK rejects this value at runtime too: it would throw ArgumentException when Configure runs.");

    /// <summary>IKS0003: a reference to an undeclared network, secret, config or volume.</summary>
    public static readonly DiagnosticDescriptor UndeclaredReference = Create(
        RuleIdentifiers.UndeclaredReference,
        "Reference to an undeclared network, secret, config or volume",
        DiagnosticSeverity.Error,
        "docker stack deploy rejects a stack whose services use top-level objects that the stack does not declare.");

    /// <summary>IKS0004: a profile change that no overlay can express.</summary>
    public static readonly DiagnosticDescriptor InexpressibleOverlayChange = Create(
        RuleIdentifiers.InexpressibleOverlayChange,
        "Profile change that an overlay cannot express",
        DiagnosticSeverity.Error,
        "Overlays are merged by Docker's rules: some changes (dropping a base constraint, emptying a value) cannot be written as an overlay.");

    /// <summary>IKS0005: the same service, resource or profile declared twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateDeclaration = Create(
        RuleIdentifiers.DuplicateDeclaration,
        "Declared twice",
        DiagnosticSeverity.Warning,
        "A second declaration continues the first one, which usually hides a copy-paste mistake.");

    /// <summary>IKS0102: a local rate-limit counter on a gateway with more than one task.</summary>
    public static readonly DiagnosticDescriptor LocalRateLimitOnReplicatedGateway = Create(
        RuleIdentifiers.LocalRateLimitOnReplicatedGateway,
        "Local rate limit on a replicated gateway",
        DiagnosticSeverity.Warning,
        "With policy local every APISIX instance counts alone, so n gateway tasks allow n times the limit; policy redis shares one counter.");

    /// <summary>IKS0109: a consistent-hash upstream without per-node aliases.</summary>
    public static readonly DiagnosticDescriptor ConsistentHashWithoutPerNodeAliases = Create(
        RuleIdentifiers.ConsistentHashWithoutPerNodeAliases,
        "Consistent-hash upstream without per-node aliases",
        DiagnosticSeverity.Warning,
        "chash needs one upstream node per task: a Swarm VIP spreads connections anyway, and a per-node name that no alias declares does not resolve.");

    /// <summary>Every descriptor, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        NotEvaluable, InvalidValue, UndeclaredReference, InexpressibleOverlayChange, DuplicateDeclaration, LocalRateLimitOnReplicatedGateway, ConsistentHashWithoutPerNodeAliases);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    /// <summary>The descriptor of <paramref name="id"/>, or null when this analyzer version does not know it.</summary>
    public static DiagnosticDescriptor? For(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity, string description) =>
        new(id, title, "{0}", Category, severity, isEnabledByDefault: true, description, RuleIdentifiers.GetHelpUri(id));
}

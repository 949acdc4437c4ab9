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

    /// <summary>IKS0005: in one scope, a later call changes a value an earlier call set.</summary>
    public static readonly DiagnosticDescriptor DuplicateDeclaration = Create(
        RuleIdentifiers.DuplicateDeclaration,
        "A later call changes a value an earlier call set",
        DiagnosticSeverity.Warning,
        "Declaring an element again continues it; when a later call in the same scope changes what an earlier call set, one of the two is usually a mistake.");

    /// <summary>IKS0101: a replicated stateful service without <c>max_replicas_per_node</c>.</summary>
    public static readonly DiagnosticDescriptor StatefulWithoutMaxReplicasPerNode = Create(
        RuleIdentifiers.StatefulWithoutMaxReplicasPerNode,
        "Replicated stateful service without max_replicas_per_node",
        DiagnosticSeverity.Warning,
        "Swarm may place two replicas of a stateful service on one node, where they share its disk and fail together.");

    /// <summary>IKS0102: a local rate-limit counter on a gateway with more than one task.</summary>
    public static readonly DiagnosticDescriptor LocalRateLimitOnReplicatedGateway = Create(
        RuleIdentifiers.LocalRateLimitOnReplicatedGateway,
        "Local rate limit on a replicated gateway",
        DiagnosticSeverity.Warning,
        "With policy local every APISIX instance counts alone, so n gateway tasks allow n times the limit; policy redis shares one counter.");

    /// <summary>IKS0103: a pinned or singleton service that runs more than once, or is pinned to two nodes.</summary>
    public static readonly DiagnosticDescriptor DuplicatePinnedSingleton = Create(
        RuleIdentifiers.DuplicatePinnedSingleton,
        "Duplicate pinned singleton",
        DiagnosticSeverity.Warning,
        "A service pinned to one node or marked Singleton() must run once; Docker appends an overlay's constraints to the base's, so a second pin makes it unschedulable.");

    /// <summary>IKS0104: placement that the node inventory cannot satisfy.</summary>
    public static readonly DiagnosticDescriptor UnschedulablePlacement = Create(
        RuleIdentifiers.UnschedulablePlacement,
        "Unschedulable placement",
        DiagnosticSeverity.Warning,
        "No declared node satisfies the constraints, or the replicas exceed the eligible nodes times max_replicas_per_node: tasks stay pending.");

    /// <summary>IKS0105: a start-first update or rollback without a free slot.</summary>
    public static readonly DiagnosticDescriptor StartFirstWithoutFreeSlot = Create(
        RuleIdentifiers.StartFirstWithoutFreeSlot,
        "start-first update without a free slot",
        DiagnosticSeverity.Warning,
        "A start-first update starts the new task before stopping the old one; when max_replicas_per_node fills every eligible node, the new task never starts and the update hangs.");

    /// <summary>IKS0106: an even member count or a minority quorum.</summary>
    public static readonly DiagnosticDescriptor QuorumNotMajority = Create(
        RuleIdentifiers.QuorumNotMajority,
        "Quorum cluster with an even member count or a minority quorum",
        DiagnosticSeverity.Warning,
        "Majority clusters gain no fault tolerance from an even member count, and a Sentinel quorum must be a majority of the sentinels.");

    /// <summary>IKS0107: an image without a pinned tag.</summary>
    public static readonly DiagnosticDescriptor UnpinnedImageTag = Create(
        RuleIdentifiers.UnpinnedImageTag,
        "Image without a pinned tag",
        DiagnosticSeverity.Warning,
        "Without a version tag or digest, nodes can pull different versions and a redeploy upgrades silently.");

    /// <summary>IKS0108: a secret-like environment variable with a literal value.</summary>
    public static readonly DiagnosticDescriptor SecretInPlainEnvironment = Create(
        RuleIdentifiers.SecretInPlainEnvironment,
        "Secret-like environment variable with a literal value",
        DiagnosticSeverity.Warning,
        "A literal secret ends up in the stack file, in git and in docker service inspect; use ${VAR} or a Docker secret.");

    /// <summary>IKS0109: a consistent-hash upstream without per-node aliases.</summary>
    public static readonly DiagnosticDescriptor ConsistentHashWithoutPerNodeAliases = Create(
        RuleIdentifiers.ConsistentHashWithoutPerNodeAliases,
        "Consistent-hash upstream without per-node aliases",
        DiagnosticSeverity.Warning,
        "chash needs one upstream node per task: a Swarm VIP spreads connections anyway, and a per-node name that no alias declares does not resolve.");

    /// <summary>Every descriptor, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        NotEvaluable,
        InvalidValue,
        UndeclaredReference,
        InexpressibleOverlayChange,
        DuplicateDeclaration,
        StatefulWithoutMaxReplicasPerNode,
        LocalRateLimitOnReplicatedGateway,
        DuplicatePinnedSingleton,
        UnschedulablePlacement,
        StartFirstWithoutFreeSlot,
        QuorumNotMajority,
        UnpinnedImageTag,
        SecretInPlainEnvironment,
        ConsistentHashWithoutPerNodeAliases);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    /// <summary>The descriptor of <paramref name="id"/>, or null when this analyzer version does not know it.</summary>
    public static DiagnosticDescriptor? For(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity, string description) =>
        new(id, title, "{0}", Category, severity, isEnabledByDefault: true, description, RuleIdentifiers.GetHelpUri(id));
}

using Iklim.StackSdk.Rules;
using Sdk = Iklim.StackSdk.Rules;

namespace Iklim.StackSdk.Analyzers;

/// <summary>
/// The diagnostic IDs of Iklim.StackSdk as constants: the contract that <c>.editorconfig</c> files, <c>#pragma</c>s
/// and code fixes name. Each forwards the ID its rule declares beside its logic (src/Iklim.StackSdk/Rules/), so no
/// ID is typed twice; the catalogue test fails when a rule of <see cref="RuleCatalogue"/> has no constant here.
/// </summary>
public static class RuleIdentifiers
{
    /// <summary>Where the one-page explanation of every rule lives: <c>docs/rules/IKSnnnn.md</c>.</summary>
    public const string HelpBaseUri = RuleCatalogue.HelpBaseUri;

    /// <summary>An expression in <c>Configure</c> cannot be evaluated at compile time.</summary>
    public const string NotEvaluable = InputRules.NotEvaluable.Id;

    /// <summary>A DSL call received a value the SDK rejects (name, replicas, duration, constraint, image, ...).</summary>
    public const string InvalidValue = InputRules.InvalidValue.Id;

    /// <summary>A service uses a network, secret, config or volume that is not declared.</summary>
    public const string UndeclaredReference = InputRules.UndeclaredReference.Id;

    /// <summary>A profile changes something that no overlay file can express.</summary>
    public const string InexpressibleOverlayChange = InputRules.InexpressibleOverlayChange.Id;

    /// <summary>The same service, resource or profile is declared twice in one scope.</summary>
    public const string DuplicateDeclaration = InputRules.DuplicateDeclaration.Id;

    /// <summary>A <c>${...}</c> typed in a plain string passed to the DSL, which Docker will not interpolate.</summary>
    public const string LiteralInterpolation = InputRules.LiteralInterpolation.Id;

    /// <summary>A replicated stateful service without <c>max_replicas_per_node</c>.</summary>
    public const string StatefulWithoutMaxReplicasPerNode = Sdk.StatefulWithoutMaxReplicasPerNode.Id;

    /// <summary>A <c>limit-count</c> with <c>policy: local</c> on a gateway that runs more than one task.</summary>
    public const string LocalRateLimitOnReplicatedGateway = Sdk.LocalRateLimitOnReplicatedGateway.Id;

    /// <summary>A service pinned to one node or marked <c>Singleton()</c> that runs more than once or is pinned to two nodes.</summary>
    public const string DuplicatePinnedSingleton = Sdk.DuplicatePinnedSingleton.Id;

    /// <summary>A service that the profile's node inventory cannot fully place.</summary>
    public const string UnschedulablePlacement = Sdk.UnschedulablePlacement.Id;

    /// <summary>A <c>start-first</c> update or rollback that finds no free slot.</summary>
    public const string StartFirstWithoutFreeSlot = Sdk.StartFirstWithoutFreeSlot.Id;

    /// <summary>A majority cluster with an even member count, or a Sentinel quorum that is not a majority.</summary>
    public const string QuorumNotMajority = Sdk.QuorumNotMajority.Id;

    /// <summary>An image without a tag or with <c>latest</c>.</summary>
    public const string UnpinnedImageTag = Sdk.UnpinnedImageTag.Id;

    /// <summary>A secret-like environment variable set to a literal value.</summary>
    public const string SecretInPlainEnvironment = Sdk.SecretInPlainEnvironment.Id;

    /// <summary>A <c>chash</c> upstream whose nodes are not per-node aliases of the target service.</summary>
    public const string ConsistentHashWithoutPerNodeAliases = Sdk.ConsistentHashWithoutPerNodeAliases.Id;

    /// <summary>An image tag that names only part of a version, or a release channel such as <c>alpine</c> or <c>lts</c>.</summary>
    public const string FloatingImageTag = Sdk.FloatingImageTag.Id;

    /// <summary>A service with data on a node-local volume whose constraints let it move to another node.</summary>
    public const string NodeLocalStateCanMove = Sdk.NodeLocalStateCanMove.Id;

    /// <summary>A secret-like environment variable whose <c>${VAR:-default}</c> default is a literal.</summary>
    public const string SecretDefaultInVariable = Sdk.SecretDefaultInVariable.Id;

    /// <summary>Two services publishing the same port where they collide.</summary>
    public const string PublishedPortUsedTwice = Sdk.PublishedPortUsedTwice.Id;

    /// <summary>A quorum cluster whose placement lets the loss of one node take away its majority.</summary>
    public const string QuorumLostToOneNode = Sdk.QuorumLostToOneNode.Id;

    /// <summary>A credential spec or a non-default isolation on a service whose constraints place it on Linux nodes.</summary>
    public const string WindowsSettingOnLinuxPlacement = Sdk.WindowsSettingOnLinuxPlacement.Id;

    /// <summary>The help page of <paramref name="id"/>, e.g. <c>.../docs/rules/IKS0001.md</c>.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
}

namespace Iklim.StackSdk.Analyzers;

/// <summary>The diagnostic IDs of Iklim.StackSdk: the contract that <c>.editorconfig</c> files and <c>#pragma</c>s name.</summary>
public static class RuleIdentifiers
{
    /// <summary>Where the one-page explanation of every rule lives: <c>docs/rules/IKSnnnn.md</c>.</summary>
    public const string HelpBaseUri = "https://github.com/iklimco/Iklim.StackSdk/blob/main/docs/rules/";

    /// <summary>An expression in <c>Configure</c> cannot be evaluated at compile time.</summary>
    public const string NotEvaluable = "IKS0001";

    /// <summary>A DSL call received a value the SDK rejects (name, replicas, duration, constraint, image, ...).</summary>
    public const string InvalidValue = "IKS0002";

    /// <summary>A service uses a network, secret, config or volume that is not declared.</summary>
    public const string UndeclaredReference = "IKS0003";

    /// <summary>A profile changes something that no overlay file can express.</summary>
    public const string InexpressibleOverlayChange = "IKS0004";

    /// <summary>The same service, resource or profile is declared twice in one scope.</summary>
    public const string DuplicateDeclaration = "IKS0005";

    /// <summary>A replicated stateful service without <c>max_replicas_per_node</c>.</summary>
    public const string StatefulWithoutMaxReplicasPerNode = "IKS0101";

    /// <summary>A <c>limit-count</c> with <c>policy: local</c> on a gateway that runs more than one task.</summary>
    public const string LocalRateLimitOnReplicatedGateway = "IKS0102";

    /// <summary>A service pinned to one node or marked <c>Singleton()</c> that runs more than once or is pinned to two nodes.</summary>
    public const string DuplicatePinnedSingleton = "IKS0103";

    /// <summary>A service that the profile's node inventory cannot fully place.</summary>
    public const string UnschedulablePlacement = "IKS0104";

    /// <summary>A <c>start-first</c> update or rollback that finds no free slot.</summary>
    public const string StartFirstWithoutFreeSlot = "IKS0105";

    /// <summary>A majority cluster with an even member count, or a Sentinel quorum that is not a majority.</summary>
    public const string QuorumNotMajority = "IKS0106";

    /// <summary>An image without a tag or with <c>latest</c>.</summary>
    public const string UnpinnedImageTag = "IKS0107";

    /// <summary>A secret-like environment variable set to a literal value.</summary>
    public const string SecretInPlainEnvironment = "IKS0108";

    /// <summary>A <c>chash</c> upstream whose nodes are not per-node aliases of the target service.</summary>
    public const string ConsistentHashWithoutPerNodeAliases = "IKS0109";

    /// <summary>A quorum cluster whose placement lets the loss of one node take away its majority.</summary>
    public const string QuorumLostToOneNode = "IKS0110";

    /// <summary>The help page of <paramref name="id"/>, e.g. <c>.../docs/rules/IKS0001.md</c>.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
}

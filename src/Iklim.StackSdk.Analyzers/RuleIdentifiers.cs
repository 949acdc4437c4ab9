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

    /// <summary>A <c>limit-count</c> with <c>policy: local</c> on a gateway that runs more than one task.</summary>
    public const string LocalRateLimitOnReplicatedGateway = "IKS0102";

    /// <summary>A <c>chash</c> upstream whose nodes are not per-node aliases of the target service.</summary>
    public const string ConsistentHashWithoutPerNodeAliases = "IKS0109";

    /// <summary>The help page of <paramref name="id"/>, e.g. <c>.../docs/rules/IKS0001.md</c>.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";
}

namespace Iklim.StackSdk.Model.Keys;

/// <summary>The words compose files use for the SDK's enums.</summary>
internal static class ComposeWords
{
    public static string Of(ServiceMode mode) => mode switch
    {
        ServiceMode.Global => "global",
        ServiceMode.ReplicatedJob => "replicated-job",
        ServiceMode.GlobalJob => "global-job",
        _ => "replicated",
    };

    /// <summary>True for the modes that run one task per eligible node and take no <c>replicas</c>.</summary>
    public static bool IsGlobal(ServiceMode? mode) => mode is ServiceMode.Global or ServiceMode.GlobalJob;

    public static string Of(EndpointMode mode) => mode == EndpointMode.Dnsrr ? "dnsrr" : "vip";

    public static string Of(UpdateOrder order) => order == UpdateOrder.StartFirst ? "start-first" : "stop-first";

    public static string Of(FailureAction action) => action switch
    {
        FailureAction.Continue => "continue",
        FailureAction.Rollback => "rollback",
        _ => "pause",
    };

    public static string Of(RestartCondition condition) => condition switch
    {
        RestartCondition.None => "none",
        RestartCondition.OnFailure => "on-failure",
        _ => "any",
    };

    public static string Of(PortProtocol protocol) => protocol == PortProtocol.Udp ? "udp" : "tcp";

    public static string Of(PortMode mode) => mode == PortMode.Host ? "host" : "ingress";

    /// <summary>The source prefix of a cluster mount that takes any volume of a volume group; Docker does not scope it to the stack.</summary>
    public const string ClusterVolumeGroupPrefix = "group:";

    public static string Of(MountType type) => type switch
    {
        MountType.Bind => "bind",
        MountType.Tmpfs => "tmpfs",
        MountType.Cluster => "cluster",
        MountType.Npipe => "npipe",
        _ => "volume",
    };

    /// <summary>The enum value's name in lower case, as compose writes it (<c>rshared</c>).</summary>
    public static string Of(BindPropagation propagation) => propagation switch
    {
        BindPropagation.Private => "private",
        BindPropagation.Rshared => "rshared",
        BindPropagation.Shared => "shared",
        BindPropagation.Rslave => "rslave",
        BindPropagation.Slave => "slave",
        _ => "rprivate",
    };

    public static string Of(Isolation isolation) => isolation switch
    {
        Isolation.Process => "process",
        Isolation.HyperV => "hyperv",
        _ => "default",
    };
}

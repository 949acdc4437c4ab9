namespace Iklim.StackSdk.Model.Keys;

/// <summary>The words compose files use for the SDK's enums.</summary>
internal static class ComposeWords
{
    public static string Of(ServiceMode mode) => mode == ServiceMode.Global ? "global" : "replicated";

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
}

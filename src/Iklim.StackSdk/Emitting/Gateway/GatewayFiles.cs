using System.Collections.Generic;
using System.Linq;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Emitting.Gateway;

/// <summary>
/// Where a gateway's files go, relative to the deploy folder, and which gateway each profile deploys. Paths follow
/// the seed: <c>init/apisix-core/init.sh</c>, <c>config/apisix/config.yaml</c>, <c>config/apisix/config.prod.yaml</c>.
/// </summary>
internal static class GatewayFiles
{
    /// <summary>Where APISIX reads its configuration inside the container.</summary>
    public const string ConfigTarget = "/usr/local/apisix/conf/config.yaml";

    public static string ScriptPath(string service) => "init/" + service + "-core/init.sh";

    /// <summary>config.yaml for the base, config.&lt;profile&gt;.yaml for a profile.</summary>
    public static string ConfigPath(string service, string? profile) =>
        "config/" + service + "/config" + (profile is null ? string.Empty : "." + profile) + ".yaml";

    /// <summary>The top-level config entry that carries the file: <c>apisix_config</c>.</summary>
    public static string ConfigName(string service) => service.Replace('-', '_').Replace('.', '_') + "_config";

    /// <summary>Every service that runs a gateway in the base or in some profile, in first-declared order.</summary>
    public static IReadOnlyList<string> Services(StackModel model) =>
        model.Base.Gateways.Select(g => g.Service)
            .Concat(model.Profiles.SelectMany(p => p.Changes.Gateways.Select(g => g.Service)))
            .Distinct()
            .ToList();

    /// <summary>The base's gateway when it has a config.yaml, else null.</summary>
    public static GatewaySpec? BaseConfig(StackModel model, string service) =>
        model.Base.Gateway(service) is { } gateway && GatewayConfigEmitter.HasConfig(gateway) ? gateway : null;

    /// <summary>
    /// The effective gateway of <paramref name="profile"/> when the profile needs a config.yaml of its own (its etcd,
    /// real IP or Admin API settings differ from the base's, or the base has none), else null.
    /// </summary>
    public static GatewaySpec? ProfileConfig(StackModel model, string service, ProfileModel profile)
    {
        var effective = Effective(model, service, profile);
        var baseConfig = BaseConfig(model, service);
        if (effective is null || !GatewayConfigEmitter.HasConfig(effective))
        {
            return null;
        }

        return baseConfig is not null && effective.Etcd == baseConfig.Etcd && effective.RealIp == baseConfig.RealIp && effective.AdminApi == baseConfig.AdminApi ? null : effective;
    }

    /// <summary>The gateway of <paramref name="service"/> as <paramref name="profile"/> deploys it (null profile: the base), or null.</summary>
    public static GatewaySpec? Effective(StackModel model, string service, ProfileModel? profile)
    {
        var baseGateway = model.Base.Gateway(service);
        var change = profile?.Changes.Gateway(service);
        return (baseGateway, change) switch
        {
            (null, null) => null,
            (null, { } only) => only,
            ({ } b, null) => b,
            ({ } b, { } o) => GatewayMerge.Merge(b, o),
        };
    }
}

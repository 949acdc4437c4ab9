using System.Collections.Generic;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0102: a <c>limit-count</c> with <c>policy: local</c> on a gateway whose service runs more than one task. Each
/// APISIX instance counts alone and Swarm's VIP spreads clients over them, so the effective limit is count × tasks.
/// Reported at the scope's own <c>LimitCount</c> call when it made one, else at its <c>Replicas</c> call (the change
/// that made the local counter wrong), else at the base's <c>LimitCount</c>.
/// </summary>
internal sealed class LocalRateLimitOnReplicatedGateway : StackRule
{
    public const string Id = "IKS0102";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Local rate limit on a replicated gateway",
        "{0} of gateway '{1}' uses limit-count with policy local while service '{1}' runs {2} tasks {3}: each instance counts alone, so the effective limit is {4} × {2} = {5} requests per {6} s. Use policy: RateLimitPolicy.Redis (or RedisCluster) so the instances share one counter.",
        FindingSeverity.Warning,
        "With policy local every APISIX instance counts alone, so n gateway tasks allow n times the limit; policy redis shares one counter.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var gateway in scope.Stack.Gateways)
        {
            if (scope.Stack.Service(gateway.Service) is not { } service || scope.Tasks(service) is not { } replicas || replicas <= 1)
            {
                continue;
            }

            foreach (var (what, key, plugins) in PluginOwners(gateway))
            {
                foreach (var plugin in plugins)
                {
                    if (plugin is not LimitCountSpec { Policy: RateLimitPolicy.Local } limit)
                    {
                        continue;
                    }

                    object[] arguments = { what, gateway.Service, replicas, scope.Phrase, limit.Count, limit.Count * replicas, limit.TimeWindow };
                    var limitKey = key + ":LimitCount";
                    yield return !scope.SetsGateway(gateway.Service, limitKey) && scope.Name.Length > 0 && scope.Sets(service.Name, ServiceSettings.Replicas)
                        ? scope.Warn(Rule, service, ServiceSettings.Replicas, arguments)
                        : new Finding(Id, Rule.DefaultSeverity, Rule.Message(arguments), new SourceRef(scope.Name, "gateway", gateway.Service, limitKey));
                }
            }
        }
    }

    private static IEnumerable<(string What, string Key, ValueList<PluginSpec> Plugins)> PluginOwners(GatewaySpec gateway)
    {
        foreach (var route in gateway.Routes)
        {
            yield return ($"route '{route.Id}'", "Route:" + route.Id, route.Plugins);
        }

        foreach (var rule in gateway.GlobalRules)
        {
            yield return ($"global rule '{rule.Id}'", "GlobalRule:" + rule.Id, rule.Plugins);
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Model.Keys;
using Iklim.StackSdk.Validation;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// IKS0106: a cluster that decides by majority with an even member count (Raft: vault, etcd, consul; ZooKeeper;
/// RabbitMQ), or a Redis Sentinel group whose count is even or whose quorum is not a majority of its sentinels.
/// An even count tolerates no more failures than one member fewer, and a split into halves leaves no majority.
/// </summary>
internal sealed class QuorumNotMajority : StackRule
{
    public const string Id = "IKS0106";

    public static RuleDefinition Rule { get; } = new(
        Id,
        "Quorum cluster with an even member count or a minority quorum",
        "service '{0}' {1} {2}{3} {4}",
        FindingSeverity.Warning,
        "Majority clusters gain no fault tolerance from an even member count, and a Sentinel quorum must be a majority of the sentinels.");

    public override RuleDefinition Definition => Rule;

    public override IEnumerable<Finding> Check(RuleScope scope)
    {
        foreach (var service in scope.Stack.Services)
        {
            var kind = ServiceTraits.QuorumCluster(service);
            if (kind is null || scope.Tasks(service) is not { } members || members == 0)
            {
                continue;
            }

            var countKey = ComposeWords.IsGlobal(service.Mode) ? ServiceSettings.Global : ServiceSettings.Replicas;
            if (members % 2 == 0)
            {
                yield return scope.Warn(
                    Rule,
                    service,
                    scope.KeyFor(service, countKey),
                    service.Name,
                    $"runs {Number(members)} {kind} members",
                    scope.Phrase,
                    ":",
                    $"an even count tolerates as few failures ({Number((members - 1) / 2)}) as {Number(members - 1)} members would, and a split into halves leaves no majority. Use {Number(members - 1)} or {Number(members + 1)} replicas.");
            }

            if (kind == "Redis Sentinel" && Quorum(service) is { } quorum)
            {
                var (variable, value) = quorum;
                var problem = value > members
                    ? $"is more than its {Number(members)} sentinels: the master can never be agreed down, so failover never starts"
                    : value * 2 <= members
                        ? $"is not a majority of its {Number(members)} sentinels: a minority can declare the master down"
                        : null;
                if (problem is not null)
                {
                    yield return scope.Warn(
                        Rule,
                        service,
                        scope.KeyFor(service, ServiceSettings.Environment(variable), countKey),
                        service.Name,
                        $"sets {variable} {Number(value)}",
                        scope.Phrase,
                        ",",
                        $"which {problem}. Use {Number((members / 2) + 1)} for {Number(members)} sentinels.");
                }
            }
        }
    }

    // A quorum left to a deploy-time ${VAR} cannot be judged.
    private static (string Variable, int Value)? Quorum(ServiceSpec service)
    {
        foreach (var variable in ServiceTraits.SentinelQuorumVariables)
        {
            if (service.Environment.Get(variable) is { } text && !Names.HasInterpolation(text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return (variable, value);
            }
        }

        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

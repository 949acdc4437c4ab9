using Iklim.StackSdk.Analyzers.Rules;
using Verify = Iklim.StackSdk.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Iklim.StackSdk.Analyzers.Rules.StackDefinitionAnalyzer>;

namespace Iklim.StackSdk.Analyzers.Tests.Rules;

public sealed class CleanStackTests
{
    [Fact]
    public Task CleanStack_DoesNotTrigger() => Verify.VerifyAnalyzerAsync("""
        using Iklim.StackSdk;

        [Stack("iklimco", BaseFile = "docker-stack-infra.yml")]
        public sealed class InfraStack : IStackDefinition
        {
            private const string Net = "iklimco-net";

            public void Configure(IStackBuilder stack)
            {
                stack.Network(Net).External();
                stack.Volume("redis-data");
                stack.Node("iklim-app-01").Label("type", "service");
                var redis = stack.Service("redis")
                    .Image("redis:7.2.5-alpine")
                    .Stateful()
                    .Network(Net)
                    .Volume(Env.Var("REDIS_VOLUME", "redis-data"), "/data")
                    .Replicas(1)
                    .Constraint("node.labels.type == service")
                    .Label("project", "co.iklim");
                redis.Environment("MODE", $"primary-{Swarm.NodeHostname}");
                foreach (var name in new[] { "api", "worker" })
                {
                    stack.Service(name).Image($"iklim/{name}:1.0.0").Network(Net).Command(["run", name]);
                }

                stack.Profile("prod", prod =>
                {
                    prod.Node("iklim-app-02").Label("type", "service");
                    prod.Node("iklim-app-03").Label("type", "service");
                    prod.Secret("rabbitmq_erlang_cookie").External();
                    prod.Service("rabbitmq")
                        .Image("rabbitmq:3.13.7")
                        .Secret("rabbitmq_erlang_cookie")
                        .Network(Net, aliases: $"rabbitmq-{Swarm.NodeHostname}")
                        .Replicas(3)
                        .MaxReplicasPerNode(1)
                        .UpdateConfig(parallelism: 1, order: UpdateOrder.StopFirst);
                    prod.Service("redis").Replicas(2).MaxReplicasPerNode(1);
                });
            }
        }
        """);
}

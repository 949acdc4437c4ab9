using System.Globalization;

namespace Iklim.StackSdk.Benchmarks;

/// <summary>
/// The stack of <see cref="SyntheticStack"/> as a team would factor it (issue 15): a record per component, an iterator
/// that yields them, extension methods for the chain every service repeats and for the prod override, a dictionary of
/// environment variables and loops instead of one statement per service. It builds the same model;
/// <see cref="IdiomaticComparison"/> checks that before timing anything.
/// </summary>
public static class IdiomaticSyntheticStack
{
    public static string Source(int serviceCount) => """
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using Iklim.StackSdk;

        internal sealed record Component(int Index)
        {
            public string Number => Index.ToString("D5", CultureInfo.InvariantCulture);

            public string Name => "svc-" + Number;

            public string Volume => Name + "-vl";

            public string Image => $"{BenchConventions.Registry}/{Name}:1.{Number}";
        }

        internal static class BenchConventions
        {
            public const string Registry = "registry.example.com";
            public const string Network = "bench-net";
            public static readonly string Placement = "node.labels.type == service";

            public static IEnumerable<Component> Components(int count)
            {
                for (var i = 0; i < count; i++)
                {
                    yield return new Component(i);
                }
            }

            public static IServiceBuilder Standard(this IServiceBuilder service, Component component)
            {
                var environment = new Dictionary<string, string>
                {
                    ["TZ"] = "Europe/Istanbul",
                    ["SERVICE_NAME"] = component.Name,
                    ["LOG_LEVEL"] = "info",
                };
                foreach (var (name, value) in environment)
                {
                    service.Environment(name, value);
                }

                return service.Network(Network).Volume(component.Volume, "/data").Replicas(1).Constraint(Placement).Label("project", "bench");
            }

            public static IServiceBuilder Production(this IServiceBuilder service) =>
                service.Environment("LOG_LEVEL", "warn").Replicas(3).MaxReplicasPerNode(1).Limits(cpus: "0.5", memory: "256M");
        }

        [Stack("bench", BaseFile = "docker-stack-bench.yml")]
        public sealed class BenchStack : IStackDefinition
        {
        """ + string.Create(CultureInfo.InvariantCulture, $"    private const int ServiceCount = {serviceCount};\n") + """

            public void Configure(IStackBuilder stack)
            {
                var components = BenchConventions.Components(ServiceCount).ToList();
                stack.Network(BenchConventions.Network).External();
                stack.Node("bench-node-01").Label("type", "service").Role(NodeRole.Manager);
                foreach (var component in components)
                {
                    stack.Volume(component.Volume);
                    stack.Service(component.Name).Image(component.Image).Standard(component);
                }

                stack.Profile("prod", prod =>
                {
                    foreach (var node in new[] { 2, 3 })
                    {
                        prod.Node($"bench-node-{node:D2}").Label("type", "service");
                    }

                    foreach (var component in components)
                    {
                        prod.Service(component.Name).Production();
                    }
                });
            }
        }
        """;
}

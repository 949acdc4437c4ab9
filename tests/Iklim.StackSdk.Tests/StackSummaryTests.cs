using Iklim.StackSdk.Building;
using Iklim.StackSdk.Emitting;

namespace Iklim.StackSdk.Tests;

/// <summary>STACK.md carries the seed's "Placement and Replica Summary — prod" table for the sample.</summary>
public sealed class StackSummaryTests
{
    // The seed's summary table (service, file, replicas, placement), written from the seed, not from our output.
    public static readonly TheoryData<string, string, string, string> SeedProdTable = new()
    {
        { "swag", "base", "1", "node.hostname == iklim-app-01" },
        { "cert-reloader", "base", "1", "node.hostname == iklim-app-01" },
        { "vault", "docker-stack-infra.prod.yml", "3", "node.labels.type == service; max 1/node" },
        { "apisix", "docker-stack-infra.prod.yml", "3", "node.labels.type == service; max 1/node" },
        { "apisix-dashboard", "docker-stack-infra.prod.yml", "3", "node.labels.type == service; max 1/node" },
        { "redis", "docker-stack-infra.prod.yml", "1", "node.labels.type == service" },
        { "redis-replica", "docker-stack-infra.prod.yml", "2", "node.labels.type == service; max 1/node; spread: node.hostname" },
        { "redis-sentinel", "docker-stack-infra.prod.yml", "3", "node.labels.type == service; max 1/node; spread: node.hostname" },
        { "rabbitmq", "docker-stack-infra.prod.yml", "3", "node.labels.type == service; max 1/node" },
        { "etcd", "base", "1", "node.labels.type == service" },
        { "prometheus", "base", "1", "node.labels.type == service" },
        { "grafana", "base", "1", "node.labels.type == service" },
    };

    private static readonly string Summary = StackSummaryEmitter.Emit(StackBuilder.Run(new IklimProd.InfraStack()).Model);

    [Theory]
    [MemberData(nameof(SeedProdTable))]
    public void ProdSection_HasTheSeedsRow(string service, string file, string replicas, string placement)
    {
        var prod = Summary[Summary.IndexOf("\n## prod\n", StringComparison.Ordinal)..];
        Assert.Contains($"\n| {service} | {file} | {replicas} | {placement} | ", prod, StringComparison.Ordinal);
    }

    [Fact]
    public void EachSection_DrawsServicesOnTheNodesTheirConstraintsAllow()
    {
        var prod = Summary[Summary.IndexOf("\n## prod\n", StringComparison.Ordinal)..];
        Assert.Contains("```mermaid\nflowchart LR\n", prod, StringComparison.Ordinal);
        Assert.Contains("  n2[(\"iklim-app-03\")]\n", prod, StringComparison.Ordinal);

        // swag is pinned to iklim-app-01 (n0): one edge; vault may run on all three nodes.
        Assert.Contains("  s0[\"swag ×1\"]\n  s0 --> n0\n  s1[", prod, StringComparison.Ordinal);
        Assert.Contains("  s2[\"vault ×3\"]\n  s2 --> n0\n  s2 --> n1\n  s2 --> n2\n", prod, StringComparison.Ordinal);
    }
}
